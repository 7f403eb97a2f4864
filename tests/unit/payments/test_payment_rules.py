"""Payments' rules as properties: invoice numbers, invoices' states, and what a verified
payment does to a booking in any state (never lost, never counted twice in the books)."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from booking_domain.bookings import Booking, BookingStatus, lifecycle
from booking_domain.catalog import FixedDeposit
from booking_domain.payments import (
    DepositNotPayableError,
    InvoiceStatus,
    PaymentCheck,
    PaymentMethod,
    PaymentOutcome,
    PaymentState,
    ProviderPayment,
    ReceivedPayment,
    RefundStatus,
    invoice_number,
    provider_amount,
    receive,
)
from booking_domain.payments import invoices as inv
from booking_domain.payments import refunds as rf
from booking_domain.payments.gateway import IssuedInvoice
from booking_domain.payments.receipts import paid_payments, totals_agree
from booking_domain.shared import Money
from booking_domain.shared.errors import InvalidTransitionError
from booking_domain.testing import admin, artist, booking_at, customer, make_policy, make_service

T0 = datetime(2026, 3, 2, 9, tzinfo=ZoneInfo("Asia/Ulaanbaatar"))
POLICY = make_policy("Asia/Ulaanbaatar")
DEPOSIT = Money(3_000_000, "MNT")  # 30,000.00 MNT
ISSUED = IssuedInvoice("inv-1", "qr", "png", "https://s.example/1", ())


def pending_booking() -> Booking:
    service = make_service(price=Money(10_000_000, "MNT"), deposit=FixedDeposit(DEPOSIT))
    return booking_at(T0 + timedelta(days=3), now=T0, policy=POLICY, service=service)


def open_invoice(booking: Booking) -> inv.DepositInvoice:
    reserved = inv.reserve(booking, attempt=1, token_hash=inv.hash_callback_token("t"), now=T0)
    return inv.issue(reserved, ISSUED, T0)


def paid(amount: Money, payment_id: str = "p1") -> ProviderPayment:
    return ProviderPayment(payment_id, PaymentState.PAID, amount, PaymentMethod.P2P, "inv-1")


@given(
    reference=st.from_regex(r"INK-[2-9A-HJ-NP-TV-Z]{6}", fullmatch=True),
    attempts=st.lists(st.integers(1, 99), min_size=2, max_size=5, unique=True),
)
def test_invoice_numbers_are_short_plain_and_distinct_per_attempt(
    reference: str, attempts: list[int]
) -> None:
    numbers = [invoice_number(reference, a) for a in attempts]
    assert all(n.isalnum() and n.isascii() and len(n) <= 45 for n in numbers)
    assert len(set(numbers)) == len(numbers)


def test_a_hundredth_attempt_is_refused() -> None:
    with pytest.raises(DepositNotPayableError):
        invoice_number("INK-ABCDEF", 100)


@given(minor=st.integers(0, 10**12), currency=st.sampled_from(["MNT", "USD"]))
def test_only_whole_togrog_reach_the_provider(minor: int, currency: str) -> None:
    deposit = Money(minor, currency)
    if currency == "MNT" and minor % 100 == 0:
        assert provider_amount(deposit) * 100 == minor
    else:
        with pytest.raises(DepositNotPayableError):
            provider_amount(deposit)


def test_an_invoice_is_made_only_for_a_booking_awaiting_its_deposit() -> None:
    booking = pending_booking()
    invoice = open_invoice(booking)
    assert invoice.payable(T0) and invoice.expires_at == booking.hold_expires_at
    assert not invoice.payable(booking.hold_expires_at)  # the hold's end closes it
    confirmed, _ = lifecycle.record_payment(booking, DEPOSIT, T0)
    with pytest.raises(DepositNotPayableError):
        inv.reserve(confirmed, attempt=2, token_hash="x", now=T0)
    with pytest.raises(DepositNotPayableError):  # its hold ran out
        inv.reserve(booking, attempt=2, token_hash="x", now=booking.hold_expires_at)


def test_a_reservation_blocks_another_only_for_its_lease() -> None:
    reserved = inv.reserve(pending_booking(), attempt=1, token_hash="x", now=T0)
    assert reserved.blocks_another(T0 + inv.CREATING_LEASE - timedelta(seconds=1))
    assert not reserved.blocks_another(T0 + inv.CREATING_LEASE)
    failed = inv.fail(reserved, T0)
    assert not failed.blocks_another(T0)
    with pytest.raises(InvalidTransitionError):
        inv.issue(failed, ISSUED, T0)


@given(token=st.text(min_size=1, max_size=40), other=st.text(min_size=1, max_size=40))
def test_only_the_invoice_s_own_token_matches(token: str, other: str) -> None:
    invoice = inv.reserve(
        pending_booking(), attempt=1, token_hash=inv.hash_callback_token(token), now=T0
    )
    assert invoice.token_matches(token)
    assert invoice.token_matches(other) == (other == token)


@given(
    amount=st.sampled_from([DEPOSIT, Money(1_000_000, "MNT"), Money(3_000_000, "USD")]),
    later=st.sampled_from(["in_time", "after_hold", "cancelled", "confirmed"]),
)
def test_a_payment_is_never_lost_whatever_the_booking_did(amount: Money, later: str) -> None:
    """Confirmed only by the exact deposit on a live hold; owed back in full on a booking
    that no longer holds its slot; otherwise kept for review with the booking untouched.
    The books always balance: refunded + owed back <= paid."""
    booking = pending_booking()
    invoice = open_invoice(booking)
    now = T0 + timedelta(minutes=1)
    if later == "after_hold":
        assert booking.hold_expires_at is not None
        now = booking.hold_expires_at + timedelta(minutes=1)
    elif later == "cancelled":
        booking, _ = lifecycle.cancel(booking, customer(), now, POLICY)
    elif later == "confirmed":
        booking, _ = lifecycle.record_payment(booking, DEPOSIT, now)
    receipt = receive(booking, invoice, paid(amount), now)
    after = receipt.booking
    assert receipt.invoice.status is InvoiceStatus.PAID
    assert after.amount_refunded + after.refund_due <= after.amount_paid
    outcome = receipt.payment.outcome
    if outcome is PaymentOutcome.CONFIRMED:
        assert later == "in_time" and amount == DEPOSIT
        assert (after.status, after.amount_paid) == (BookingStatus.CONFIRMED, DEPOSIT)
    elif outcome is PaymentOutcome.OWED_BACK:
        assert after.status is not BookingStatus.PENDING
        assert after.refund_due == booking.refund_due + amount
        assert after.amount_paid == booking.amount_paid + amount
    else:
        assert amount != DEPOSIT
        assert after.amount_paid == booking.amount_paid
    if later == "after_hold":
        assert after.cancellation_reason == "expired"
        assert receipt.steps[0][1].kind.value == "expired"


def test_checks_count_only_paid_rows_and_cross_check_the_total() -> None:
    rows = (
        paid(DEPOSIT, "a"),
        ProviderPayment("b", PaymentState.NEW, DEPOSIT, PaymentMethod.CARD, "inv-1"),
    )
    check = PaymentCheck("inv-1", rows, DEPOSIT)
    assert [p.payment_id for p in paid_payments(check)] == ["a"]
    assert totals_agree(check)
    assert not totals_agree(PaymentCheck("inv-1", rows, Money(1, "MNT")))


def test_an_artist_cannot_be_confused_with_the_customer() -> None:
    invoice = open_invoice(pending_booking())
    assert invoice.role_of_user(customer().user_id) == "customer"
    assert invoice.role_of_user(artist().user_id) == "artist"


def _received(payment_id: str, amount: Money, method: PaymentMethod) -> ReceivedPayment:
    booking = pending_booking()
    return ReceivedPayment(
        payment_id, "inv-1", booking.id, amount, method, PaymentOutcome.CONFIRMED, T0
    )


@given(
    method=st.sampled_from(list(PaymentMethod)),
    owed_minor=st.integers(1, DEPOSIT.amount),
)
def test_only_a_whole_card_payment_goes_back_through_the_provider(
    method: PaymentMethod, owed_minor: int
) -> None:
    booking = pending_booking()
    owed = Money(owed_minor, "MNT")
    refund = rf.plan_refund(booking, owed, [_received("p1", DEPOSIT, method)], [], T0)
    whole_card = method is PaymentMethod.CARD and owed == DEPOSIT
    assert (refund.status is RefundStatus.PENDING) == whole_card
    assert refund.status in (RefundStatus.PENDING, RefundStatus.MANUAL)
    assert refund.amount == owed and refund.payment_id == "p1"


def test_what_open_refunds_cover_is_not_owed_twice() -> None:
    paid, _ = lifecycle.record_payment(pending_booking(), DEPOSIT, T0)
    cancelled, _ = lifecycle.cancel(paid, artist(), T0 + timedelta(minutes=1), POLICY)
    assert rf.outstanding(cancelled, []) == DEPOSIT
    planned = rf.plan_refund(
        cancelled, DEPOSIT, [_received("p1", DEPOSIT, PaymentMethod.P2P)], [], T0
    )
    assert rf.outstanding(cancelled, [planned]).is_zero
    settled = rf.settle_by_hand(planned, admin().user_id, "bank transfer 42", T0)
    with pytest.raises(InvalidTransitionError):
        rf.settle_by_hand(settled, admin().user_id, "again", T0)


def test_a_payment_kept_for_review_is_never_refunded_through_the_provider() -> None:
    paid, _ = lifecycle.record_payment(pending_booking(), DEPOSIT, T0)
    cancelled, _ = lifecycle.cancel(paid, artist(), T0 + timedelta(minutes=1), POLICY)
    review = ReceivedPayment(
        "odd", "inv-1", cancelled.id, DEPOSIT, PaymentMethod.CARD, PaymentOutcome.REVIEW, T0
    )
    counted = _received("p1", DEPOSIT, PaymentMethod.P2P)
    refund = rf.plan_refund(cancelled, DEPOSIT, [review, counted], [], T0)
    assert (refund.payment_id, refund.status) == ("p1", RefundStatus.MANUAL)


@given(late=st.booleans())
def test_a_deposit_for_a_taken_one_off_design_withdraws_the_booking_and_is_owed_back(
    late: bool,
) -> None:
    """The claim failed (another booking took the design): the payment is recorded and
    owed back in full, the booking cancelled, never confirmed; a hold that ran out first
    is expired first, as for any payment."""
    booking = pending_booking()
    invoice = open_invoice(booking)
    assert booking.hold_expires_at is not None
    now = booking.hold_expires_at + timedelta(minutes=1) if late else T0 + timedelta(minutes=1)
    receipt = receive(booking, invoice, paid(DEPOSIT), now, flash_taken=True)
    assert not receipt.confirms_deposit
    assert receipt.payment.outcome is PaymentOutcome.OWED_BACK
    assert receipt.booking.status is BookingStatus.CANCELLED
    expected = "expired" if late else "flash_design_taken"
    assert receipt.booking.cancellation_reason == expected
    assert receipt.booking.amount_paid == DEPOSIT and receipt.booking.refund_due == DEPOSIT
    untaken = receive(booking, invoice, paid(DEPOSIT), now)
    assert untaken.confirms_deposit is (not late)
