"""Balance invoices' rules as properties: the amount's arithmetic, who may be invoiced
when, the one live balance, and what its payment does to a completed booking (kept once,
never lost, paid in full only when the money covers the price plus the adjustment); a zero
total settles the booking without an invoice."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from uuid import UUID
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from booking_domain.bookings import Booking, BookingStatus, ClientId, HistoryKind, lifecycle
from booking_domain.bookings.errors import BookingActionNotAllowedError
from booking_domain.catalog import FixedDeposit
from booking_domain.payments import (
    InvoiceKind,
    InvoiceStatus,
    PaymentMethod,
    PaymentOutcome,
    PaymentState,
    ProviderPayment,
    receive,
)
from booking_domain.payments import balance as bal
from booking_domain.payments import invoices as inv
from booking_domain.payments.errors import (
    BalanceAlreadyPaidError,
    BalanceNegativeError,
    BalanceNotDueError,
    BalanceNotPayableError,
)
from booking_domain.payments.gateway import IssuedInvoice
from booking_domain.shared import DomainError, Money
from booking_domain.shared.errors import InvalidInputError, InvalidTransitionError
from booking_domain.testing import artist, booking_at, customer, make_policy, make_service

T0 = datetime(2026, 3, 2, 9, tzinfo=ZoneInfo("Asia/Ulaanbaatar"))
POLICY = make_policy("Asia/Ulaanbaatar")
PRICE = Money(10_000_000, "MNT")  # 100,000.00 MNT
DEPOSIT = Money(3_000_000, "MNT")
ISSUED = IssuedInvoice("bal-1", "qr", "png", "https://s.example/b", ())
AFTER = T0 + timedelta(days=3, hours=4)  # after the session


def completed_booking(deposit: Money = DEPOSIT) -> Booking:
    service = make_service(price=PRICE, deposit=FixedDeposit(deposit))
    booking = booking_at(T0 + timedelta(days=3), now=T0, policy=POLICY, service=service)
    booking, _ = lifecycle.record_payment(booking, deposit, T0)
    booking, _ = lifecycle.complete(booking, artist(), AFTER)
    return booking


def open_balance(
    booking: Booking, adjustment: int = 0, reason: str | None = None, attempt: int = 2
) -> inv.DepositInvoice:
    terms = bal.terms_for(booking, PRICE, adjustment, reason)
    reserved = bal.reserve_balance(
        booking, terms, attempt=attempt, token_hash="h", now=AFTER, earlier=()
    )
    return inv.issue(reserved, ISSUED, AFTER)


def paid(amount: Money, payment_id: str = "b1") -> ProviderPayment:
    return ProviderPayment(payment_id, PaymentState.PAID, amount, PaymentMethod.P2P, "bal-1")


@given(adjustment=st.integers(-PRICE.amount, PRICE.amount).map(lambda a: a - a % 100))
def test_the_balance_is_the_price_less_what_is_held_plus_the_adjustment(adjustment: int) -> None:
    booking = completed_booking()
    expected = PRICE.amount - DEPOSIT.amount + adjustment
    reason = "extra shading" if adjustment else None
    if expected < 0:
        with pytest.raises(BalanceNegativeError):
            bal.terms_for(booking, PRICE, adjustment, reason)
    elif expected == 0:
        terms = bal.terms_for(booking, PRICE, adjustment, reason)
        assert terms.settles and terms.full_price == DEPOSIT.amount
    else:
        terms = bal.terms_for(booking, PRICE, adjustment, reason)
        assert terms.total == expected > 0
        assert terms.full_price == PRICE.amount + adjustment
        assert terms.credit == DEPOSIT


@given(adjustment=st.integers(-(10**15), 10**15), reason=st.none() | st.text(max_size=600))
def test_an_adjustment_is_bounded_and_explained(adjustment: int, reason: str | None) -> None:
    text = (reason or "").strip()
    fine = abs(adjustment) <= bal.MAX_ADJUSTMENT and len(text) <= bal.MAX_REASON
    fine = fine and (adjustment == 0 or bool(text))
    try:
        kept = bal.check_adjustment(adjustment, reason)
    except InvalidInputError:
        assert not fine or not text.isprintable()
    else:
        assert fine and kept == (text or None)


def test_a_refunded_part_of_the_deposit_is_not_counted_as_held() -> None:
    booking = completed_booking()
    owed, _ = lifecycle.record_payment(booking, Money(1_000_000, "MNT"), AFTER)  # unexpected
    terms = bal.terms_for(owed, PRICE, 0, None)
    assert terms.credit == DEPOSIT  # the stray payment is owed back, so not held
    assert terms.total == PRICE.amount - DEPOSIT.amount


def test_only_a_completed_booking_with_an_account_is_invoiced() -> None:
    service = make_service(price=PRICE, deposit=FixedDeposit(DEPOSIT))
    pending = booking_at(T0 + timedelta(days=3), now=T0, policy=POLICY, service=service)
    terms = bal.terms_for(pending, PRICE, 0, None)
    with pytest.raises(BalanceNotDueError):
        bal.reserve_balance(pending, terms, attempt=2, token_hash="h", now=T0, earlier=())


def test_a_price_in_another_currency_than_the_booking_is_refused() -> None:
    # The service was priced again in dollars after the booking: never an invoice the
    # booking could not credit.
    with pytest.raises(BalanceNotPayableError):
        bal.terms_for(completed_booking(), Money(PRICE.amount, "USD"), 0, None)


def test_money_the_provider_does_not_take_is_refused() -> None:
    with pytest.raises(BalanceNotPayableError):  # not whole tögrög
        bal.terms_for(completed_booking(), PRICE, 150, "a fraction")


def test_a_paid_balance_is_not_invoiced_again_and_a_paid_one_never_reopens() -> None:
    booking = completed_booking()
    invoice = open_balance(booking)
    receipt = receive(booking, invoice, paid(invoice.amount), AFTER)
    assert receipt.invoice.status is InvoiceStatus.PAID
    terms = bal.BalanceTerms(PRICE, DEPOSIT, 0, None)
    with pytest.raises(BalanceAlreadyPaidError):
        bal.reserve_balance(
            receipt.booking, terms, attempt=3, token_hash="h", now=AFTER,
            earlier=(receipt.invoice,),
        )  # fmt: skip
    with pytest.raises(InvalidTransitionError):  # the one apply() guards every move
        inv.withdraw(receipt.invoice, AFTER)


@given(
    amount_minor=st.sampled_from([7_000_000, 1_000_000, 9_000_000]),
    state=st.sampled_from(["open", "superseded", "paid_twice", "disputed"]),
)
def test_a_balance_payment_is_kept_once_or_owed_back_never_lost(
    amount_minor: int, state: str
) -> None:
    booking = completed_booking()
    invoice = open_balance(booking)
    amount = Money(amount_minor, "MNT")
    if state == "superseded":
        invoice = inv.withdraw(invoice, AFTER)
    elif state == "paid_twice":
        first = receive(booking, invoice, paid(invoice.amount, "first"), AFTER)
        booking, invoice = first.booking, first.invoice
    elif state == "disputed":
        booking = _disputed(completed_booking())
    receipt = receive(booking, invoice, paid(amount), AFTER)
    after = receipt.booking
    assert receipt.invoice.status is InvoiceStatus.PAID
    assert after.amount_refunded + after.refund_due <= after.amount_paid
    outcome = receipt.payment.outcome
    if outcome is PaymentOutcome.CONFIRMED:
        assert state == "open" and amount == invoice.amount
        assert after.amount_paid == booking.amount_paid + amount
        assert after.refund_due == booking.refund_due
        assert after.status is BookingStatus.COMPLETED
        assert after.paid_in_full
    elif outcome is PaymentOutcome.OWED_BACK:
        assert state != "open" and amount == invoice.amount
        assert after.refund_due == booking.refund_due + amount
    else:
        assert amount != invoice.amount and after == booking


def _disputed(booking: Booking) -> Booking:
    from booking_domain.bookings.booking import apply
    from booking_domain.bookings.history import HistoryKind

    disputed, _ = apply(
        booking, kind=HistoryKind.DISPUTED, now=AFTER, actor=None, status=BookingStatus.DISPUTED
    )
    return disputed


@given(adjustment=st.integers(-30_000, 30_000).map(lambda a: a * 100))
def test_paid_in_full_means_the_money_held_covers_price_plus_adjustment(adjustment: int) -> None:
    booking = completed_booking()
    assert not booking.paid_in_full  # no final price stated yet
    reason = "stated" if adjustment else None
    invoice = open_balance(booking, adjustment, reason)
    receipt = receive(booking, invoice, paid(invoice.amount), AFTER)
    after = receipt.booking
    assert after.paid_in_full and after.full_price == invoice.full_price
    assert after.refundable.amount == PRICE.amount + adjustment
    owed, _ = lifecycle.record_payment(after, Money(100, "MNT"), AFTER)  # stray: owed back
    assert owed.paid_in_full
    less = replace(after, amount_refunded=Money(100, "MNT"))  # a part given back
    assert not less.paid_in_full


def test_reissuing_leaves_one_live_balance_and_kinds_stay_apart() -> None:
    booking = completed_booking()
    first = open_balance(booking)
    superseded = inv.withdraw(first, AFTER)
    second = open_balance(booking, 500_000, "extra colour", attempt=3)
    assert bal.live_balance((superseded, second)) == second
    assert second.kind is InvoiceKind.BALANCE and second.number != first.number
    assert second.expires_at == AFTER + bal.PAYABLE_FOR
    assert bal.description_for_balance(second.number).replace(" ", "").isalnum()


@given(deposit=st.integers(1, PRICE.amount).map(lambda a: a - a % 100 or 100))
def test_a_zero_total_settles_the_booking_paid_in_full_without_an_invoice(deposit: int) -> None:
    booking = completed_booking(Money(deposit, "MNT"))
    adjustment = deposit - PRICE.amount  # the price plus the adjustment: what is held
    reason = "loyal customer" if adjustment else None
    terms = bal.terms_for(booking, PRICE, adjustment, reason)
    assert terms.settles and terms.total == 0
    full = Money(terms.full_price, "MNT")
    after, entry = lifecycle.settle_balance(booking, artist(), full, terms.reason, AFTER)
    assert after.paid_in_full and after.full_price == full == booking.refundable
    assert (after.status, after.amount_paid, after.refund_due) == (
        BookingStatus.COMPLETED,
        booking.amount_paid,
        booking.refund_due,
    )
    assert (entry.kind, entry.amount, entry.reason) == (HistoryKind.PAID_IN_FULL, full, reason)
    assert entry.to_status is BookingStatus.COMPLETED and entry.version == after.version
    with pytest.raises(BalanceAlreadyPaidError):  # settled: not asked for again
        bal.require_balance_due(after, ())


def test_a_deposit_equal_to_the_price_leaves_nothing_to_pay() -> None:
    booking = completed_booking(PRICE)
    assert not booking.paid_in_full  # the final price is not known yet
    terms = bal.terms_for(booking, PRICE, 0, None)
    assert terms.settles and terms.reason is None
    after, _ = lifecycle.settle_balance(booking, artist(), PRICE, None, AFTER)
    assert after.paid_in_full


def test_only_the_artist_settles_a_completed_booking() -> None:
    booking = completed_booking(PRICE)
    with pytest.raises(BookingActionNotAllowedError):
        lifecycle.settle_balance(booking, customer(), PRICE, None, AFTER)
    service = make_service(price=PRICE, deposit=FixedDeposit(PRICE))
    pending = booking_at(T0 + timedelta(days=3), now=T0, policy=POLICY, service=service)
    with pytest.raises(InvalidTransitionError):
        lifecycle.settle_balance(pending, artist(), PRICE, None, AFTER)


@given(
    status=st.sampled_from(BookingStatus),
    client_record=st.booleans(),
    live=st.sampled_from([None, *inv.InvoiceStatus]),
    settled=st.booleans(),
)
def test_the_balance_is_offered_exactly_when_it_may_be_invoiced(
    status: BookingStatus, client_record: bool, live: inv.InvoiceStatus | None, settled: bool
) -> None:
    """``balance_due`` (what a console offers) agrees with ``require_balance_due`` (what
    issuing checks first), whatever the booking's state and its balance invoices."""
    done = completed_booking()
    invoices = () if live is None else (replace(open_balance(done), status=live),)
    booking = replace(
        done,
        status=status,
        customer_id=None if client_record else done.customer_id,
        client_id=ClientId(UUID(int=5)) if client_record else None,
        full_price=PRICE if settled else None,
    )
    try:
        bal.require_balance_due(booking, invoices)
    except DomainError:
        assert not bal.balance_due(booking, invoices)
    else:
        assert bal.balance_due(booking, invoices)
