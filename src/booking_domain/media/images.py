"""What an acceptable image is, and which variants are made of it.

Rules (the processor adapter enforces them; ``tests/unit/adapters/test_images.py`` holds
it to them):
- the decoded format must be JPEG, PNG or WebP and must match the declared type: bytes that
  claim to be a PNG but are a JPEG, a GIF, an SVG or HTML are refused;
- at most ``MAX_PIXELS`` pixels, judged from the header before any pixel is decoded (a
  small file may declare a huge canvas: a decompression bomb);
- the orientation recorded in EXIF is applied, then every piece of metadata is dropped
  (EXIF with GPS, XMP, ICC profiles, comments): variants carry pixels only;
- variants are WebP, fitted inside ``large`` (1600 px) and ``small`` (400 px) boxes, never
  enlarged.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

MAX_PIXELS = 50_000_000
MIN_SIDE = 16

# Reasons an ImageRejectedError carries (clients may switch on them).
NOT_AN_ALLOWED_FORMAT = "format_not_allowed"
TYPE_MISMATCH = "type_mismatch"
TOO_MANY_PIXELS = "too_many_pixels"
TOO_SMALL = "too_small"
UNREADABLE = "unreadable"
REJECTION_REASONS = frozenset(
    {NOT_AN_ALLOWED_FORMAT, TYPE_MISMATCH, TOO_MANY_PIXELS, TOO_SMALL, UNREADABLE}
)


@dataclass(frozen=True, slots=True)
class VariantSpec:
    name: str
    box: int  # the longest side fits in box x box


VARIANTS: tuple[VariantSpec, ...] = (VariantSpec("large", 1600), VariantSpec("small", 400))


@dataclass(frozen=True, slots=True)
class ProcessedImage:
    name: str
    width: int
    height: int
    data: bytes
    content_type: str = "image/webp"


class ImageProcessor(Protocol):
    async def variants(
        self, data: bytes, declared_type: str, specs: Sequence[VariantSpec] = VARIANTS
    ) -> Sequence[ProcessedImage]:
        """The variants of the image in ``data``, by the rules above; raises
        ``ImageRejectedError`` (with one of ``REJECTION_REASONS``) for anything else. Runs
        off the event loop, a bounded number at a time (memory stays bounded under a
        burst)."""
        ...
