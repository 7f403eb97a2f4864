"""Flash: ready designs an artist sells from a sheet, each in a few sizes.

Rules:
- a design has a title (1-120 characters, one line), an image (one of the artist's own
  finished ``portfolio`` uploads, taken once, as a portfolio item takes one), up to
  ``MAX_TAGS`` tags and a ``one_off`` flag, and 1 to ``MAX_VARIANTS`` size variants;
- tags are normalised: trimmed, lowercased, runs of spaces and underscores become ``-``,
  repeats dropped (first kept); each must then be a slug of 1-30 characters;
- a variant *is* an offered service of the artist (``Service.flash`` says which design and
  size): it books, shows slots and takes deposits exactly as any service does. Its size
  label (1-20 characters) is unique within the design; its size in centimetres, if given,
  is 1-200;
- a one-off design is *claimed* by the first booking of any of its variants to be confirmed,
  and is *taken* from then on: its variants take no new bookings and confirm no other
  booking (``FlashDesignTakenError``). It stays taken when the claiming booking is later
  cancelled: the piece was promised to that customer, and the artist decides whether to
  offer it again as a new design;
- an artist keeps at most ``MAX_DESIGNS_PER_ARTIST`` designs on their sheet; a removed
  design leaves the sheet and its variants are no longer offered (bookings keep them).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import NewType
from uuid import UUID

from booking_domain.catalog.errors import InvalidFlashDesignError
from booking_domain.media import Upload, Variant
from booking_domain.shared.errors import FieldError
from booking_domain.shared.ids import ArtistId, BookingId, new_uuid7
from booking_domain.shared.text import require_clean_text
from booking_domain.shared.time import require_aware

FlashDesignId = NewType("FlashDesignId", UUID)

MAX_TITLE = 120
MAX_TAGS = 10
MAX_TAG_LENGTH = 30
MAX_VARIANTS = 6
MAX_SIZE_LABEL = 20
MAX_SIZE_CM = 200
MAX_DESIGNS_PER_ARTIST = 200
_TAG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_SEPARATORS = re.compile(r"[\s_-]+")


def _refuse(field: str, detail: str) -> InvalidFlashDesignError:
    return InvalidFlashDesignError(errors=(FieldError(field, detail),))


def normalise_tags(tags: Sequence[str]) -> tuple[str, ...]:
    """The tags as stored: trimmed, lowercased, spaces and underscores as ``-``, repeats
    dropped, empty ones ignored; refused when one is not a slug of 1-30 characters or when
    more than ``MAX_TAGS`` remain."""
    require_clean_text([("tags", tag) for tag in tags])
    cleaned = (_SEPARATORS.sub("-", tag.strip().lower()).strip("-") for tag in tags)
    kept = tuple(dict.fromkeys(tag for tag in cleaned if tag))
    if len(kept) > MAX_TAGS or any(
        not (len(t) <= MAX_TAG_LENGTH and _TAG.fullmatch(t)) for t in kept
    ):
        detail = f"Up to {MAX_TAGS} tags of 1-{MAX_TAG_LENGTH} letters, digits and dashes."
        raise _refuse("tags", detail)
    return kept


def check_title(title: str) -> str:
    require_clean_text([("title", title)])
    cleaned = " ".join(title.split())
    if not 1 <= len(cleaned) <= MAX_TITLE:
        raise _refuse("title", f"Use 1 to {MAX_TITLE} characters.")
    return cleaned


def check_size_label(label: str) -> str:
    require_clean_text([("sizeLabel", label)])
    cleaned = " ".join(label.split())
    if not 1 <= len(cleaned) <= MAX_SIZE_LABEL:
        raise _refuse("sizeLabel", f"Use 1 to {MAX_SIZE_LABEL} characters.")
    return cleaned


def check_size_cm(size_cm: int | None) -> int | None:
    if size_cm is not None and not 1 <= size_cm <= MAX_SIZE_CM:
        raise _refuse("sizeCm", f"1 to {MAX_SIZE_CM} centimetres.")
    return size_cm


def check_size_labels(labels: Sequence[str]) -> tuple[str, ...]:
    """The variants' labels, each checked; 1 to ``MAX_VARIANTS`` of them, none twice
    (compared without case)."""
    checked = tuple(check_size_label(label) for label in labels)
    if not 1 <= len(checked) <= MAX_VARIANTS:
        raise _refuse("variants", f"Give 1 to {MAX_VARIANTS} sizes.")
    if len({label.casefold() for label in checked}) != len(checked):
        raise _refuse("variants", "Each size needs its own label.")
    return checked


@dataclass(frozen=True, slots=True)
class FlashOffer:
    """What makes a service a flash variant: its design, its size, and the design's one-off
    state as of the read (``taken``: a one-off design already claimed)."""

    design_id: FlashDesignId
    size_label: str
    size_cm: int | None = None
    one_off: bool = False
    taken: bool = False


class ClaimOutcome(StrEnum):
    """What confirming a booking did to its service's flash design."""

    NOT_ONE_OFF = "not_one_off"  # a plain service, or a design that is never taken
    CLAIMED = "claimed"  # this booking claims the one-off design (now or before)
    TAKEN = "taken"  # another booking claimed it first


@dataclass(frozen=True, slots=True)
class FlashDesign:
    id: FlashDesignId
    artist_id: ArtistId
    title: str
    upload_id: UUID
    images: tuple[Variant, ...]
    tags: tuple[str, ...]
    one_off: bool
    created_at: datetime
    updated_at: datetime
    claimed_by: BookingId | None = None
    removed: bool = False

    @property
    def taken(self) -> bool:
        return self.one_off and self.claimed_by is not None

    @property
    def open(self) -> bool:
        """On the sheet and still to be had: not removed, not a taken one-off."""
        return not (self.removed or self.taken)

    @classmethod
    def create(
        cls,
        artist_id: ArtistId,
        upload: Upload,
        title: str,
        tags: Sequence[str],
        one_off: bool,
        now: datetime,
    ) -> FlashDesign:
        now = require_aware(now, "now")
        design_id = FlashDesignId(new_uuid7(int(now.timestamp() * 1000)))
        return cls(
            design_id,
            artist_id,
            check_title(title),
            upload.id,
            upload.variants,
            normalise_tags(tags),
            one_off,
            now,
            now,
        )

    def changed(
        self, now: datetime, *, title: str | None = None, tags: Sequence[str] | None = None
    ) -> FlashDesign:
        """The one way a design's text changes: checked by the same rules as at creation."""
        return dataclasses.replace(
            self,
            updated_at=require_aware(now, "now"),
            title=self.title if title is None else check_title(title),
            tags=self.tags if tags is None else normalise_tags(tags),
        )

    def removed_from_sheet(self, now: datetime) -> FlashDesign:
        return dataclasses.replace(self, updated_at=require_aware(now, "now"), removed=True)

    def offer(self, size_label: str, size_cm: int | None) -> FlashOffer:
        """The flash part of a new variant of this design."""
        return FlashOffer(
            self.id, check_size_label(size_label), check_size_cm(size_cm), self.one_off, self.taken
        )

    def variant_name(self, size_label: str) -> str:
        """A variant's service name: the title and the size, within a service name's 120."""
        suffix = f" ({size_label})"
        return self.title[: 120 - len(suffix)].rstrip() + suffix
