"""A feed's entries: an artist's feed lists them as the artist, a customer's as the
customer, an admin's nothing; a disabled or deleted owner's feed is no feed; an entry's
event is the booking's event of the same facts, linked to the web app when it has one."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from uuid import UUID

from hypothesis import given
from hypothesis import strategies as st

from booking_domain.bookings import BookingStatus
from booking_domain.calendars import (
    EventFacts,
    FeedEntry,
    FeedOwner,
    FeedSide,
    booking_event,
    entry_event,
    feed_side,
)
from booking_domain.shared import BookingId, Role, UserId
from booking_domain.testing.strategies import time_zones

START = datetime(2026, 3, 5, 2, tzinfo=UTC)


def test_each_role_has_its_side() -> None:
    assert feed_side(Role.ARTIST) is FeedSide.ARTIST
    assert feed_side(Role.CUSTOMER) is FeedSide.CUSTOMER
    assert feed_side(Role.ADMIN) is None


@given(disabled=st.booleans(), deleted=st.booleans())
def test_only_a_live_account_has_a_readable_feed(disabled: bool, deleted: bool) -> None:
    owner = FeedOwner(UserId(UUID(int=1)), Role.CUSTOMER, disabled, deleted)
    assert owner.readable is (not disabled and not deleted)


@given(
    version=st.integers(1, 50),
    status=st.sampled_from(BookingStatus),
    zone=time_zones(),
    service=st.text(max_size=30),
    other=st.text(max_size=30),
    app_url=st.sampled_from(["", "https://app.example", "https://app.example/"]),
)
def test_an_entrys_event_is_its_bookings_event(
    version: int, status: BookingStatus, zone: str, service: str, other: str, app_url: str
) -> None:
    booking_id = BookingId(UUID(int=7))
    entry = FeedEntry(
        booking_id=booking_id, reference="INK-7", version=version, status=status,
        start=START, end=START + timedelta(hours=1), updated_at=START - timedelta(days=1),
        time_zone=zone, service_name=service, other_party=other,
    )  # fmt: skip
    url = f"https://app.example/bookings/{booking_id}" if app_url else None
    facts = EventFacts(
        booking_id, "INK-7", version, status, entry.start, entry.end, zone, service, other, url
    )
    assert entry_event(entry, app_url) == booking_event(facts, stamp=entry.updated_at)
