"""A gateway's own report of a day's payments against what we recorded (docs/payments.md,
"Reconciliation").

Rules:
- A day is a UTC day, reconciled per gateway once it is over, on each run for the last
  three days until it is found to agree: a day found to differ is looked at again (a late
  callback may mend it), and its latest finding kept.
- The gateway's paid payments of the day and ours recorded in the day are matched by the
  gateway's payment id. Recording follows paying by seconds to minutes, so each side is
  matched against the other's payments within ``MARGIN`` of the day as well: a payment
  paid at 23:59 and recorded at 00:01 is no difference.
- Differences: ``missing_here`` (the gateway took money we never recorded: a lost callback,
  a payment of an invoice we no longer know), ``missing_there`` (we recorded a payment the
  gateway does not report: a forged or mistaken record), ``amount_differs`` (both, with
  other amounts or currencies). Admins are told of a day that differs
  (``payment.reconciliation_differs``) and read it at ``GET /admin/reconciliations``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum

from booking_domain.payments.gateway import ProviderPayment
from booking_domain.payments.receipts import ReceivedPayment
from booking_domain.shared.money import Money

MARGIN = timedelta(hours=2)


class DifferenceKind(StrEnum):
    MISSING_HERE = "missing_here"
    MISSING_THERE = "missing_there"
    AMOUNT_DIFFERS = "amount_differs"


@dataclass(frozen=True, slots=True)
class Difference:
    kind: DifferenceKind
    payment_id: str
    ours: Money | None
    theirs: Money | None


@dataclass(frozen=True, slots=True)
class Reconciliation:
    gateway: str
    day: date
    checked_at: datetime
    recorded: int  # our payments of the day
    reported: int  # the gateway's paid payments of the day
    differences: tuple[Difference, ...]

    @property
    def agrees(self) -> bool:
        return not self.differences


def day_window(day: date, *, margin: timedelta = timedelta(0)) -> tuple[datetime, datetime]:
    """``[start, end)`` of the UTC day, widened by ``margin`` on both sides."""
    start = datetime.combine(day, time(0), UTC)
    return start - margin, start + timedelta(days=1) + margin


def reconcile(
    gateway: str,
    day: date,
    ours: Sequence[ReceivedPayment],
    theirs: Sequence[ProviderPayment],
    now: datetime,
) -> Reconciliation:
    """``ours``: our payments of the gateway recorded within ``MARGIN`` of the day, and any
    recorded later under an id ``theirs`` names; ``theirs``: the gateway's payments paid
    within ``MARGIN`` of it (every state: only the paid count). Each side's payments of the
    day itself must be found on the other."""
    start, end = day_window(day)
    ours_by_id = {p.payment_id: p for p in ours}
    paid = [p for p in theirs if p.state.value == "PAID"]
    theirs_by_id = {p.payment_id: p for p in paid}

    def within(moment: datetime | None) -> bool:
        return moment is not None and start <= moment < end

    our_day = [p for p in ours if within(p.received_at)]
    their_day = [p for p in paid if within(p.paid_at)]
    found: list[Difference] = []
    for theirs_one in their_day:
        if theirs_one.payment_id not in ours_by_id:
            found.append(
                Difference(
                    DifferenceKind.MISSING_HERE, theirs_one.payment_id, None, theirs_one.amount
                )
            )
    for ours_one in our_day:
        match = theirs_by_id.get(ours_one.payment_id)
        if match is None:
            found.append(
                Difference(DifferenceKind.MISSING_THERE, ours_one.payment_id, ours_one.amount, None)
            )
        elif match.amount != ours_one.amount:
            found.append(
                Difference(
                    DifferenceKind.AMOUNT_DIFFERS,
                    ours_one.payment_id,
                    ours_one.amount,
                    match.amount,
                )
            )
    ordered = tuple(sorted(found, key=lambda d: (d.kind.value, d.payment_id)))
    return Reconciliation(gateway, day, now, len(our_day), len(their_day), ordered)


def days_due(agreed: set[date], today: date, *, back: int = 3) -> list[date]:
    """The days to reconcile on a run ``today``: each of the last ``back`` days that is over
    and not yet found to agree, oldest first (a day that differed is looked at again: a late
    callback may have mended it)."""
    days = [today - timedelta(days=n) for n in range(back, 0, -1)]
    return [d for d in days if d not in agreed]
