"""The image rules (booking_domain.media.images) as the Pillow processor applies them, on
generated images."""

from __future__ import annotations

import io

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image

from adapters.images.pillow import PillowImageProcessor, make_variants
from booking_domain.media import VARIANTS, ImageRejectedError
from booking_domain.media.images import REJECTION_REASONS

pytestmark = pytest.mark.anyio


def _jpeg(size: tuple[int, int], *, orientation: int | None = None, gps: bool = False) -> bytes:
    image = Image.new("RGB", size, (200, 30, 30))
    image.paste((20, 20, 220), (0, 0, size[0] // 2, size[1] // 2))  # a marked corner
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    if orientation is not None:
        exif[0x0112] = orientation
    if gps:
        exif[0x8825] = {1: "N", 2: (47.0, 55.0, 0.0), 3: "E", 4: (106.0, 55.0, 0.0)}
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes(), quality=90)
    return out.getvalue()


def _encoded(image: Image.Image, fmt: str) -> bytes:
    out = io.BytesIO()
    image.save(out, fmt)
    return out.getvalue()


def _reject_reason(data: bytes, declared: str) -> str:
    with pytest.raises(ImageRejectedError) as refusal:
        make_variants(data, declared, VARIANTS)
    return refusal.value.reason


def test_variants_are_webp_fitted_in_their_boxes_and_never_enlarged() -> None:
    made = {v.name: v for v in make_variants(_jpeg((4000, 3000)), "image/jpeg", VARIANTS)}
    assert (made["large"].width, made["large"].height) == (1600, 1200)
    assert (made["small"].width, made["small"].height) == (400, 300)
    small = make_variants(_jpeg((300, 200)), "image/jpeg", VARIANTS)
    assert {(v.width, v.height) for v in small} == {(300, 200)}
    for variant in made.values():
        with Image.open(io.BytesIO(variant.data)) as reopened:
            assert reopened.format == "WEBP"
            assert reopened.size == (variant.width, variant.height)


def test_orientation_is_applied_then_every_piece_of_metadata_is_dropped() -> None:
    data = _jpeg((800, 400), orientation=6, gps=True)
    with Image.open(io.BytesIO(data)) as original:
        assert original.getexif().get_ifd(0x8825)  # the GPS really is in the input
    for variant in make_variants(data, "image/jpeg", VARIANTS):
        assert variant.height > variant.width  # 800x400 turned a quarter
        with Image.open(io.BytesIO(variant.data)) as reopened:
            assert len(reopened.getexif()) == 0
            assert not {"exif", "xmp", "icc_profile"} & set(reopened.info)
            # The marked corner (top-left before turning) is now at the top right.
            rgb = reopened.convert("RGB")
            r, _g, b = rgb.getpixel((reopened.width - 2, 1))  # type: ignore[misc]
            assert b > r


def test_a_png_declaring_a_huge_canvas_is_refused_before_decoding() -> None:
    bomb = _encoded(Image.new("1", (12_000, 12_000)), "PNG")  # 144 MP in a few kB
    assert len(bomb) < 100_000
    assert _reject_reason(bomb, "image/png") == "too_many_pixels"


def test_bytes_that_are_not_the_declared_type_are_refused() -> None:
    assert _reject_reason(_jpeg((64, 64)), "image/png") == "type_mismatch"
    png = _encoded(Image.new("RGB", (64, 64)), "PNG")
    assert _reject_reason(png, "image/webp") == "type_mismatch"


@pytest.mark.parametrize(
    "data",
    [
        _encoded(Image.new("P", (64, 64)), "GIF"),
        b'<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"></svg>',
        b"<!doctype html><html><script>alert(1)</script></html>",
        _encoded(Image.new("RGB", (64, 64)), "BMP"),
    ],
    ids=["gif", "svg", "html", "bmp"],
)
def test_formats_outside_the_allowlist_are_refused(data: bytes) -> None:
    assert _reject_reason(data, "image/jpeg") == "format_not_allowed"


def test_a_truncated_jpeg_is_refused() -> None:
    data = _jpeg((1200, 900))
    assert _reject_reason(data[: len(data) // 2], "image/jpeg") == "unreadable"


def test_a_tiny_image_is_refused() -> None:
    assert _reject_reason(_jpeg((8, 300)), "image/jpeg") == "too_small"


def test_transparency_is_kept() -> None:
    png = _encoded(Image.new("RGBA", (64, 64), (0, 0, 0, 0)), "PNG")
    (large, _small) = make_variants(png, "image/png", VARIANTS)
    with Image.open(io.BytesIO(large.data)) as reopened:
        assert reopened.mode == "RGBA"


@given(st.binary(max_size=2048), st.sampled_from(["image/jpeg", "image/png", "image/webp"]))
def test_arbitrary_bytes_are_refused_with_a_reason(data: bytes, declared: str) -> None:
    with pytest.raises(ImageRejectedError) as refusal:
        make_variants(data, declared, VARIANTS)
    assert refusal.value.reason in REJECTION_REASONS


async def test_the_processor_runs_off_the_event_loop() -> None:
    made = await PillowImageProcessor(max_concurrent=1).variants(_jpeg((640, 480)), "image/jpeg")
    assert [v.name for v in made] == ["large", "small"]
