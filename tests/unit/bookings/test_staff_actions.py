"""What the artist may do with a booking now (``staff_actions``): offered exactly when the
transition itself would take it. A property over every combination of the facts a booking's
state is made of, against the lifecycle's own functions."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from booking_domain.bookings import BookingStatus, OfferStatus
from booking_domain.bookings.lifecycle import approve, cancel, mark_no_show
from booking_domain.bookings.staff_actions import StaffAction, staff_actions
from booking_domain.catalog import FixedDeposit
from booking_domain.shared import Actor, DomainError, Money, Role
from booking_domain.testing.builders import ARTIST_USER, booking_at, make_policy, make_service

NOW = datetime(2030, 1, 7, 9, tzinfo=UTC)
DEPOSIT = Money(2_000, "USD")
ARTIST = Actor(ARTIST_USER, Role.ARTIST)
POLICY = make_policy()


def _accepted(transition: object) -> bool:
    try:
        transition()  # type: ignore[operator]
    except DomainError:
        return False
    return True


@given(
    st.sampled_from(BookingStatus),
    st.booleans(),  # the service needs the artist's approval
    st.booleans(),  # approved
    st.booleans(),  # a deposit is owed
    st.sampled_from([None, OfferStatus.OFFERED, OfferStatus.ACCEPTED]),
    st.integers(-3 * 24 * 60, 3 * 24 * 60),  # minutes from now to the start
    st.one_of(st.none(), st.integers(-600, 600)),  # minutes from now to the hold's end
)
def test_an_action_is_offered_exactly_when_its_transition_is_taken(
    status: BookingStatus,
    approval: bool,
    approved: bool,
    deposit: bool,
    offer: OfferStatus | None,
    start_in: int,
    hold_in: int | None,
) -> None:
    service = make_service(
        deposit=FixedDeposit(DEPOSIT) if deposit else None, needs_approval=approval
    )
    start = NOW + timedelta(minutes=start_in)
    booking = dataclasses.replace(
        booking_at(NOW + timedelta(days=3), now=NOW - timedelta(days=10), service=service),
        status=status,
        approved=approved,
        offer=offer,
        start=start,
        end=start + timedelta(hours=1),
        hold_expires_at=None if hold_in is None else NOW + timedelta(minutes=hold_in),
    )
    offered = set(staff_actions(booking, NOW))
    assert (StaffAction.APPROVE in offered) == _accepted(
        lambda: approve(booking, ARTIST, NOW, POLICY)
    )
    # Declining a request and cancelling are both the artist's cancellation.
    cancels = {StaffAction.CANCEL, StaffAction.DECLINE} & offered
    assert bool(cancels) == _accepted(lambda: cancel(booking, ARTIST, NOW, POLICY))
    assert len(cancels) <= 1
    closes = _accepted(lambda: mark_no_show(booking, ARTIST, NOW))
    assert (StaffAction.NO_SHOW in offered) == closes
    assert (StaffAction.COMPLETE in offered) == closes  # the consent gate aside
    assert (StaffAction.DECLINE in offered) == (StaffAction.APPROVE in offered)
    if StaffAction.MOVE in offered:
        assert status in (BookingStatus.PENDING, BookingStatus.CONFIRMED) and start > NOW
