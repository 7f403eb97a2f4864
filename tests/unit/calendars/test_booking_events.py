"""A booking as a calendar event: any history of a booking maps, at every version, to a
VEVENT that a strict RFC 5545 parser (``ical``) reads back with the booking's UID, a
SEQUENCE that grows with every change, and the status its booking status says."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st
from ical.calendar_stream import IcsCalendarStream
from ical.event import EventStatus as IcalStatus

from adapters.icalendar_writer.writer import IcsCalendarWriter
from booking_domain.bookings import TRANSITIONS, Booking, BookingStatus, HistoryKind, apply
from booking_domain.calendars import (
    CalendarEvent,
    EventFacts,
    EventStatus,
    booking_event,
    clean_name,
    event_uid,
)
from booking_domain.testing.builders import booking_at
from booking_domain.testing.strategies import time_zones

NOW = datetime(2026, 3, 2, 10, tzinfo=UTC)
WRITER = IcsCalendarWriter()
KIND_OF = {
    BookingStatus.CONFIRMED: HistoryKind.APPROVED,
    BookingStatus.CANCELLED: HistoryKind.CANCELLED,
    BookingStatus.COMPLETED: HistoryKind.COMPLETED,
    BookingStatus.NO_SHOW: HistoryKind.NO_SHOW,
    BookingStatus.DISPUTED: HistoryKind.DISPUTED,
}
EXPECTED = {
    BookingStatus.PENDING: IcalStatus.TENTATIVE,
    BookingStatus.CANCELLED: IcalStatus.CANCELLED,
}


@st.composite
def histories(draw: st.DrawFn) -> list[Booking]:
    """A booking and every version a random walk over its state machine makes of it:
    status changes along the machine's edges, moves, and changes that keep the status."""
    start = NOW + timedelta(days=draw(st.integers(1, 60)), hours=draw(st.integers(0, 23)))
    booking = booking_at(start, now=NOW)
    versions = [booking]
    now = NOW
    for step in draw(st.lists(st.sampled_from(["status", "move", "keep"]), max_size=8)):
        now += timedelta(minutes=draw(st.integers(1, 600)))
        if step == "status" and TRANSITIONS[booking.status]:
            to = draw(st.sampled_from(sorted(TRANSITIONS[booking.status])))
            booking, _ = apply(booking, kind=KIND_OF[to], now=now, actor=None, status=to)
        elif step == "move":
            by = timedelta(minutes=15 * draw(st.integers(-96, 960)))
            booking, _ = apply(
                booking, kind=HistoryKind.RESCHEDULED, now=now, actor=None,
                start=booking.start + by, end=booking.end + by,
                blocked_start=booking.blocked_start + by, blocked_end=booking.blocked_end + by,
            )  # fmt: skip
        else:
            booking, _ = apply(booking, kind=HistoryKind.INVOICED, now=now, actor=None)
        versions.append(booking)
    return versions


def event_of(b: Booking, zone: str, other: str = "Ada") -> CalendarEvent:
    facts = EventFacts(
        b.id, b.reference, b.version, b.status, b.start, b.end, zone, "Small tattoo", other
    )
    return booking_event(facts, stamp=b.updated_at)


@settings(max_examples=60, deadline=None)
@given(histories(), time_zones(), st.text(max_size=40))
def test_every_version_of_a_booking_is_a_parseable_event(
    versions: list[Booking], zone: str, other: str
) -> None:
    sequences = []
    for b in versions:
        calendar = IcsCalendarStream.calendar_from_ics(
            WRITER.feed("Inkslot", [event_of(b, zone, other)])
        )
        (read,) = calendar.events
        assert read.uid == event_uid(b.id) == f"{b.id}@inkslot"
        assert read.status is EXPECTED.get(b.status, IcalStatus.CONFIRMED)
        assert read.dtstart == b.start and read.dtend == b.end  # the same instants
        assert isinstance(read.dtstart, datetime)
        assert str(read.dtstart.tzinfo) == zone or zone == "UTC"
        assert read.dtstamp == b.updated_at
        assert read.sequence is not None
        sequences.append(read.sequence)
    assert sequences == sorted(set(sequences))  # strictly growing: every change bumps it
    assert sequences[0] == 0


def test_a_pending_booking_is_tentative_and_a_cancelled_one_cancelled() -> None:
    booking = booking_at(NOW + timedelta(days=3), now=NOW)
    assert event_of(booking, "UTC").status is EventStatus.CONFIRMED
    pending = replace(booking, status=BookingStatus.PENDING, hold_expires_at=NOW)
    assert event_of(pending, "UTC").status is EventStatus.TENTATIVE
    cancelled, _ = apply(
        booking, kind=HistoryKind.CANCELLED, now=NOW, actor=None, status=BookingStatus.CANCELLED
    )
    assert event_of(cancelled, "UTC").status is EventStatus.CANCELLED
    assert event_of(cancelled, "UTC").sequence == event_of(booking, "UTC").sequence + 1


def test_an_event_names_the_service_and_the_other_party_and_no_contact() -> None:
    booking = booking_at(NOW + timedelta(days=3), now=NOW)
    event = event_of(booking, "Asia/Ulaanbaatar", other="Bat\x00\n Dorj")
    assert event.summary == "Small tattoo · Bat Dorj"
    assert event.description == f"Inkslot booking {booking.reference}\nSmall tattoo with Bat Dorj"


@given(st.text())
def test_a_name_is_one_printable_line_of_bounded_length(text: str) -> None:
    name = clean_name(text)
    assert name.isprintable() and len(name) <= 120 and "\n" not in name
