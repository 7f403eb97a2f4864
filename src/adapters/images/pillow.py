"""Image variants with Pillow, by the rules in ``booking_domain.media.images``.

The decode runs in a thread (Pillow releases the GIL while it decodes and encodes), at most
``max_concurrent`` at a time: a burst of completions queues here instead of holding many
decoded images in memory at once. A JPEG is decoded straight at the smallest scale that still
covers the largest variant (``draft``), which is most of the speed and most of the memory
saved. The pixel limit is judged from the header, before any pixel is decoded.
"""

from __future__ import annotations

import asyncio
import io
import math
import warnings
from collections.abc import Sequence

from PIL import Image, ImageOps, UnidentifiedImageError

# The decoders of the allowed formats, registered by importing them. Pillow would otherwise
# import every plugin it has on first use (``Image.init()``): 180 ms of a first image's time,
# and decoders for formats this module refuses anyway.
from PIL import JpegImagePlugin, PngImagePlugin, WebPImagePlugin  # noqa: F401  isort: skip

from booking_domain.media.errors import ImageRejectedError
from booking_domain.media.images import (
    MAX_PIXELS,
    MIN_SIDE,
    NOT_AN_ALLOWED_FORMAT,
    TOO_MANY_PIXELS,
    TOO_SMALL,
    TYPE_MISMATCH,
    UNREADABLE,
    VARIANTS,
    ProcessedImage,
    VariantSpec,
)

FORMAT_OF_TYPE = {"image/jpeg": "JPEG", "image/png": "PNG", "image/webp": "WEBP"}
WEBP_QUALITY = 80
# libwebp's effort (0-6). For the 1600 px variant of a 12 MP photo: method 4 took 180 ms,
# method 2 71 ms for a file 2 % smaller (docs/performance.md); quality is set by WEBP_QUALITY.
WEBP_METHOD = 2


class PillowImageProcessor:
    def __init__(self, *, max_concurrent: int = 2, max_pixels: int = MAX_PIXELS) -> None:
        self._gate = asyncio.Semaphore(max_concurrent)
        self._max_pixels = max_pixels
        # Pillow only warns between its limit and twice it; a warning is a refusal here.
        warnings.filterwarnings("error", category=Image.DecompressionBombWarning)

    async def variants(
        self, data: bytes, declared_type: str, specs: Sequence[VariantSpec] = VARIANTS
    ) -> Sequence[ProcessedImage]:
        async with self._gate:
            return await asyncio.to_thread(
                make_variants, data, declared_type, specs, self._max_pixels
            )


def make_variants(
    data: bytes, declared_type: str, specs: Sequence[VariantSpec], max_pixels: int = MAX_PIXELS
) -> list[ProcessedImage]:
    """The variants of ``data``; ``ImageRejectedError`` for anything else. Bytes that pass
    the header checks may still break the decoder in ways Pillow reports with any exception
    (a palette PNG whose ``tRNS`` outgrows its ``PLTE`` raises ``ValueError`` while it is
    converted): every one of them is the client's bytes being unreadable, never a 500."""
    image = _open(data, declared_type, max_pixels)
    try:
        return _variants_of(image, specs)
    except (ImageRejectedError, MemoryError):
        raise  # running out of memory is ours, not the image's: the upload stays open
    except Exception as exc:  # whatever the decoder raises, see the docstring
        raise ImageRejectedError(UNREADABLE) from exc
    finally:
        image.close()


def _variants_of(image: Image.Image, specs: Sequence[VariantSpec]) -> list[ProcessedImage]:
    largest = max(spec.box for spec in specs)
    if image.format == "JPEG":
        scale = min(1.0, largest / max(image.size))
        image.draft("RGB", (math.ceil(image.width * scale), math.ceil(image.height * scale)))
    upright = ImageOps.exif_transpose(image)  # decodes; orientation applied before stripping
    pixels = upright.convert("RGBA" if _has_alpha(upright) else "RGB")
    pixels.info = {}  # EXIF (GPS), XMP, ICC, comments: none goes into a variant
    made = []
    variant = pixels
    for spec in sorted(specs, key=lambda s: s.box, reverse=True):
        # Each variant is fitted from the previous, larger one: less to resample.
        variant = variant.copy()
        variant.thumbnail((spec.box, spec.box), Image.Resampling.LANCZOS)
        out = io.BytesIO()
        variant.save(out, "WEBP", quality=WEBP_QUALITY, method=WEBP_METHOD)
        made.append(ProcessedImage(spec.name, variant.width, variant.height, out.getvalue()))
    order = [spec.name for spec in specs]
    return sorted(made, key=lambda image: order.index(image.name))


def _open(data: bytes, declared_type: str, max_pixels: int) -> Image.Image:
    expected = FORMAT_OF_TYPE.get(declared_type)
    if expected is None:
        raise ImageRejectedError(NOT_AN_ALLOWED_FORMAT)
    try:
        image = Image.open(io.BytesIO(data), formats=list(FORMAT_OF_TYPE.values()))
    except UnidentifiedImageError as exc:
        raise ImageRejectedError(NOT_AN_ALLOWED_FORMAT) from exc
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ImageRejectedError(TOO_MANY_PIXELS) from exc
    except MemoryError:
        raise
    except Exception as exc:  # a header the parser chokes on: unreadable
        raise ImageRejectedError(UNREADABLE) from exc
    return _checked(image, expected, max_pixels)


def _checked(image: Image.Image, expected: str, max_pixels: int) -> Image.Image:
    refusal = None
    if image.format != expected:
        refusal = TYPE_MISMATCH
    elif image.width * image.height > max_pixels:
        refusal = TOO_MANY_PIXELS
    elif min(image.size) < MIN_SIDE:
        refusal = TOO_SMALL
    if refusal is not None:
        image.close()
        raise ImageRejectedError(refusal)
    return image


def _has_alpha(image: Image.Image) -> bool:
    return image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
