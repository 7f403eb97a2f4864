"""Loyalty points on invoices, as payments' rules: points pay part of an invoice and the
provider is asked for whole tögrög of the rest; its exact payment confirms the booking,
which holds the money, not the points; a cancelled invoice's payment confirms nothing;
a balance counts what points took off earlier invoices, and paying it in full means the
price less every discount, in money."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from booking_domain.bookings import Booking, BookingStatus, lifecycle
from booking_domain.catalog import FixedDeposit
from booking_domain.loyalty import PointsNotRedeemableError
from booking_domain.payments import (
    InvoiceStatus,
    PaymentMethod,
    PaymentOutcome,
    PaymentState,
    ProviderPayment,
    receive,
)
from booking_domain.payments import balance as bal
from booking_domain.payments import invoices as inv
from booking_domain.payments.gateway import IssuedInvoice
from booking_domain.shared import Money
from booking_domain.shared.errors import InvalidTransitionError
from booking_domain.testing import artist, booking_at, make_policy, make_service

T0 = datetime(2026, 3, 2, 9, tzinfo=ZoneInfo("Asia/Ulaanbaatar"))
POLICY = make_policy("Asia/Ulaanbaatar")
PRICE = Money(60_000_000, "MNT")  # MNT 600,000
DEPOSIT = Money(10_000_000, "MNT")  # MNT 100,000
POINTS = Money(1_500_000, "MNT")  # what 150 points at MNT 100 take off
ISSUED = IssuedInvoice("inv-1", "qr", "png", "https://s.example/1", ())


def pending_booking() -> Booking:
    service = make_service(price=PRICE, deposit=FixedDeposit(DEPOSIT))
    return booking_at(T0 + timedelta(days=3), now=T0, policy=POLICY, service=service)


def reserved(booking: Booking) -> inv.DepositInvoice:
    return inv.reserve(booking, attempt=1, token_hash=inv.hash_callback_token("t"), now=T0)


def paid(amount: Money) -> ProviderPayment:
    return ProviderPayment("p1", PaymentState.PAID, amount, PaymentMethod.P2P, "inv-1")


@given(minor=st.integers(1, DEPOSIT.amount - 1))
def test_points_leave_whole_togrog_for_the_provider_or_are_refused(minor: int) -> None:
    invoice = reserved(pending_booking())
    if minor % 100:
        with pytest.raises(PointsNotRedeemableError):
            inv.discounted(invoice, 7, Money(minor, "MNT"))
        return
    cut = inv.discounted(invoice, 7, Money(minor, "MNT"))
    assert (cut.amount.amount, cut.discount, cut.points) == (DEPOSIT.amount - minor, minor, 7)
    assert cut.asked == DEPOSIT
    inv.provider_amount(cut.amount)  # whole tögrög reach the provider


def test_points_are_redeemed_only_as_an_invoice_is_made_and_never_twice() -> None:
    invoice = inv.discounted(reserved(pending_booking()), 150, POINTS)
    with pytest.raises(InvalidTransitionError):
        inv.discounted(invoice, 1, Money(100, "MNT"))
    with pytest.raises(InvalidTransitionError):
        inv.discounted(inv.issue(reserved(pending_booking()), ISSUED, T0), 1, Money(100, "MNT"))


def test_the_rest_paid_confirms_the_booking_which_holds_the_money_not_the_points() -> None:
    booking = pending_booking()
    invoice = inv.issue(inv.discounted(reserved(booking), 150, POINTS), ISSUED, T0)
    receipt = receive(booking, invoice, paid(DEPOSIT - POINTS), T0 + timedelta(minutes=5))
    assert receipt.payment.outcome is PaymentOutcome.CONFIRMED
    assert receipt.booking.status is BookingStatus.CONFIRMED
    assert receipt.booking.amount_paid == DEPOSIT - POINTS
    assert receipt.invoice.status is InvoiceStatus.PAID
    # The whole deposit is another amount than this invoice asks: kept for review.
    other = receive(booking, invoice, paid(DEPOSIT), T0 + timedelta(minutes=5))
    assert other.payment.outcome is PaymentOutcome.REVIEW and other.booking == booking


def test_a_cancelled_invoice_whose_points_came_back_confirms_nothing() -> None:
    booking = pending_booking()
    invoice = inv.issue(inv.discounted(reserved(booking), 150, POINTS), ISSUED, T0)
    withdrawn = inv.withdraw(invoice, T0 + timedelta(minutes=1))
    receipt = receive(booking, withdrawn, paid(DEPOSIT - POINTS), T0 + timedelta(minutes=5))
    assert receipt.payment.outcome is PaymentOutcome.REVIEW
    assert receipt.booking.status is BookingStatus.PENDING


def completed_with_points() -> tuple[Booking, inv.DepositInvoice]:
    """A booking whose deposit points paid part of, its session done."""
    booking = pending_booking()
    invoice = inv.issue(inv.discounted(reserved(booking), 150, POINTS), ISSUED, T0)
    receipt = receive(booking, invoice, paid(DEPOSIT - POINTS), T0 + timedelta(minutes=5))
    done, _ = lifecycle.complete(receipt.booking, artist(), T0 + timedelta(days=3, hours=5))
    return done, receipt.invoice


@given(adjustment=st.integers(-10_000_000, 10_000_000).map(lambda a: a - a % 100))
def test_a_balance_counts_earlier_points_and_paying_it_means_the_price_less_discounts(
    adjustment: int,
) -> None:
    booking, deposit = completed_with_points()
    discounted = bal.prior_discount([deposit])
    assert discounted == POINTS.amount
    terms = bal.terms_for(booking, PRICE, adjustment, "colour" if adjustment else None,
                          discounted)  # fmt: skip
    # The deposit is covered whole (money and points): the rest of the price is left.
    assert terms.total == PRICE.amount - DEPOSIT.amount + adjustment
    assert terms.full_price == PRICE.amount + adjustment - POINTS.amount
    balance = bal.reserve_balance(
        booking, terms, attempt=2, token_hash="h", now=T0 + timedelta(days=4), earlier=[deposit]
    )
    balance = inv.issue(inv.discounted(balance, 100, Money(1_000_000, "MNT")), ISSUED, T0)
    receipt = receive(booking, balance, paid(balance.amount), T0 + timedelta(days=4))
    assert receipt.payment.outcome is PaymentOutcome.CONFIRMED
    after = receipt.booking
    assert after.full_price == Money(PRICE.amount + adjustment - 2_500_000, "MNT")
    assert after.amount_paid == after.full_price and after.paid_in_full
    unpaid = replace(deposit, status=InvoiceStatus.CANCELLED)
    assert bal.prior_discount([unpaid]) == 0  # only paid invoices' points count
