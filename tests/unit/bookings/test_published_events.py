"""What a booking change tells the world: the type rule, the envelope, who hears it."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import given
from hypothesis import strategies as st

from booking_domain.bookings import (
    BookingStatus,
    HistoryEntry,
    HistoryKind,
    booking_event_type,
)
from booking_domain.shared import BookingId, new_uuid7

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
