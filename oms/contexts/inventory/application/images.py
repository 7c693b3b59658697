"""What counts as a product image, and its thumbnails: pure functions of bytes, with Pillow only.

Nothing here knows Django, storage or Celery, so the thumbnail step can later run as a serverless
function unchanged. The type is read from the content, never from the file's name; the pixel count
is read from the header and checked before a single pixel is decoded, so a decompression bomb (a
small file that expands to gigabytes) is refused without being expanded.
"""

import io
import warnings
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from PIL import Image, ImageOps, UnidentifiedImageError

from oms.shared_kernel.errors import InvalidValue

# Pillow format name -> (media type, file extension). Nothing else is opened at all.
FORMATS = {"JPEG": ("image/jpeg", "jpg"), "PNG": ("image/png", "png"), "WEBP": ("image/webp", "webp")}
THUMBNAIL_FORMAT, THUMBNAIL_TYPE, THUMBNAIL_EXTENSION = "WEBP", "image/webp", "webp"
THUMBNAIL_QUALITY = 82
# Any failure of a decoder on hostile bytes is "not an image", never a crash.
_UNREADABLE = (UnidentifiedImageError, OSError, SyntaxError, ValueError)
_BOMB = (Image.DecompressionBombError, Image.DecompressionBombWarning)


@dataclass(frozen=True, slots=True)
class ImageFacts:
    content_type: str
    extension: str
    width: int
    height: int


def inspect_image(data: bytes, *, max_bytes: int, max_pixels: int) -> ImageFacts:
    """The facts of a JPEG, PNG or WebP image within the limits; InvalidValue for anything else."""
    if len(data) > max_bytes:
        raise InvalidValue(f"The image is larger than the limit of {max_bytes:,} bytes.")
    with _opened(data, max_pixels=max_pixels) as image:
        content_type, extension = FORMATS[str(image.format)]
        width, height = image.size
        try:
            image.verify()  # checks the structure (PNG chunk CRCs, JPEG markers) without decoding
        except _UNREADABLE as exc:
            raise InvalidValue("The file is damaged: it is not a readable image.") from exc
    return ImageFacts(content_type=content_type, extension=extension, width=width, height=height)


def make_thumbnails(data: bytes, sizes: Iterable[int], *, max_pixels: int) -> dict[int, bytes]:
    """WebP thumbnails whose longest side is at most each size; a small image is never enlarged."""
    wanted = sorted(set(sizes), reverse=True)
    with _opened(data, max_pixels=max_pixels) as image:
        if wanted and image.format == "JPEG":
            image.draft("RGB", (wanted[0], wanted[0]))  # decode at a reduced scale: less time and memory
        try:
            upright = ImageOps.exif_transpose(image.convert("RGBA" if _has_alpha(image) else "RGB"))
        except _UNREADABLE as exc:
            raise InvalidValue("The file is damaged: it is not a readable image.") from exc
    thumbnails: dict[int, bytes] = {}
    for size in wanted:
        # Each size is made from the previous, larger one: far cheaper than from the original.
        upright.thumbnail((size, size), Image.Resampling.LANCZOS)
        out = io.BytesIO()
        upright.save(out, THUMBNAIL_FORMAT, quality=THUMBNAIL_QUALITY)
        thumbnails[size] = out.getvalue()
    return thumbnails


@contextmanager
def _opened(data: bytes, *, max_pixels: int) -> Iterator[Image.Image]:
    try:
        with warnings.catch_warnings():
            # Pillow only warns between its limit and twice it; a bomb is an error at any size.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=list(FORMATS))
    except _BOMB as exc:
        raise InvalidValue(f"The image has too many pixels; at most {max_pixels:,} are accepted.") from exc
    except _UNREADABLE as exc:
        raise InvalidValue("The file is not a JPEG, PNG or WebP image.") from exc
    with image:
        width, height = image.size
        if width * height > max_pixels:
            raise InvalidValue(
                f"The image has too many pixels ({width}x{height}); at most {max_pixels:,} are accepted."
            )
        yield image


def _has_alpha(image: Image.Image) -> bool:
    return image.mode in {"RGBA", "LA", "PA"} or "transparency" in image.info
