"""Real image bytes made with Pillow for the image tests, and a few files that only pretend to be."""

import io
import os
import struct
import zlib

from PIL import Image


def picture(width: int = 64, height: int = 48, *, kind: str = "PNG", mode: str = "RGB") -> bytes:
    """A real image of that size, with a gradient so encoders have something to encode."""
    gradient = Image.linear_gradient("L").resize((width, height))
    image = gradient.convert(mode)
    if "A" in mode:
        image.putalpha(gradient)  # truly transparent in places, so an encoder cannot drop the alpha
    out = io.BytesIO()
    image.save(out, kind)
    return out.getvalue()


def noise(width: int, height: int, *, kind: str = "PNG") -> bytes:
    """An image that does not compress: its file is about as large as its pixels."""
    out = io.BytesIO()
    Image.frombytes("RGB", (width, height), os.urandom(width * height * 3)).save(out, kind)
    return out.getvalue()


def bomb(side: int = 12_000) -> bytes:
    """A genuine decompression bomb: a few kilobytes of PNG that decode to side x side pixels."""
    out = io.BytesIO()
    Image.new("1", (side, side)).save(out, "PNG", optimize=True)
    return out.getvalue()


def png_claiming(width: int, height: int) -> bytes:
    """A small PNG whose header claims a huge size: what a crafted bomb looks like to a decoder."""
    data = bytearray(picture(1, 1))
    ihdr = struct.pack(">II", width, height) + bytes(data[24:29])
    data[16:29] = ihdr
    data[29:33] = struct.pack(">I", zlib.crc32(b"IHDR" + ihdr))
    return bytes(data)
