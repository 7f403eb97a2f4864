"""Deposit invoices: one attempt to collect a booking's deposit through the provider.

Rules (docs/product.md, "6. Money, deposits and refunds"; docs/payments.md, "Invoices"):
- An invoice is made only for a booking awaiting its deposit with a live hold, and is
  payable until that hold ends. A booking never has two payable invoices: a new one is made
  only once the old one failed or was cancelled.
- Its number (the provider's ``sender_invoice_no``) is the booking reference without its
  hyphen plus a two-digit attempt counter (``INK7K3M9Q02``): letters and digits, unique,
  never reused, not even after a create that failed or timed out.
- Making one takes two steps around the provider call (no network call inside a
  transaction): the number is reserved (``creating``) and committed first, so it is burnt
  whatever happens; then the provider's answer opens it (``open``) or the failure closes it
  (``failed``). A reservation left by a crashed request stops blocking after
  ``CREATING_LEASE``.
- The callback URL carries a per-invoice secret; only its SHA-256 is stored.
- Loyalty points may pay part of an invoice (``discounted``; docs/loyalty.md): the amount
  the provider is asked for is then what is left, and the invoice keeps the points and
  their value (``discount``). What is left must be whole tögrög too.
- Every change goes through :func:`apply`.
"""

from __future__ import annotations

import dataclasses
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any, NewType
from uuid import UUID

from booking_domain.bookings import Booking
from booking_domain.loyalty import PointsNotRedeemableError
from booking_domain.payments.errors import DepositNotPayableError
from booking_domain.payments.gateway import IssuedInvoice
from booking_domain.shared.errors import InvalidTransitionError
from booking_domain.shared.ids import BookingId, UserId, new_uuid7
from booking_domain.shared.money import Money
from booking_domain.shared.time import require_aware

InvoiceId = NewType("InvoiceId", UUID)

CREATING_LEASE = timedelta(seconds=60)
MAX_ATTEMPTS = 99  # two digits in the number
PROVIDER_CURRENCY = "MNT"  # QPay invoices are in tögrög, in whole units
MINOR_PER_MAJOR = 100
_NUMBER = re.compile(r"[A-Z0-9]{1,45}")


class InvoiceKind(StrEnum):
    """What an invoice asks for: the booking's deposit, or (after the session) its balance
    (``balance.py`` has that one's rules)."""

    DEPOSIT = "deposit"
    BALANCE = "balance"


class InvoiceStatus(StrEnum):
    CREATING = "creating"
    OPEN = "open"
    PAID = "paid"
    FAILED = "failed"
    CANCELLED = "cancelled"


_MOVES: dict[InvoiceStatus, frozenset[InvoiceStatus]] = {
    InvoiceStatus.CREATING: frozenset({InvoiceStatus.OPEN, InvoiceStatus.FAILED}),
    InvoiceStatus.OPEN: frozenset({InvoiceStatus.PAID, InvoiceStatus.CANCELLED}),
    # A payment that raced the cancel is still a payment (it is owed back, never lost).
    InvoiceStatus.CANCELLED: frozenset({InvoiceStatus.PAID}),
    InvoiceStatus.PAID: frozenset(),
    InvoiceStatus.FAILED: frozenset(),
}


@dataclass(frozen=True, slots=True)
class DepositInvoice:
    """A deposit invoice of one booking (its deposit transaction).

    ``provider_invoice_id`` and ``issued`` are set once the provider made it;
    ``checked_at`` is the last on-demand check (the rate limit); ``cancel_due`` says the
    provider must still be told to cancel it (a hold ran out while it was open).
    """

    id: InvoiceId
    booking_id: BookingId
    customer_id: UserId
    artist_user_id: UserId
    number: str
    amount: Money
    status: InvoiceStatus
    callback_token_hash: str
    expires_at: datetime
    created_at: datetime
    updated_at: datetime
    provider_invoice_id: str | None = None
    issued: IssuedInvoice | None = None
    paid_at: datetime | None = None
    checked_at: datetime | None = None
    idempotency_key: str | None = None
    cancel_due: bool = False
    kind: InvoiceKind = InvoiceKind.DEPOSIT
    # A balance invoice's terms (None on deposits): the service's price it was reckoned
    # from, what the booking held when it was issued, and the artist's stated adjustment.
    price: Money | None = None
    credit: Money | None = None
    adjustment: int = 0  # signed minor units of the price's currency
    adjustment_reason: str | None = None
    # Loyalty points redeemed on it and the value they took off ``amount`` (minor units of
    # its currency); a balance also keeps what earlier invoices' points took off the
    # booking's price (``prior_discount``). Zero for everyone not redeeming.
    points: int = 0
    discount: int = 0
    prior_discount: int = 0

    def __post_init__(self) -> None:
        for name in ("expires_at", "created_at", "updated_at"):
            require_aware(getattr(self, name), name)
        if not _NUMBER.fullmatch(self.number):
            raise ValueError("an invoice number is 1-45 upper-case letters and digits")

    @property
    def full_price(self) -> Money | None:
        """What paying a balance in full means in money: its price plus its adjustment, less
        what points took off the booking's price, on earlier invoices and on this one (None
        on deposits)."""
        if self.price is None:
            return None
        net = self.price.amount + self.adjustment - self.prior_discount - self.discount
        return Money(net, self.price.currency)

    @property
    def asked(self) -> Money:
        """What the invoice asks before points: its amount plus their discount."""
        return Money(self.amount.amount + self.discount, self.amount.currency)

    def payable(self, now: datetime) -> bool:
        return self.status is InvoiceStatus.OPEN and require_aware(now, "now") < self.expires_at

    def blocks_another(self, now: datetime) -> bool:
        """Whether a new invoice for the booking must wait: this one is payable, or is being
        made by a request that has not given up yet."""
        if self.status is InvoiceStatus.CREATING:
            return require_aware(now, "now") < self.created_at + CREATING_LEASE
        return self.payable(now)

    def token_matches(self, token: str) -> bool:
        return hmac.compare_digest(hash_callback_token(token), self.callback_token_hash)

    def role_of_user(self, user_id: UserId) -> str | None:
        if user_id == self.customer_id:
            return "customer"
        if user_id == self.artist_user_id:
            return "artist"
        return None


def new_callback_token() -> str:
    """128 random bits, hex: the secret in one invoice's callback URL."""
    return secrets.token_hex(16)


def hash_callback_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def invoice_number(reference: str, attempt: int) -> str:
    """``INK-7K3M9Q``, attempt 2 -> ``INK7K3M9Q02``."""
    if not 1 <= attempt <= MAX_ATTEMPTS:
        raise DepositNotPayableError("This booking has had too many invoices.")
    return f"{reference.replace('-', '')}{attempt:02d}"


# What a deployment without a gateway list takes: QPay's tögrög (its only gateway once).
QPAY_CURRENCIES = frozenset({PROVIDER_CURRENCY})


def invoiceable(amount: Money, currencies: frozenset[str]) -> Money:
    """``amount`` if an enabled gateway (``currencies``: theirs together) can be asked for
    it; ``DepositNotPayableError`` otherwise. Tögrög are asked in whole units (QPay's rule:
    the bank apps pay no möngö); any other currency in its minor units."""
    if amount.currency not in currencies:
        raise DepositNotPayableError(
            f"No payment method here takes {amount.currency}; "
            f"deposits are paid in {', '.join(sorted(currencies)) or 'no currency'}."
        )
    if amount.currency == PROVIDER_CURRENCY:
        provider_amount(amount)
    return amount


def provider_amount(deposit: Money) -> int:
    """The deposit in whole tögrög, as QPay takes it; anything else is refused before any
    call to the provider."""
    if deposit.currency != PROVIDER_CURRENCY or deposit.amount % MINOR_PER_MAJOR:
        raise DepositNotPayableError(
            f"Deposits are paid in whole {PROVIDER_CURRENCY} through QPay; this one is {deposit}."
        )
    return deposit.amount // MINOR_PER_MAJOR


def description_for(number: str) -> str:
    """What the payer's bank app shows: ASCII letters, digits and spaces only."""
    return f"Inkslot deposit {number}"


def reserve(
    booking: Booking,
    *,
    attempt: int,
    token_hash: str,
    now: datetime,
    idempotency_key: str | None = None,
    currencies: frozenset[str] = QPAY_CURRENCIES,
) -> DepositInvoice:
    """Reserve the number of a new invoice for a booking awaiting its deposit.

    Refused (``DepositNotPayableError``) unless the booking awaits a deposit whose hold is
    live and whose amount an enabled gateway takes (``currencies``, ``invoiceable``). The
    caller has checked that no other invoice of the booking blocks this one.
    """
    now = require_aware(now, "now")
    if not booking.awaiting_deposit or booking.hold_expires_at is None:
        raise DepositNotPayableError()
    if booking.hold_expired(now):
        raise DepositNotPayableError("The hold on this booking has expired.")
    invoiceable(booking.deposit, currencies)
    if booking.customer_id is None:
        # A client record has no account to pay from: its deposit is taken by hand for now.
        raise DepositNotPayableError("A client without an account is not invoiced.")
    return DepositInvoice(
        id=InvoiceId(new_uuid7(int(now.timestamp() * 1000))),
        booking_id=booking.id,
        customer_id=booking.customer_id,
        artist_user_id=booking.artist_user_id,
        number=invoice_number(booking.reference, attempt),
        amount=booking.deposit,
        status=InvoiceStatus.CREATING,
        callback_token_hash=token_hash,
        expires_at=booking.hold_expires_at,
        created_at=now,
        updated_at=now,
        idempotency_key=idempotency_key,
    )


def discounted(invoice: DepositInvoice, points: int, discount: Money) -> DepositInvoice:
    """A reserved invoice of which ``points`` pay ``discount`` (within its amount: loyalty
    judged the share): the provider is asked for the rest, which must be whole tögrög
    (``PointsNotRedeemableError`` otherwise)."""
    if invoice.status is not InvoiceStatus.CREATING or invoice.points:
        raise InvalidTransitionError("Points are redeemed on an invoice as it is made.")
    rest = invoice.amount - discount
    if rest.is_zero or (rest.currency == PROVIDER_CURRENCY and rest.amount % MINOR_PER_MAJOR):
        raise PointsNotRedeemableError(
            "These points would leave a part of a tögrög to pay; redeem a different number."
        )
    return dataclasses.replace(invoice, amount=rest, points=points, discount=discount.amount)


def apply(invoice: DepositInvoice, now: datetime, **changes: Any) -> DepositInvoice:
    """The one way an invoice changes: a status given must be a move ``_MOVES`` allows."""
    if "status" in changes and changes["status"] not in _MOVES[invoice.status]:
        raise InvalidTransitionError(
            f"A {invoice.status} invoice cannot become {changes['status']}."
        )
    return dataclasses.replace(invoice, updated_at=require_aware(now, "now"), **changes)


def issue(invoice: DepositInvoice, issued: IssuedInvoice, now: datetime) -> DepositInvoice:
    return apply(
        invoice,
        now,
        status=InvoiceStatus.OPEN,
        issued=issued,
        provider_invoice_id=issued.invoice_id,
    )


def fail(invoice: DepositInvoice, now: datetime) -> DepositInvoice:
    return apply(invoice, now, status=InvoiceStatus.FAILED)


def settle(invoice: DepositInvoice, now: datetime) -> DepositInvoice:
    """Paid: whatever else happens, no cancel is sent any more."""
    return apply(invoice, now, status=InvoiceStatus.PAID, paid_at=now, cancel_due=False)


def withdraw(invoice: DepositInvoice, now: datetime) -> DepositInvoice:
    """The booking's hold ended unpaid: the invoice is cancelled here at once, and at the
    provider after the commit (``cancel_due``)."""
    return apply(invoice, now, status=InvoiceStatus.CANCELLED, cancel_due=True)


def cancel_sent(invoice: DepositInvoice, now: datetime) -> DepositInvoice:
    return apply(invoice, now, cancel_due=False)


def note_check(invoice: DepositInvoice, now: datetime) -> DepositInvoice:
    return apply(invoice, now, checked_at=now)
