"""Whatever a client's bytes are, the Pillow processor answers variants or
``ImageRejectedError`` with a known reason: never another exception (which would be a 500
and leave the upload open). Valid images are mutated at random: raw bytes in any format,
and PNG chunk fields with their CRCs recomputed, so that the mutation reaches the decoder
instead of stopping at the checksum."""

from __future__ import annotations

import io

import pytest
from hypothesis import example, given
from PIL import Image

from adapters.images.pillow import make_variants
from booking_domain.media import ImageRejectedError, VariantSpec
from booking_domain.media.images import REJECTION_REASONS
from tests.support.image_mutations import (
    byte_mutations,
    png_chunk_mutations,
    png_with_trns_longer_than_plte,
)

SPECS = (VariantSpec("large", 64), VariantSpec("small", 24))  # small boxes: fast examples


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


@given(png_chunk_mutations())
@example(png_with_trns_longer_than_plte())
def test_mutated_png_chunks_give_variants_or_a_refusal(data: bytes) -> None:
    _only_variants_or_a_refusal(data, "image/png")


@given(byte_mutations())
def test_mutated_bytes_give_variants_or_a_refusal(mutated: tuple[str, bytes]) -> None:
    declared, data = mutated
    _only_variants_or_a_refusal(data, declared)


def test_a_palette_png_whose_transparency_outgrows_its_palette_is_unreadable() -> None:
    with pytest.raises(ImageRejectedError) as refusal:
        make_variants(png_with_trns_longer_than_plte(), "image/png", SPECS)
    assert refusal.value.reason == "unreadable"
