"""Valid images and random mutations of them, for the properties that whatever a client
uploads, the image pipeline answers variants or a refusal with a known reason: raw bytes
flipped, cut or inserted in any allowed format, and PNG chunk fields with their CRCs
recomputed, so that the mutation reaches the decoder instead of stopping at the checksum."""

from __future__ import annotations

import io
import struct
import zlib

from hypothesis import strategies as st
from PIL import Image

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def encoded(image: Image.Image, fmt: str, **options: object) -> bytes:
    out = io.BytesIO()
    image.save(out, fmt, **options)
    return out.getvalue()


def palette_png() -> bytes:
    image = Image.new("P", (40, 30))
    image.putpalette([0, 0, 0, 250, 20, 20, 20, 250, 20, 20, 20, 250])
    image.paste(1, (0, 0, 20, 15))
    image.paste(2, (20, 15, 40, 30))
    return encoded(image, "PNG", transparency=0)


def rgb(size: tuple[int, int] = (40, 30)) -> Image.Image:
    image = Image.new("RGB", size, (200, 30, 30))
    image.paste((20, 20, 220), (0, 0, size[0] // 2, size[1] // 2))
    return image


SEEDS: dict[str, tuple[str, bytes]] = {
    "palette-png": ("image/png", palette_png()),
    "rgba-png": ("image/png", encoded(rgb().convert("RGBA"), "PNG")),
    "jpeg": ("image/jpeg", encoded(rgb(), "JPEG", quality=80)),
    "progressive-jpeg": ("image/jpeg", encoded(rgb(), "JPEG", progressive=True)),
    "webp": ("image/webp", encoded(rgb(), "WEBP", quality=80)),
    "lossless-webp": ("image/webp", encoded(rgb().convert("RGBA"), "WEBP", lossless=True)),
}
PNG_SEEDS = [name for name, (declared, _) in SEEDS.items() if declared == "image/png"]


# --- PNG chunks ------------------------------------------------------------------------


def png_chunks(png: bytes) -> list[tuple[bytes, bytes]]:
    chunks, at = [], len(PNG_SIGNATURE)
    while at + 8 <= len(png):
        (length,) = struct.unpack(">I", png[at : at + 4])
        chunks.append((png[at + 4 : at + 8], png[at + 8 : at + 8 + length]))
        at += 12 + length
    return chunks


def png_of(chunks: list[tuple[bytes, bytes]]) -> bytes:
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
    chunks = png_chunks(SEEDS[draw(st.sampled_from(PNG_SEEDS))][1])
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
    return png_of(chunks)


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


def png_with_trns_longer_than_plte() -> bytes:
    """A palette PNG whose transparency table is longer than its palette (Pillow's decoder
    fails on it after every check has passed)."""
    chunks = png_chunks(SEEDS["palette-png"][1])
    return png_of([(k, bytes(300) if k == b"tRNS" else d) for k, d in chunks])
