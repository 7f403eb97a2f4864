"""Writing payment events to the audit trail from the use cases (the entries are made by
``published.py``)."""

from __future__ import annotations

from datetime import datetime

from booking_domain.payments.invoices import DepositInvoice
from booking_domain.payments.published import deposit_audit_entry
from booking_domain.shared.audit import HasAudit
from booking_domain.shared.identity import Actor


async def record_deposit_change(
    uow: HasAudit,
    before: DepositInvoice | None,
    after: DepositInvoice,
    now: datetime,
    *,
    actor: Actor | None = None,
) -> None:
    """Audit an invoice made (``before`` None) or changed, when the change is one the trail
    keeps (a status, the provider's cancel)."""
    entry = deposit_audit_entry(before, after, now, actor=actor)
    if entry is not None:
        await uow.audit.record(entry)
