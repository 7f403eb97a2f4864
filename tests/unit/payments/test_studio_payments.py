"""Payments taken in the studio, as rules and properties: what may be recorded when, what
it does to the booking (a deposit confirms, a balance is kept and notes the full price,
paid in full exactly when the money covers it), and what a recorded refund may give back."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from booking_domain.bookings import Booking, BookingStatus, HistoryKind, PaymentStatus, lifecycle
from booking_domain.catalog import FixedDeposit
from booking_domain.payments import studio
from booking_domain.payments.errors import (
    BalanceAlreadyPaidError,
    StudioAmountOutOfRangeError,
    StudioPaymentNotDueError,
    StudioRefundOutOfRangeError,
)
from booking_domain.payments.studio import StudioKind, StudioMethod
from booking_domain.shared import Money
from booking_domain.shared.errors import InvalidInputError
from booking_domain.testing import artist, booking_at, make_policy, make_service

T0 = datetime(2026, 3, 2, 9, tzinfo=ZoneInfo("Asia/Ulaanbaatar"))
POLICY = make_policy("Asia/Ulaanbaatar")
PRICE = Money(10_000_000, "MNT")
DEPOSIT = Money(3_000_000, "MNT")
AFTER = T0 + timedelta(days=3, hours=4)
ARTIST = artist()


def pending_booking() -> Booking:
    service = make_service(price=PRICE, deposit=FixedDeposit(DEPOSIT))
    return booking_at(T0 + timedelta(days=3), now=T0, policy=POLICY, service=service)


def completed_booking() -> Booking:
    booking, _ = lifecycle.record_payment(pending_booking(), DEPOSIT, T0)
    booking, _ = lifecycle.complete(booking, ARTIST, AFTER)
    return booking


def take(booking: Booking, kind: StudioKind, amount: int, now: datetime = AFTER) -> Booking:
    full = studio.full_price(booking, PRICE)
    changed, _ = studio.record(
        booking, ARTIST, kind=kind, method=StudioMethod.CASH, amount=Money(amount, "MNT"),
        full=full, now=now,
    )  # fmt: skip
    return changed


def test_a_cash_deposit_confirms_a_pending_booking_as_the_providers_does() -> None:
    booking = pending_booking()
    changed, entry = studio.record(
        booking, ARTIST, kind=StudioKind.DEPOSIT, method=StudioMethod.CASH, amount=DEPOSIT,
        full=studio.full_price(booking, PRICE), now=T0 + timedelta(minutes=1),
    )  # fmt: skip
    assert changed.status is BookingStatus.CONFIRMED
    assert changed.payment_status is PaymentStatus.PAID
    assert changed.amount_paid == DEPOSIT and changed.hold_expires_at is None
    assert entry.kind is HistoryKind.PAYMENT_RECORDED and entry.reason == "studio_cash"
    assert entry.actor_id == ARTIST.user_id


def test_a_deposit_takes_exactly_the_deposit_and_only_while_awaited() -> None:
    booking = pending_booking()
    with pytest.raises(StudioAmountOutOfRangeError):
        take(booking, StudioKind.DEPOSIT, DEPOSIT.amount - 100, T0)
    expired = T0 + timedelta(days=1)
    with pytest.raises(StudioPaymentNotDueError):
        take(booking, StudioKind.DEPOSIT, DEPOSIT.amount, expired)
    with pytest.raises(StudioPaymentNotDueError):
        take(completed_booking(), StudioKind.DEPOSIT, DEPOSIT.amount)


def test_the_balance_is_taken_only_after_the_session() -> None:
    with pytest.raises(StudioPaymentNotDueError):
        take(pending_booking(), StudioKind.BALANCE, 100, T0)
    cancelled, _ = lifecycle.cancel(pending_booking(), ARTIST, T0, POLICY)
    assert cancelled.status is BookingStatus.CANCELLED
    for kind in StudioKind:
        with pytest.raises(StudioPaymentNotDueError):
            take(cancelled, kind, DEPOSIT.amount, T0)


def test_all_of_the_balance_pays_the_booking_in_full_once() -> None:
    booking = take(completed_booking(), StudioKind.ALL, 7_000_000)
    assert booking.paid_in_full and booking.amount_paid == PRICE
    assert booking.full_price == PRICE
    with pytest.raises(BalanceAlreadyPaidError):
        take(booking, StudioKind.BALANCE, 100)


def test_all_takes_exactly_what_is_left() -> None:
    with pytest.raises(StudioAmountOutOfRangeError):
        take(completed_booking(), StudioKind.ALL, 6_999_900)


@given(st.lists(st.integers(1, 7_000_000), min_size=1, max_size=6))
def test_balances_never_take_more_than_is_left_and_settle_exactly(parts: list[int]) -> None:
    """Whatever the artist takes in parts: nothing past the price is ever accepted, and the
    booking is paid in full exactly when the money reaches the price."""
    booking = completed_booking()
    for part in parts:
        left = PRICE.amount - booking.refundable.amount
        if left <= 0:
            with pytest.raises(BalanceAlreadyPaidError):
                take(booking, StudioKind.BALANCE, part)
        elif part > left:
            with pytest.raises(StudioAmountOutOfRangeError):
                take(booking, StudioKind.BALANCE, part)
        else:
            booking = take(booking, StudioKind.BALANCE, part)
        assert booking.amount_paid <= PRICE
        assert booking.paid_in_full == (booking.amount_paid == PRICE)


@given(st.one_of(st.integers(max_value=0), st.integers(min_value=studio.MAX_AMOUNT + 1)))
def test_amounts_out_of_bounds_are_refused_naming_the_field(amount: int) -> None:
    with pytest.raises(InvalidInputError) as refused:
        studio.check_amount(amount)
    assert refused.value.errors[0].field == "amount"


@pytest.mark.parametrize("amount", [True, 1.5, "100", None])
def test_amounts_that_are_not_whole_numbers_are_refused(amount: object) -> None:
    with pytest.raises(InvalidInputError):
        studio.check_amount(amount)


def test_notes_are_stripped_and_bounded() -> None:
    assert studio.check_note("  paid at the counter ") == "paid at the counter"
    assert studio.check_note("   ") is None
    with pytest.raises(InvalidInputError):
        studio.check_note("x" * (studio.MAX_NOTE + 1))
    with pytest.raises(InvalidInputError):
        studio.check_note("bad\x00note")


def _recorded(booking: Booking, amount: int) -> tuple[studio.StudioPayment, Booking]:
    changed = take(booking, StudioKind.BALANCE, amount)
    payment = studio.new_payment(
        booking, ARTIST, receipt_number=1, kind=StudioKind.BALANCE, method=StudioMethod.CASH,
        amount=Money(amount, "MNT"), note=None, token_hash="h", now=AFTER,
    )  # fmt: skip
    return payment, changed


@given(st.lists(st.integers(1, 8_000_000), min_size=1, max_size=5))
def test_recorded_refunds_never_exceed_what_was_recorded(parts: list[int]) -> None:
    payment, booking = _recorded(completed_booking(), 7_000_000)
    for part in parts:
        if part > payment.refundable.amount:
            with pytest.raises(StudioRefundOutOfRangeError):
                studio.refund(payment, booking, ARTIST, Money(part, "MNT"), AFTER)
            continue
        payment, booking, entry = studio.refund(payment, booking, ARTIST, Money(part, "MNT"), AFTER)
        assert entry.kind is HistoryKind.REFUND_RECORDED
        assert not booking.paid_in_full
        assert booking.payment_status is PaymentStatus.PARTIALLY_REFUNDED  # the deposit stays
    assert payment.refunded <= payment.amount
    assert booking.amount_refunded == payment.refunded


def test_a_zero_refund_is_refused() -> None:
    payment, booking = _recorded(completed_booking(), 7_000_000)
    with pytest.raises(StudioRefundOutOfRangeError):
        studio.refund(payment, booking, ARTIST, Money(0, "MNT"), AFTER)


def test_receipt_labels_are_six_digits() -> None:
    payment, _ = _recorded(completed_booking(), 100)
    assert payment.receipt_label == "000001"
