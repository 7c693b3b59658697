"""What counts as a product image, and its thumbnails: pure functions of bytes, no Django."""

import io

import pytest
from PIL import Image

from oms.contexts.inventory.application.images import ImageFacts, inspect_image, make_thumbnails
from oms.shared_kernel.errors import InvalidValue
from tests.contexts.inventory.api.pictures import bomb, picture, png_claiming

LIMITS = {"max_bytes": 5_000_000, "max_pixels": 40_000_000}


def size_of(data: bytes) -> tuple[str | None, tuple[int, int]]:
    with Image.open(io.BytesIO(data)) as image:
        return image.format, image.size


@pytest.mark.parametrize(
    ("kind", "content_type", "extension"),
    [("JPEG", "image/jpeg", "jpg"), ("PNG", "image/png", "png"), ("WEBP", "image/webp", "webp")],
)
def test_jpeg_png_and_webp_are_recognised_by_their_content(kind, content_type, extension):
    assert inspect_image(picture(64, 48, kind=kind), **LIMITS) == ImageFacts(
        content_type=content_type, extension=extension, width=64, height=48
    )


@pytest.mark.parametrize(
    "data",
    [
        b"I am a text file with a .png name.\n",
        b"",
        picture(kind="GIF"),
        picture(kind="BMP"),
        b"<svg xmlns='http://www.w3.org/2000/svg'/>",
    ],
    ids=["text", "empty", "gif", "bmp", "svg"],
)
def test_anything_but_a_jpeg_png_or_webp_is_refused(data):
    with pytest.raises(InvalidValue, match="not a JPEG, PNG or WebP"):
        inspect_image(data, **LIMITS)


def test_a_damaged_png_is_refused():
    data = bytearray(picture(64, 48))
    data[60:70] = b"\x00" * 10  # inside the image data: its checksum no longer matches

    with pytest.raises(InvalidValue):
        inspect_image(bytes(data), **LIMITS)


def test_a_file_over_the_size_limit_is_refused_before_it_is_opened():
    with pytest.raises(InvalidValue, match="larger than the limit of 5,000,000 bytes"):
        inspect_image(b"\x89PNG" + bytes(5_000_000), **LIMITS)


def test_an_image_over_the_pixel_limit_is_refused():
    with pytest.raises(InvalidValue, match=r"too many pixels \(64x48\); at most 3,000"):
        inspect_image(picture(64, 48), max_bytes=5_000_000, max_pixels=3_000)


@pytest.mark.parametrize("side", [8_000, 12_000], ids=["under-pillows-own-limit", "over-it"])
def test_a_decompression_bomb_is_refused_without_being_expanded(side):
    data = bomb(side)  # some kilobytes that would decode to 64 or 144 million pixels

    assert len(data) < 100_000
    with pytest.raises(InvalidValue, match="too many pixels"):
        inspect_image(data, **LIMITS)


def test_a_header_claiming_billions_of_pixels_is_refused():
    with pytest.raises(InvalidValue, match="too many pixels"):
        inspect_image(png_claiming(100_000, 100_000), **LIMITS)


def test_thumbnails_fit_each_size_and_keep_the_aspect_ratio():
    thumbnails = make_thumbnails(picture(1200, 800, kind="JPEG"), [160, 480], max_pixels=40_000_000)

    assert {size: size_of(data) for size, data in thumbnails.items()} == {
        160: ("WEBP", (160, 107)),
        480: ("WEBP", (480, 320)),
    }


def test_a_small_image_is_never_enlarged():
    thumbnails = make_thumbnails(picture(100, 50), [160, 480], max_pixels=40_000_000)

    assert {size: size_of(data)[1] for size, data in thumbnails.items()} == {160: (100, 50), 480: (100, 50)}


def test_transparency_survives_in_the_thumbnail():
    [data] = make_thumbnails(picture(300, 300, mode="RGBA"), [160], max_pixels=40_000_000).values()

    with Image.open(io.BytesIO(data)) as thumbnail:
        assert thumbnail.mode == "RGBA"


def test_thumbnails_are_refused_for_a_bomb_too():
    with pytest.raises(InvalidValue):
        make_thumbnails(bomb(12_000), [160], max_pixels=40_000_000)
