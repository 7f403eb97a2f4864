"""What a feed is made of, read in one go (the ``CalendarFeedReader`` port): the feed's
owner, found by the token's lookup digest, and one entry per booking in the window with
the names its event shows, so a feed costs the same few queries however many bookings,
artists, services and people it names (docs/calendars.md).

The rules of an entry:

- the owner's bookings as the artist (an artist's account) or as the customer (a
  customer's); an admin's feed has no side and lists nothing;
- the other party is the artist's display name for the customer, and the customer's name
  (or, for a booking the artist made, the client record's) for the artist;
- a name whose record is missing is ``""``, and a missing artist's zone is ``UTC`` (the
  event then says "Appointment" and has its times in UTC).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from booking_domain.bookings import BookingStatus
from booking_domain.calendars.events import CalendarEvent, EventFacts, booking_event
from booking_domain.shared.identity import Role
from booking_domain.shared.ids import BookingId, UserId


class FeedSide(StrEnum):
    """Which of a booking's parties a feed's owner is."""

    ARTIST = "artist"
    CUSTOMER = "customer"


def feed_side(role: Role) -> FeedSide | None:
    """The side an account's feed lists; None (an admin): nothing."""
    if role is Role.ARTIST:
        return FeedSide.ARTIST
    if role is Role.CUSTOMER:
        return FeedSide.CUSTOMER
    return None


@dataclass(frozen=True, slots=True)
class FeedOwner:
    """The account a feed belongs to, as far as reading the feed needs it."""

    id: UserId
    role: Role
    disabled: bool
    deleted: bool

    @property
    def readable(self) -> bool:
        """A disabled or deleted account's feed is no feed (answered like an unknown one)."""
        return not (self.disabled or self.deleted)


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One booking of a feed, with the names its event shows."""

    booking_id: BookingId
    reference: str
    version: int
    status: BookingStatus
    start: datetime
    end: datetime
    updated_at: datetime  # the booking's last change: the event's DTSTAMP
    time_zone: str  # the artist's IANA zone
    service_name: str
    other_party: str


def entry_event(entry: FeedEntry, app_url: str) -> CalendarEvent:
    """The entry's event; it links to the booking in the web app at ``app_url`` ("" : no
    link)."""
    facts = EventFacts(
        booking_id=entry.booking_id,
        reference=entry.reference,
        version=entry.version,
        status=entry.status,
        start=entry.start,
        end=entry.end,
        time_zone=entry.time_zone,
        service_name=entry.service_name,
        other_party=entry.other_party,
        url=f"{app_url.rstrip('/')}/bookings/{entry.booking_id}" if app_url else None,
    )
    return booking_event(facts, stamp=entry.updated_at)
