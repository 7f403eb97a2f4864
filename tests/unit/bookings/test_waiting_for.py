"""What a pending booking waits for (``Booking.waiting_for``): the artist's approval, the
deposit, or both, approval first; nothing once it is no longer pending, paid, or while it is
a waitlist offer still to answer. A property over every combination of the facts."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from booking_domain.bookings import Awaiting, BookingStatus, OfferStatus
from booking_domain.catalog import FixedDeposit
from booking_domain.shared import Money
from booking_domain.testing.builders import booking_at, make_service

NOW = datetime(2030, 1, 7, 9, tzinfo=UTC)
DEPOSIT = Money(2_000, "USD")


@given(
    st.sampled_from(BookingStatus),
    st.booleans(),  # the service needs the artist's approval
    st.booleans(),  # approved
    st.booleans(),  # a deposit is owed
    st.booleans(),  # something was paid
    st.sampled_from([None, OfferStatus.OFFERED, OfferStatus.ACCEPTED]),
)
def test_a_pending_booking_names_what_it_waits_for(
    status: BookingStatus,
    approval: bool,
    approved: bool,
    deposit: bool,
    paid: bool,
    offer: OfferStatus | None,
) -> None:
    service = make_service(
        deposit=FixedDeposit(DEPOSIT) if deposit else None, needs_approval=approval
    )
    booking = dataclasses.replace(
        booking_at(NOW + timedelta(days=3), now=NOW, service=service),
        status=status,
        approved=approved,
        amount_paid=DEPOSIT if paid else Money.zero("USD"),
        offer=offer,
    )
    open_ = status is BookingStatus.PENDING and offer is not OfferStatus.OFFERED
    expected = []
    if open_ and approval and not approved:
        expected.append(Awaiting.APPROVAL)
    if open_ and deposit and not paid:
        expected.append(Awaiting.DEPOSIT)
    assert booking.waiting_for == tuple(expected)
    # The deposit is payable now exactly when it is the one thing left to wait for.
    assert booking.awaiting_deposit == (booking.waiting_for == (Awaiting.DEPOSIT,))
