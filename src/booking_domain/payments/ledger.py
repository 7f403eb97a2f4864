"""The admins' ledger: every money movement the platform asked for, in one list.

Three kinds of transaction, each with its own statuses:
- ``deposit``: a deposit invoice (money asked of a customer): ``creating``, ``open``,
  ``paid``, ``failed``, ``cancelled``;
- ``balance``: a balance invoice after the session (``balance.py``), the same statuses;
- ``refund``: money owed back: ``pending`` (to the provider), ``refunded``, ``manual``
  (awaits manual settlement), ``settled``.

A filter names statuses of the kinds it lists; a status no listed kind has is refused (422),
so a typo never answers an empty page. ``awaiting_settlement`` is the refunds in
``manual``. Newest first, ties by id.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from uuid import UUID

from booking_domain.payments.gateway import PaymentMethod
from booking_domain.payments.invoices import DepositInvoice, InvoiceStatus
from booking_domain.payments.refunds import Refund, RefundStatus
from booking_domain.shared.errors import FieldError, InvalidInputError
from booking_domain.shared.ids import BookingId, UserId
from booking_domain.shared.money import Money
from booking_domain.shared.time import require_aware


class TransactionKind(StrEnum):
    DEPOSIT = "deposit"
    BALANCE = "balance"
    REFUND = "refund"


STATUSES: dict[TransactionKind, frozenset[str]] = {
    TransactionKind.DEPOSIT: frozenset(s.value for s in InvoiceStatus),
    TransactionKind.BALANCE: frozenset(s.value for s in InvoiceStatus),
    TransactionKind.REFUND: frozenset(s.value for s in RefundStatus),
}
ALL_STATUSES = frozenset().union(*STATUSES.values())


@dataclass(frozen=True, slots=True)
class Transaction:
    """One row of the ledger. ``reference``: the invoice number of a deposit, the provider's
    payment id of a refund (None when no single payment matches); ``method``: how a refund
    returns money (None for deposits and for refunds without a matching payment);
    ``settled_at``: when a deposit was paid or a refund paid back."""

    id: UUID
    kind: TransactionKind
    status: str
    booking_id: BookingId
    customer_id: UserId
    artist_user_id: UserId
    amount: Money
    reference: str | None
    method: PaymentMethod | None
    created_at: datetime
    updated_at: datetime
    settled_at: datetime | None

    @classmethod
    def of_deposit(cls, invoice: DepositInvoice) -> Transaction:
        """An invoice as a transaction: a deposit, or a balance (by the invoice's kind)."""
        kind = TransactionKind(invoice.kind.value)
        return cls(
            invoice.id, kind, invoice.status.value, invoice.booking_id,
            invoice.customer_id, invoice.artist_user_id, invoice.amount, invoice.number, None,
            invoice.created_at, invoice.updated_at, invoice.paid_at,
        )  # fmt: skip

    @classmethod
    def of_refund(cls, refund: Refund) -> Transaction:
        return cls(
            refund.id, TransactionKind.REFUND, refund.status.value, refund.booking_id,
            refund.customer_id, refund.artist_user_id, refund.amount, refund.payment_id,
            refund.method, refund.created_at, refund.updated_at, refund.settled_at,
        )  # fmt: skip


@dataclass(frozen=True, slots=True)
class TransactionFilter:
    """``kinds`` empty: both; ``statuses`` empty: any; ``[created_from, created_before)``
    bounds when the transaction was made; ``awaiting_settlement``: True lists only refunds
    awaiting manual settlement, False everything else."""

    kinds: frozenset[TransactionKind] = frozenset()
    statuses: frozenset[str] = frozenset()
    created_from: datetime | None = None
    created_before: datetime | None = None
    awaiting_settlement: bool | None = None
    booking_id: BookingId | None = None

    def __post_init__(self) -> None:
        for name, moment in (("from", self.created_from), ("to", self.created_before)):
            if moment is not None:
                require_aware(moment, name)
        errors: list[FieldError] = []
        unknown = self.statuses - frozenset().union(*(STATUSES[k] for k in self.listed_kinds))
        if unknown:
            kinds = ", ".join(sorted(self.listed_kinds))
            message = f"Not a status of {kinds}: {', '.join(sorted(unknown))}."
            errors.append(FieldError("status", message, "unknown_status"))
        if self.created_from and self.created_before and self.created_from >= self.created_before:
            errors.append(FieldError("to", "Use a moment after 'from'.", "out_of_range"))
        if errors:
            raise InvalidInputError(errors=tuple(errors))

    @property
    def listed_kinds(self) -> frozenset[TransactionKind]:
        return self.kinds or frozenset(TransactionKind)

    def statuses_of(self, kind: TransactionKind) -> frozenset[str] | None:
        """The statuses to list of ``kind`` (None: this kind is not listed at all; an
        empty set: any of its statuses)."""
        if kind not in self.listed_kinds:
            return None
        wanted = set(self.statuses & STATUSES[kind]) if self.statuses else set(STATUSES[kind])
        if self.awaiting_settlement is True:
            wanted &= {RefundStatus.MANUAL.value}
        elif self.awaiting_settlement is False and kind is TransactionKind.REFUND:
            wanted -= {RefundStatus.MANUAL.value}
        if not wanted:  # none of this kind's statuses is asked for
            return None
        return frozenset() if wanted == STATUSES[kind] else frozenset(wanted)

    def matches(self, t: Transaction) -> bool:
        """The rule both adapters follow (the memory one applies it as it is)."""
        statuses = self.statuses_of(t.kind)
        return (
            statuses is not None
            and (not statuses or t.status in statuses)
            and (self.created_from is None or t.created_at >= self.created_from)
            and (self.created_before is None or t.created_at < self.created_before)
            and (self.booking_id is None or t.booking_id == self.booking_id)
        )
