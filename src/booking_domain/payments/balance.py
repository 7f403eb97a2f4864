"""Balance invoices: after the session, the rest of the price, paid through the provider
like the deposit (docs/payments.md, "The balance at the end").

Rules:
- Only the booking's artist (or an admin) issues one, and only once the booking is
  ``completed`` (before: ``balance_not_due``, 409); a booking of a client record (no
  account) is not invoiced (``balance_not_payable``, 422).
- Amount: the service's price (in the booking's currency: a service since priced in
  another is ``balance_not_payable``, 422), less what the booking holds (paid, and neither refunded
  nor owed back: ``Booking.refundable``, so a deposit refunded in part counts only for what
  was kept), plus or minus the artist's adjustment. An adjustment is at most
  ``MAX_ADJUSTMENT`` minor units either way and needs a reason (1 to
  ``MAX_REASON`` characters) unless it is zero.
- A total below zero is refused (``balance_negative``, 422). A total of zero means nothing
  is left to pay: no invoice is made (none is ever made for nothing) and the booking is
  settled at once instead (``BalanceTerms.settles``: the full price noted, so it is paid in
  full). A positive total must be whole tögrög, as every QPay invoice.
- One live balance invoice per booking: issuing again cancels the open one (here at once,
  at the provider by a job) and makes a new one; a paid balance cannot be issued again
  (``balance_already_paid``, 409).
- A balance invoice is payable for ``PAYABLE_FOR`` after it is made, while the booking
  stays completed; then it is withdrawn like a lapsed deposit invoice.
- Paying it (or settling a zero total) notes the full price (the price plus the adjustment)
  on the booking: ``Booking.paid_in_full`` is then whether the money the booking holds
  covers it. Before that it is False: the platform has not been told the final price. Once
  the full price is noted the balance is not asked for again (``balance_already_paid``).
- Loyalty points are a discount (docs/loyalty.md): what points took off the booking's
  earlier paid invoices (``prior_discount``) comes off the balance as what the booking
  holds does, and points may pay part of the balance itself (``invoices.discounted``). The
  full price noted is then in money: the price plus the adjustment less every discount.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from booking_domain.bookings import Booking, BookingStatus
from booking_domain.payments.errors import (
    BalanceAlreadyPaidError,
    BalanceNegativeError,
    BalanceNotDueError,
    BalanceNotPayableError,
)
from booking_domain.payments.invoices import (
    QPAY_CURRENCIES,
    DepositInvoice,
    InvoiceId,
    InvoiceKind,
    InvoiceStatus,
    invoice_number,
    invoiceable,
)
from booking_domain.shared.errors import DomainError, FieldError, InvalidInputError
from booking_domain.shared.ids import UserId, new_uuid7
from booking_domain.shared.money import Money
from booking_domain.shared.text import text_problem
from booking_domain.shared.time import require_aware

MAX_ADJUSTMENT = 100_000_000_00  # 100,000,000.00 either way (minor units)
MAX_REASON = 500
PAYABLE_FOR = timedelta(days=30)
_DEAD = frozenset({InvoiceStatus.FAILED, InvoiceStatus.CANCELLED})


@dataclass(frozen=True, slots=True)
class BalanceTerms:
    """What a balance invoice asks: ``price - credit - prior_discount + adjustment``
    (``total``), before any points of its own."""

    price: Money
    credit: Money
    adjustment: int
    reason: str | None
    prior_discount: int = 0  # what points took off the booking's earlier paid invoices

    @property
    def total(self) -> int:
        """Signed minor units: below zero means the booking holds more than it costs."""
        return self.price.amount - self.credit.amount - self.prior_discount + self.adjustment

    @property
    def full_price(self) -> int:
        """What paying in full means in money: the price plus the adjustment, less the
        points' discounts so far."""
        return self.price.amount + self.adjustment - self.prior_discount

    @property
    def settles(self) -> bool:
        """Nothing is left to pay: the booking is settled without an invoice."""
        return self.total == 0


def check_adjustment(adjustment: int, reason: str | None) -> str | None:
    """The adjustment's reason, stripped (None for no adjustment); refused (422, naming the
    field) when out of bounds or unexplained."""
    if type(adjustment) is not int or abs(adjustment) > MAX_ADJUSTMENT:
        message = f"Adjust by at most {MAX_ADJUSTMENT} minor units either way."
        raise InvalidInputError(errors=(FieldError("adjustment", message, "out_of_range"),))
    text = (reason or "").strip()
    if text and (problem := text_problem("adjustmentReason", text, multiline=True)) is not None:
        raise InvalidInputError(errors=(problem,))
    if len(text) > MAX_REASON or (adjustment != 0 and not text):
        message = f"Say why the price changes (1 to {MAX_REASON} characters)."
        raise InvalidInputError(errors=(FieldError("adjustmentReason", message, "required"),))
    return text or None


def prior_discount(invoices: Sequence[DepositInvoice]) -> int:
    """What points took off the booking's paid invoices (minor units)."""
    return sum(i.discount for i in invoices if i.status is InvoiceStatus.PAID)


def terms_for(
    booking: Booking,
    price: Money,
    adjustment: int,
    reason: str | None,
    discounted: int = 0,
    currencies: frozenset[str] = QPAY_CURRENCIES,
) -> BalanceTerms:
    """The balance the booking owes for ``price`` after ``discounted`` minor units points
    took off its earlier invoices; refused when negative, or positive and not payable
    through an enabled gateway (``invoiceable``; zero: nothing to pay, ``settles``)."""
    cleaned = check_adjustment(adjustment, reason)
    if price.currency != booking.deposit.currency:
        # The service's currency changed since the booking: a balance in another currency
        # than what the booking holds would be kept for review, never credited.
        raise BalanceNotPayableError("The service is now priced in another currency.")
    terms = BalanceTerms(price, booking.refundable, adjustment, cleaned, discounted)
    if terms.total < 0:
        raise BalanceNegativeError()
    if terms.settles:
        return terms
    try:
        invoiceable(Money(terms.total, price.currency), currencies)
    except Exception as refused:
        raise BalanceNotPayableError(str(refused)) from None
    return terms


def live_balance(invoices: Sequence[DepositInvoice]) -> DepositInvoice | None:
    """The booking's latest balance invoice that is not cancelled or failed."""
    alive = [i for i in invoices if i.kind is InvoiceKind.BALANCE and i.status not in _DEAD]
    return alive[-1] if alive else None


def require_balance_due(booking: Booking, invoices: Sequence[DepositInvoice]) -> UserId:
    """The customer to invoice, if the booking may be invoiced for its balance now (checked
    before its amount, so a state error is told as one)."""
    if booking.status is not BookingStatus.COMPLETED:
        raise BalanceNotDueError()
    if booking.customer_id is None:
        raise BalanceNotPayableError("A client without an account is not invoiced.")
    live = live_balance(invoices)
    if booking.full_price is not None or (live is not None and live.status is InvoiceStatus.PAID):
        raise BalanceAlreadyPaidError()  # paid, or settled with nothing to pay
    return booking.customer_id


def balance_due(booking: Booking, invoices: Sequence[DepositInvoice]) -> bool:
    """Whether the booking's balance may be invoiced now (``require_balance_due`` passes):
    the step a screen offers its artist; the use case still decides."""
    try:
        require_balance_due(booking, invoices)
    except DomainError:
        return False
    return True


def reserve_balance(
    booking: Booking,
    terms: BalanceTerms,
    *,
    attempt: int,
    token_hash: str,
    now: datetime,
    earlier: Sequence[DepositInvoice],
    idempotency_key: str | None = None,
) -> DepositInvoice:
    """Reserve the number of a new balance invoice of a completed booking (``creating``).
    The caller withdraws the open one it supersedes; a paid one refuses."""
    now = require_aware(now, "now")
    customer_id = require_balance_due(booking, earlier)
    return DepositInvoice(
        id=InvoiceId(new_uuid7(int(now.timestamp() * 1000))),
        booking_id=booking.id,
        customer_id=customer_id,
        artist_user_id=booking.artist_user_id,
        number=invoice_number(booking.reference, attempt),
        amount=Money(terms.total, terms.price.currency),
        status=InvoiceStatus.CREATING,
        callback_token_hash=token_hash,
        expires_at=now + PAYABLE_FOR,
        created_at=now,
        updated_at=now,
        idempotency_key=idempotency_key,
        kind=InvoiceKind.BALANCE,
        price=terms.price,
        credit=terms.credit,
        adjustment=terms.adjustment,
        adjustment_reason=terms.reason,
        prior_discount=terms.prior_discount,
    )


def description_for_balance(number: str) -> str:
    """What the payer's bank app shows: ASCII letters, digits and spaces only."""
    return f"Inkslot balance {number}"
