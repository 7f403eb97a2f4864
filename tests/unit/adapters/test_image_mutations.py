"""Whatever a client's bytes are, the Pillow processor answers variants or
``ImageRejectedError`` with a known reason: never another exception (which would be a 500
and leave the upload open). Valid images are mutated at random: raw bytes in any format,
and PNG chunk fields with their CRCs recomputed, so that the mutation reaches the decoder
instead of stopping at the checksum."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from PIL import Image

from adapters.images.pillow import make_variants
from booking_domain.media import ImageRejectedError, VariantSpec
from booking_domain.media.images import REJECTION_REASONS

SPECS = (VariantSpec("large", 64), VariantSpec("small", 24))  # small boxes: fast examples
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _encoded(image: Image.Image, fmt: str, **options: object) -> bytes:
    out = io.BytesIO()
    image.save(out, fmt, **options)
    return out.getvalue()


def _palette_png() -> bytes:
    image = Image.new("P", (40, 30))
    image.putpalette([0, 0, 0, 250, 20, 20, 20, 250, 20, 20, 20, 250])
    image.paste(1, (0, 0, 20, 15))
    image.paste(2, (20, 15, 40, 30))
    return _encoded(image, "PNG", transparency=0)


def _rgb(size: tuple[int, int] = (40, 30)) -> Image.Image:
    image = Image.new("RGB", size, (200, 30, 30))
    image.paste((20, 20, 220), (0, 0, size[0] // 2, size[1] // 2))
    return image


SEEDS: dict[str, tuple[str, bytes]] = {
    "palette-png": ("image/png", _palette_png()),
    "rgba-png": ("image/png", _encoded(_rgb().convert("RGBA"), "PNG")),
    "jpeg": ("image/jpeg", _encoded(_rgb(), "JPEG", quality=80)),
    "progressive-jpeg": ("image/jpeg", _encoded(_rgb(), "JPEG", progressive=True)),
    "webp": ("image/webp", _encoded(_rgb(), "WEBP", quality=80)),
    "lossless-webp": ("image/webp", _encoded(_rgb().convert("RGBA"), "WEBP", lossless=True)),
}
PNG_SEEDS = [name for name, (declared, _) in SEEDS.items() if declared == "image/png"]


# --- PNG chunks ------------------------------------------------------------------------


def _chunks(png: bytes) -> list[tuple[bytes, bytes]]:
    chunks, at = [], len(PNG_SIGNATURE)
    while at + 8 <= len(png):
        (length,) = struct.unpack(">I", png[at : at + 4])
        chunks.append((png[at + 4 : at + 8], png[at + 8 : at + 8 + length]))
        at += 12 + length
    return chunks


def _png(chunks: list[tuple[bytes, bytes]]) -> bytes:
    """The chunks written back with their lengths and CRCs recomputed."""
    body = b"".join(
        struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        for kind, data in chunks
    )
    return PNG_SIGNATURE + body


@st.composite
def png_chunk_mutations(draw: st.DrawFn) -> bytes:
    """A valid PNG with one chunk's data replaced, cut or grown, a chunk dropped, repeated
    or a chunk (``tRNS``, ``PLTE``, ...) of random data inserted; CRCs stay valid."""
    chunks = _chunks(SEEDS[draw(st.sampled_from(PNG_SEEDS))][1])
    at = draw(st.integers(0, len(chunks) - 1))
    kind, data = chunks[at]
    how = draw(st.sampled_from(["replace", "resize", "drop", "repeat", "insert"]))
    if how == "replace":
        chunks[at] = (kind, draw(st.binary(max_size=600)))
    elif how == "resize":
        chunks[at] = (kind, data[: draw(st.integers(0, len(data)))] + draw(st.binary(max_size=300)))
    elif how == "drop":
        del chunks[at]
    elif how == "repeat":
        chunks.insert(at, (kind, data))
    else:
        new_kind = draw(st.sampled_from([b"tRNS", b"PLTE", b"IHDR", b"IDAT", b"eXIf", b"iCCP"]))
        chunks.insert(max(1, at), (new_kind, draw(st.binary(max_size=600))))
    return _png(chunks)


@st.composite
def byte_mutations(draw: st.DrawFn) -> tuple[str, bytes]:
    """A valid image of any allowed format with bytes flipped, cut, inserted or removed."""
    declared, data = SEEDS[draw(st.sampled_from(sorted(SEEDS)))]
    mutated = bytearray(data)
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(mutated) - 1))
        how = draw(st.sampled_from(["flip", "cut", "insert", "remove"]))
        if how == "flip":
            mutated[at] = draw(st.integers(0, 255))
        elif how == "cut":
            del mutated[at:]
        elif how == "insert":
            mutated[at:at] = draw(st.binary(min_size=1, max_size=64))
        else:
            del mutated[at : at + draw(st.integers(1, 64))]
        if not mutated:
            break
    return declared, bytes(mutated)


def _only_variants_or_a_refusal(data: bytes, declared: str) -> None:
    try:
        made = make_variants(data, declared, SPECS)
    except ImageRejectedError as refusal:
        reason: str | None = refusal.reason
        made = []
    else:
        reason = None
        assert [image.name for image in made] == ["large", "small"]
    assert reason is None or reason in REJECTION_REASONS
    for image in made:
        with Image.open(io.BytesIO(image.data)) as reopened:
            assert reopened.format == "WEBP"


def _png_with_trns_longer_than_plte() -> bytes:
    chunks = _chunks(SEEDS["palette-png"][1])
    return _png([(k, bytes(300) if k == b"tRNS" else d) for k, d in chunks])


@given(png_chunk_mutations())
@example(_png_with_trns_longer_than_plte())
def test_mutated_png_chunks_give_variants_or_a_refusal(data: bytes) -> None:
    _only_variants_or_a_refusal(data, "image/png")


@given(byte_mutations())
def test_mutated_bytes_give_variants_or_a_refusal(mutated: tuple[str, bytes]) -> None:
    declared, data = mutated
    _only_variants_or_a_refusal(data, declared)


def test_a_palette_png_whose_transparency_outgrows_its_palette_is_unreadable() -> None:
    with pytest.raises(ImageRejectedError) as refusal:
        make_variants(_png_with_trns_longer_than_plte(), "image/png", SPECS)
    assert refusal.value.reason == "unreadable"
