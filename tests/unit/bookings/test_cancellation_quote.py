"""The cancellation quote (``quote_cancellation``): what cancelling now would give back and
keep is exactly what ``cancel`` then does, for every party, moment and payment; a customer
may move the booking only until the free-cancellation notice; a closed booking has none."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from booking_domain.bookings import Booking, lifecycle, quote_cancellation
from booking_domain.catalog import FixedDeposit
from booking_domain.shared import Actor, InvalidTransitionError, Money
from booking_domain.testing import admin, artist, customer
from booking_domain.testing.builders import booking_at, make_policy, make_service

NOW = datetime(2030, 1, 7, 9, tzinfo=UTC)
START = NOW + timedelta(days=5)
DEPOSIT = Money(2_500, "USD")
SERVICE = make_service(deposit=FixedDeposit(DEPOSIT))
POLICY = make_policy()


def _booking(paid: bool) -> Booking:
    booking = booking_at(START, now=NOW, service=SERVICE)
    if paid:
        booking = lifecycle.record_payment(booking, DEPOSIT, NOW + timedelta(minutes=1))[0]
    return booking


@given(
    st.sampled_from([customer(), artist()]),
    st.booleans(),
    st.integers(2, 5 * 24 * 60 - 1),  # minutes after NOW, before the start
)
def test_the_quote_is_what_the_cancellation_then_does(by: Actor, paid: bool, minutes: int) -> None:
    booking = _booking(paid)
    now = NOW + timedelta(minutes=minutes)
    quote = quote_cancellation(booking, by, now, POLICY)
    cancelled, entry = lifecycle.cancel(booking, by, now, POLICY)
    assert quote.refund == cancelled.refund_due - booking.refund_due == entry.amount
    assert quote.refund + quote.kept == booking.refundable
    assert quote.free_until == START - POLICY.free_cancellation_notice
    in_time = now <= quote.free_until
    live = not booking.hold_expired(now)
    assert quote.may_move == (live and (in_time or by != customer()))
    if by == customer() and paid:
        assert quote.kept == (Money.zero("USD") if in_time else DEPOSIT)


def test_an_admin_is_quoted_the_most_they_may_give_back() -> None:
    quote = quote_cancellation(_booking(True), admin(), START - timedelta(hours=1), POLICY)
    assert (quote.refund, quote.kept) == (DEPOSIT, Money.zero("USD"))


def test_a_cancelled_booking_has_no_quote() -> None:
    cancelled, _ = lifecycle.cancel(_booking(True), customer(), NOW, POLICY)
    with pytest.raises(InvalidTransitionError):
        quote_cancellation(cancelled, customer(), NOW, POLICY)
