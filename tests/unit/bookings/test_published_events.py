"""What a booking change tells the world: the type rule, the envelope, who hears it."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from booking_domain.bookings import (
    BookingStatus,
    HistoryEntry,
    HistoryKind,
    artist_of_booking_event,
    booking_event_type,
    booking_of_event,
    booking_outbox_event,
    freed_span,
    lifecycle,
)
from booking_domain.scheduling import BusyTimeline
from booking_domain.shared import BookingId, new_uuid7
from booking_domain.shared.time import utc_text
from booking_domain.testing import (
    artist,
    booking_at,
    customer,
    make_policy,
    make_service,
    open_all_week,
)

statuses = st.sampled_from(BookingStatus)


@given(
    kind=st.sampled_from(HistoryKind),
    before=st.none() | statuses,
    after=statuses,
)
def test_a_change_into_confirmed_is_booking_confirmed_and_the_rest_keep_their_kind(
    kind: HistoryKind, before: BookingStatus | None, after: BookingStatus
) -> None:
    event = HistoryEntry(
        booking_id=BookingId(new_uuid7()), version=2, kind=kind,
        at=datetime(2026, 1, 1, tzinfo=UTC), actor_id=None, actor_role=None,
        from_status=before, to_status=after,
    )  # fmt: skip
    confirms = after is BookingStatus.CONFIRMED and before is not BookingStatus.CONFIRMED
    expected = "booking.confirmed" if confirms else f"booking.{kind.value}"
    assert booking_event_type(event) == expected


NOW = datetime(2026, 1, 5, 12, tzinfo=UTC)
OLD_START = NOW + timedelta(days=5)


@given(
    booked_minutes=st.sampled_from([30, 60, 90, 180]),
    moved_minutes=st.sampled_from([30, 60, 90, 180]),
    hours_later=st.integers(min_value=-48, max_value=48).filter(lambda h: h != 0),
)
def test_a_moves_event_carries_the_appointment_it_left_and_frees_exactly_that(
    booked_minutes: int, moved_minutes: int, hours_later: int
) -> None:
    """Whatever the service's length became since the booking was made, the time a move
    gives back is the old appointment as it was (its event's ``previousStart`` and
    ``previousEnd``), not the new length laid over the old start."""
    booking = booking_at(OLD_START, now=NOW, service=make_service(booked_minutes))
    moved, entry = lifecycle.reschedule(
        booking, artist(), NOW, new_start=OLD_START + timedelta(hours=hours_later),
        service=make_service(moved_minutes), policy=make_policy(),
        schedule=open_all_week(), busy=BusyTimeline(),
    )  # fmt: skip
    event = booking_outbox_event(moved, entry)
    assert event.type == "booking.rescheduled"
    change = event.data["change"]
    assert isinstance(change, dict)
    assert (change["previousStart"], change["previousEnd"]) == (
        utc_text(booking.start), utc_text(booking.end),
    )  # fmt: skip
    assert freed_span(event) == booking.appointment


def test_a_move_recorded_before_its_event_carried_the_old_time_is_read_from_its_reason() -> None:
    """Events already in the outbox keep being read: the old start from the reason, the
    length the new appointment's (a move keeps the service)."""
    booking = booking_at(OLD_START, now=NOW)
    moved, entry = lifecycle.reschedule(
        booking, artist(), NOW, new_start=OLD_START + timedelta(hours=5),
        service=make_service(), policy=make_policy(), schedule=open_all_week(),
        busy=BusyTimeline(),
    )  # fmt: skip
    event = booking_outbox_event(moved, dataclasses.replace(entry, moved_from=None))
    change = event.data["change"]
    assert isinstance(change, dict) and "previousStart" not in change
    assert freed_span(event) == booking.appointment
    broken = dataclasses.replace(event, data={**event.data, "change": {**change, "reason": "x"}})
    assert freed_span(broken) is None


@given(
    field=st.sampled_from(["id", "artistId", "start", "end"]),
    value=st.none() | st.integers() | st.text(max_size=40),
)
def test_a_freeing_event_with_a_value_no_reader_can_use_frees_nothing_and_raises_nothing(
    field: str, value: str | int | None
) -> None:
    """A reader of the feed never stops at an event: what it cannot read it passes over."""
    booking = booking_at(OLD_START, now=NOW)
    cancelled, entry = lifecycle.cancel(booking, customer(), NOW, make_policy())
    event = booking_outbox_event(cancelled, entry)
    data = event.data["booking"]
    assert isinstance(data, dict)
    spoilt = dataclasses.replace(event, data={**event.data, "booking": {**data, field: value}})
    span = freed_span(spoilt)
    assert span is None or span == booking.appointment
    artist_id, booking_id = artist_of_booking_event(spoilt), booking_of_event(spoilt)
    assert artist_id is None or artist_id == booking.artist_id
    assert booking_id is None or booking_id == booking.id
