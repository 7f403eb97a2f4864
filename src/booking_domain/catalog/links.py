"""Booking links: the addresses an artist hands out so people book them directly.

Rules:
- every approved artist has one *general* link, and may add one link per service of theirs;
  a link names the artist (and the service), never a person;
- a link's token is unguessable: at least ``MIN_TOKEN_BYTES`` random bytes, written in
  url-safe base64 without padding; it is looked up by a keyed digest, never by the token
  itself, and the artist alone sees it (their own listing);
- regenerating a link gives it a new token; the old one is *retired*: asked for again it
  answers "gone", saying nothing about whose it was. The link keeps its id and its counts;
- what a link counts: visits (its page served), slot views (free slots shown) and bookings
  made through it; conversion is bookings per visit.
"""

from __future__ import annotations

import base64
import dataclasses
import re
import secrets
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import NewType
from uuid import UUID

from booking_domain.accounts import KeyedDigest
from booking_domain.catalog.artists import ArtistProfile, ArtistStatus
from booking_domain.catalog.errors import BookingLinkNotAllowedError
from booking_domain.catalog.services import Service
from booking_domain.shared.ids import ArtistId, ServiceId, new_uuid7
from booking_domain.shared.time import require_aware

BookingLinkId = NewType("BookingLinkId", UUID)

MIN_TOKEN_BYTES = 16
TOKEN_BYTES = 24  # what new links get: 32 characters
# The digest's purpose string: the same server key digests other things (codes, addresses).
DIGEST_PURPOSE = "booking-link"
# Longest token accepted for a lookup: anything longer was never handed out.
_TOKEN_SHAPE = re.compile(r"[A-Za-z0-9_-]{22,86}")


def token_from(random: bytes) -> str:
    """The token written for ``random`` (at least ``MIN_TOKEN_BYTES`` bytes)."""
    if len(random) < MIN_TOKEN_BYTES:
        raise ValueError(f"a booking link token needs at least {MIN_TOKEN_BYTES} random bytes")
    return base64.urlsafe_b64encode(random).rstrip(b"=").decode("ascii")


def fresh_token() -> str:
    """A new token of ``TOKEN_BYTES`` random bytes from the system's secure source."""
    return token_from(secrets.token_bytes(TOKEN_BYTES))


def could_be_token(text: str) -> bool:
    """Whether ``text`` has a token's shape: what has not is unknown without a lookup."""
    return _TOKEN_SHAPE.fullmatch(text) is not None


def token_digest(digest: KeyedDigest, token: str) -> str:
    """What is stored, and searched for, in place of the token."""
    return digest.digest(DIGEST_PURPOSE, token)


def link_path(token: str) -> str:
    """Where a link's page is, under the site's base URL."""
    return f"/book/{token}"


@dataclass(frozen=True, slots=True)
class BookingLink:
    """One link of one artist: general (``service_id`` None) or for one of their services."""

    id: BookingLinkId
    artist_id: ArtistId
    service_id: ServiceId | None
    token: str
    created_at: datetime
    token_created_at: datetime  # when the current token was made (creation or regeneration)

    def __post_init__(self) -> None:
        require_aware(self.created_at, "created_at")
        require_aware(self.token_created_at, "token_created_at")

    @property
    def is_general(self) -> bool:
        return self.service_id is None

    def regenerated(self, token: str, now: datetime) -> BookingLink:
        """The same link under a new token (the old one is then retired)."""
        if token == self.token:
            raise ValueError("a regenerated link needs a token it never had")
        return dataclasses.replace(self, token=token, token_created_at=require_aware(now, "now"))


def new_link(
    artist: ArtistProfile,
    service: Service | None,
    *,
    token: str,
    now: datetime,
) -> BookingLink:
    """A link of ``artist`` (for ``service``, which must be an active one of theirs):
    refused unless the artist is approved, since only approved artists take bookings."""
    if artist.status is not ArtistStatus.APPROVED:
        raise BookingLinkNotAllowedError()
    if service is not None and (service.artist_id != artist.id or not service.active):
        raise BookingLinkNotAllowedError("Links are made for your own active services.")
    now = require_aware(now, "now")
    return BookingLink(
        id=BookingLinkId(new_uuid7(int(now.timestamp() * 1000))),
        artist_id=artist.id,
        service_id=service.id if service is not None else None,
        token=token,
        created_at=now,
        token_created_at=now,
    )


class LinkUse(StrEnum):
    """What a link counts per day (bookings are counted from the bookings themselves)."""

    VISIT = "visit"
    SLOT_VIEW = "slot_view"


@dataclass(frozen=True, slots=True)
class LinkCounts:
    """Visits, slot views and bookings over some span."""

    visits: int = 0
    slot_views: int = 0
    bookings: int = 0

    def __post_init__(self) -> None:
        if min(self.visits, self.slot_views, self.bookings) < 0:
            raise ValueError("counts are never negative")

    @property
    def conversion(self) -> float | None:
        """Bookings per visit (None before the first visit)."""
        return self.bookings / self.visits if self.visits else None

    def __add__(self, other: LinkCounts) -> LinkCounts:
        return LinkCounts(
            self.visits + other.visits,
            self.slot_views + other.slot_views,
            self.bookings + other.bookings,
        )


@dataclass(frozen=True, slots=True)
class LinkUsage:
    """A link's counts: since it was made, and over the recent window."""

    total: LinkCounts = LinkCounts()
    recent: LinkCounts = LinkCounts()


RECENT_DAYS = 30


def recent_since(today: date) -> date:
    """The first day of the recent window that ends with ``today`` (``RECENT_DAYS`` days)."""
    return date.fromordinal(today.toordinal() - (RECENT_DAYS - 1))


@dataclass(frozen=True, slots=True)
class FoundLink:
    """What a token finds: its link, and whether the token is still the link's own."""

    link: BookingLink
    current: bool
