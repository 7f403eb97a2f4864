"""Portfolio items: an artist's finished work, shown on their public profile.

Rules:
- an item is made from the artist's own finished upload (purpose ``portfolio``), once; it
  keeps the upload's image variants;
- a description of up to 2,000 characters (plain text, line breaks allowed); up to 10 style
  tags, each a lowercase slug of 1-30 characters (``blackwork``, ``fine-line``), kept once
  each in the order given;
- ``position`` orders the portfolio (smallest first; ties by age); a new item goes last;
- an artist keeps at most ``MAX_ITEMS_PER_ARTIST`` items;
- the artist who owns the profile, or an admin, changes and removes items; anyone sees the
  portfolio of a public (approved, unsuspended) artist.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import NewType
from uuid import UUID

from booking_domain.catalog.errors import InvalidPortfolioItemError
from booking_domain.media import Upload, Variant
from booking_domain.shared.errors import FieldError
from booking_domain.shared.ids import ArtistId, new_uuid7
from booking_domain.shared.text import require_clean_text
from booking_domain.shared.time import require_aware

PortfolioItemId = NewType("PortfolioItemId", UUID)

MAX_DESCRIPTION = 2000
MAX_TAGS = 10
MAX_POSITION = 1_000_000
MAX_ITEMS_PER_ARTIST = 200
_TAG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def check_tags(tags: Sequence[str]) -> tuple[str, ...]:
    """The tags, checked and without repeats."""
    kept = tuple(dict.fromkeys(tags))
    bad = [t for t in kept if not (len(t) <= 30 and _TAG.fullmatch(t))]
    if bad or len(kept) > MAX_TAGS:
        detail = f"Up to {MAX_TAGS} lowercase slugs of 1-30 characters (a-z, 0-9, -)."
        raise InvalidPortfolioItemError(errors=(FieldError("styleTags", detail),))
    return kept


def check_description(text: str) -> str:
    require_clean_text(multi_line=[("description", text)])
    cleaned = text.strip()
    if len(cleaned) > MAX_DESCRIPTION:
        detail = f"At most {MAX_DESCRIPTION} characters."
        raise InvalidPortfolioItemError(errors=(FieldError("description", detail),))
    return cleaned


def check_position(value: int) -> int:
    if not 0 <= value <= MAX_POSITION:
        detail = f"0 to {MAX_POSITION}."
        raise InvalidPortfolioItemError(errors=(FieldError("position", detail),))
    return value


@dataclass(frozen=True, slots=True)
class PortfolioItem:
    id: PortfolioItemId
    artist_id: ArtistId
    upload_id: UUID
    images: tuple[Variant, ...]
    description: str
    style_tags: tuple[str, ...]
    position: int
    created_at: datetime
    updated_at: datetime

    @classmethod
    def create(
        cls,
        artist_id: ArtistId,
        upload: Upload,
        text: str,
        tags: Sequence[str],
        at_position: int,
        now: datetime,
    ) -> PortfolioItem:
        now = require_aware(now, "now")
        item_id = PortfolioItemId(new_uuid7(int(now.timestamp() * 1000)))
        return cls(
            item_id,
            artist_id,
            upload.id,
            upload.variants,
            check_description(text),
            check_tags(tags),
            check_position(at_position),
            now,
            now,
        )

    def changed(
        self,
        now: datetime,
        *,
        text: str | None = None,
        tags: Sequence[str] | None = None,
        at_position: int | None = None,
    ) -> PortfolioItem:
        """The one way an item changes: fields checked by the same rules as at creation."""
        return dataclasses.replace(
            self,
            updated_at=require_aware(now, "now"),
            description=self.description if text is None else check_description(text),
            style_tags=self.style_tags if tags is None else check_tags(tags),
            position=self.position if at_position is None else check_position(at_position),
        )
