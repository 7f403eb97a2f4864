"""What a booking's console page shows of the payments taken in the studio: each one with
its receipt, and what each kind would take now (the use case's ``due``: nothing here
decides a rule)."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import uuid4

from booking_domain.payments import StudioKind, StudioPayments
from entrypoints.web.shared.console import Desk
from entrypoints.web.shared.console_forms import whole_units
from entrypoints.web.shared.money import money_text

_STAMP = "%Y-%m-%d %H:%M"


@dataclass(frozen=True, slots=True)
class StudioLine:
    id: str
    receipt: str  # 000042
    method: str  # cash | card_terminal | bank_transfer
    kind: str  # deposit | balance | all
    amount: str
    refunded: str | None
    refundable: str | None  # what may still be given back, as the refund form shows it
    note: str | None
    at: str


@dataclass(frozen=True, slots=True)
class StudioFacts:
    lines: list[StudioLine]
    # kind -> the amount it takes now, in whole units as the form shows it (absent: not due)
    due: dict[str, str]
    first_due: str | None  # the kind the form offers first
    # A new key for each form shown: the payment's idempotency key, so a second tap of the
    # same form (a double click, a resent page) records one payment, one receipt, one email.
    key: str = ""


def studio_facts(found: StudioPayments, desk: Desk) -> StudioFacts:
    lines = [
        StudioLine(
            id=str(p.id),
            receipt=p.receipt_label,
            method=p.method.value,
            kind=p.kind.value,
            amount=money_text(p.amount),
            refunded=None if p.refunded.is_zero else money_text(p.refunded),
            refundable=None if p.refundable.is_zero else whole_units(p.refundable.amount),
            note=p.note,
            at=desk.local(p.recorded_at).strftime(_STAMP),
        )
        for p in found.payments
    ]
    due = {k.value: whole_units(m.amount) for k, m in found.due.items()}
    order = (StudioKind.ALL, StudioKind.DEPOSIT, StudioKind.BALANCE)
    first = next((k.value for k in order if k.value in due), None)
    return StudioFacts(lines, due, first, str(uuid4()))
