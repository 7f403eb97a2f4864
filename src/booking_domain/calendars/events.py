"""A booking as a calendar event: the one mapping behind both the feeds and the invitations.

The rules (docs/calendars.md):

- ``UID`` is ``<booking id>@inkslot``: the same in every feed and every invitation, so a
  calendar app that got the invitation and subscribes to the feed shows one event.
- ``SEQUENCE`` is the booking's version less one (the request is 0): every change of a
  booking bumps its version (``bookings.apply``), so the sequence grows with every change
  and costs no write of its own.
- ``STATUS``: a pending booking is ``TENTATIVE``, a cancelled one ``CANCELLED`` (it stays in
  the feed as cancelled, so calendars drop it), any other ``CONFIRMED``.
- What an event says is minimal: the service and the other party's name, the booking's
  reference and its link. Never a phone number or an email address.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from booking_domain.bookings import BookingStatus
from booking_domain.shared.ids import BookingId
from booking_domain.shared.time import require_aware

UID_DOMAIN = "inkslot"
# What a name may be in an event's text: no control characters (a strict reader refuses
# them), and not longer than a line of a calendar app's list shows.
MAX_NAME = 120


class EventStatus(StrEnum):
    """RFC 5545's ``STATUS`` values of a ``VEVENT``."""

    TENTATIVE = "TENTATIVE"
    CONFIRMED = "CONFIRMED"
    CANCELLED = "CANCELLED"


@dataclass(frozen=True, slots=True)
class CalendarEvent:
    """One booking as one ``VEVENT``; ``start`` and ``end`` are shown in ``time_zone`` (the
    artist's IANA zone), and ``stamp`` is the ``DTSTAMP``."""

    uid: str
    sequence: int
    stamp: datetime
    start: datetime
    end: datetime
    time_zone: str
    summary: str
    description: str
    status: EventStatus
    url: str | None = None

    def __post_init__(self) -> None:
        for name in ("stamp", "start", "end"):
            require_aware(getattr(self, name), name)
        if self.sequence < 0:
            raise ValueError("an event's sequence is never negative")


def event_uid(booking_id: BookingId) -> str:
    """The booking's ``UID``: the same in every feed and every invitation."""
    return f"{booking_id}@{UID_DOMAIN}"


def event_sequence(version: int) -> int:
    """The booking's ``SEQUENCE``: its version less one (the request is 0)."""
    return max(0, version - 1)


def event_status(status: BookingStatus) -> EventStatus:
    if status is BookingStatus.PENDING:
        return EventStatus.TENTATIVE
    if status is BookingStatus.CANCELLED:
        return EventStatus.CANCELLED
    return EventStatus.CONFIRMED


def clean_name(text: str) -> str:
    """A name as an event shows it: one line, no control characters, at most ``MAX_NAME``."""
    printable = "".join(c if c.isprintable() else " " for c in text)
    return " ".join(printable.split())[:MAX_NAME]


@dataclass(frozen=True, slots=True)
class EventFacts:
    """What one booking's event says, gathered by whoever maps it (the feed from the
    booking and its catalogue, a message from its notification)."""

    booking_id: BookingId
    reference: str
    version: int
    status: BookingStatus
    start: datetime
    end: datetime
    time_zone: str
    service_name: str
    other_party: str  # the artist's name for the customer, the customer's for the artist
    url: str | None = None


def booking_event(facts: EventFacts, stamp: datetime) -> CalendarEvent:
    """The booking's event as of ``facts``; ``stamp`` is its ``DTSTAMP`` (a feed's: the
    booking's last change; an invitation's: when the message was made)."""
    service = clean_name(facts.service_name) or "Appointment"
    other = clean_name(facts.other_party)
    summary = f"{service} · {other}" if other else service
    with_whom = f"{service} with {other}" if other else service
    description = f"Inkslot booking {clean_name(facts.reference)}\n{with_whom}"
    if facts.url:
        description += f"\n{facts.url}"
    return CalendarEvent(
        uid=event_uid(facts.booking_id),
        sequence=event_sequence(facts.version),
        stamp=stamp,
        start=facts.start,
        end=facts.end,
        time_zone=facts.time_zone,
        summary=summary,
        description=description,
        status=event_status(facts.status),
        url=facts.url,
    )
