"""The daily reconciliation of each gateway's report (``reconciliation.py`` has the rules).

- ``ReconcilePayments``: each gateway's days due (the last three, until found to agree)
  reconciled: its report asked for (outside any transaction), our payments read, the finding
  kept; a day that differs is logged and audited (``payment.reconciliation_differs``) for
  admins. A gateway that cannot be asked now is skipped and asked on the next run.
- ``ListReconciliations``: the findings, newest day first (admins).
"""

from __future__ import annotations

import logging
from datetime import timedelta

from booking_domain.payments.errors import (
    PaymentProviderError,
    PaymentProviderUnavailableError,
)
from booking_domain.payments.gateway import GatewayReport
from booking_domain.payments.reconciliation import (
    MARGIN,
    Reconciliation,
    day_window,
    days_due,
    reconcile,
)
from booking_domain.payments.use_cases.deps import PaymentsDeps
from booking_domain.shared.audit import AuditEntry, audit_entry
from booking_domain.shared.errors import PermissionDeniedError
from booking_domain.shared.identity import Actor
from booking_domain.shared.outbox import JsonValue, money_data
from booking_domain.shared.pages import Page, PageRequest
from booking_domain.shared.use_case import UseCase

_log = logging.getLogger("inkslot.payments")
DAYS_BACK = 3


class ReconcilePayments(UseCase[PaymentsDeps]):
    async def __call__(self) -> int:
        """How many gateway days were reconciled now."""
        done = 0
        for report in self._deps.gateway_reports:
            try:
                done += await self._gateway(report)
            except (PaymentProviderUnavailableError, PaymentProviderError):
                _log.warning("reconciliation: %s cannot be asked now", report.name)
        return done

    async def _gateway(self, report: GatewayReport) -> int:
        today = self._deps.clock.now().date()
        async with self._deps.uow(read_only=True) as uow:
            since = today - timedelta(days=DAYS_BACK)
            agreed = await uow.reconciliations.agreed_days(report.name, since)
        done = 0
        for day in days_due(agreed, today, back=DAYS_BACK):
            start, end = day_window(day, margin=MARGIN)
            theirs = await report.payments_between(start, end)
            async with self._deps.uow() as uow:
                ours = list(await uow.received_payments.received_between(report.name, start, end))
                # A payment recorded late (its word lost, then a check found it) is still ours.
                known = {p.payment_id for p in ours}
                for theirs_one in theirs:
                    if theirs_one.payment_id not in known:
                        late = await uow.received_payments.get(theirs_one.payment_id)
                        if late is not None and late.gateway == report.name:
                            ours.append(late)
                now = self._deps.clock.now()
                found = reconcile(report.name, day, ours, theirs, now)
                await uow.reconciliations.save(found)
                if not found.agrees:
                    await uow.audit.record(_differs(found))
                await uow.commit()
            if not found.agrees:
                _log.warning(
                    "reconciliation: %s on %s differs in %d payments",
                    report.name,
                    day,
                    len(found.differences),
                )
            done += 1
        return done


def _differs(found: Reconciliation) -> AuditEntry:
    differences: list[JsonValue] = [
        {
            "kind": d.kind.value,
            "paymentId": d.payment_id,
            "ours": None if d.ours is None else money_data(d.ours),
            "theirs": None if d.theirs is None else money_data(d.theirs),
        }
        for d in found.differences
    ]
    target = f"reconciliation/{found.gateway}-{found.day.isoformat()}"
    after: dict[str, JsonValue] = {
        "recorded": found.recorded,
        "reported": found.reported,
        "differences": differences,
    }
    return audit_entry("payment.reconciliation_differs", target, found.checked_at, after=after)


class ListReconciliations(UseCase[PaymentsDeps]):
    async def __call__(
        self, actor: Actor, page: PageRequest, *, differing: bool = False
    ) -> Page[Reconciliation]:
        if not actor.is_admin:
            raise PermissionDeniedError()
        async with self._deps.uow(read_only=True) as uow:
            return await uow.reconciliations.list(page, differing=differing)
