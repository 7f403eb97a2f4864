"""Writing an invoice's changes where they must be kept: the audit trail (the entries are
made by ``published.py``), and the loyalty points it holds (``loyalty.holding``)."""

from __future__ import annotations

from datetime import datetime

from booking_domain.loyalty import release_points, spend_points
from booking_domain.payments.invoices import DepositInvoice, InvoiceStatus
from booking_domain.payments.ports import PaymentsUnitOfWork
from booking_domain.payments.published import deposit_audit_entry
from booking_domain.shared.identity import Actor

_LAPSED = frozenset({InvoiceStatus.FAILED, InvoiceStatus.CANCELLED})


async def record_deposit_change(
    uow: PaymentsUnitOfWork,
    before: DepositInvoice | None,
    after: DepositInvoice,
    now: datetime,
    *,
    actor: Actor | None = None,
) -> None:
    """Audit an invoice made (``before`` None) or changed, when the change is one the trail
    keeps (a status, the provider's cancel). Every change of an invoice passes here, so the
    points it holds follow its status here too: paid, they are spent; failed or cancelled
    unpaid, they come back to the customer (each once). An invoice without points touches
    no loyalty storage."""
    entry = deposit_audit_entry(before, after, now, actor=actor)
    if entry is not None:
        await uow.audit.record(entry)
    moved = before is not None and before.status is not after.status
    if not (after.points and moved):
        return
    if after.status is InvoiceStatus.PAID:
        await spend_points(uow, after.id, now)
    elif after.status in _LAPSED:
        await release_points(uow, after.id, now)
