"""The daily reconciliations of each gateway's report (docs/payments.md, "Reconciliation"):
``GET /admin/reconciliations`` (admins), newest day first, ``?differing=true`` for the days
that differ."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from litestar import get
from litestar.di import NamedDependency
from litestar.params import QueryParameter

from booking_domain.payments.reconciliation import Difference, Reconciliation
from booking_domain.payments.use_cases import PaymentUseCases
from booking_domain.shared import PageRequest, PermissionDeniedError
from entrypoints.http.caller import Caller
from entrypoints.http.controllers import AdminOnly
from entrypoints.http.problem_docs import raises_exactly
from entrypoints.http.wire import PageNumber, PageSize, View, utc

PaymentsDep = NamedDependency[PaymentUseCases]
LIST_RAISES = raises_exactly(PermissionDeniedError)


class DifferenceView(View, frozen=True):
    """``kind``: ``missing_here`` (the gateway took money we never recorded),
    ``missing_there`` (we recorded a payment the gateway does not report) or
    ``amount_differs``; amounts in minor units, null on the side that lacks it."""

    kind: str
    payment_id: str
    our_amount: int | None
    their_amount: int | None
    currency: str

    @classmethod
    def of(cls, d: Difference) -> DifferenceView:
        either = d.ours or d.theirs
        currency = "" if either is None else either.currency
        return cls(
            d.kind.value,
            d.payment_id,
            None if d.ours is None else d.ours.amount,
            None if d.theirs is None else d.theirs.amount,
            currency,
        )


class ReconciliationView(View, frozen=True):
    gateway: str
    day: date
    agrees: bool
    recorded: int  # our payments of the day
    reported: int  # the gateway's paid payments of the day
    differences: list[DifferenceView]
    checked_at: datetime

    @classmethod
    def of(cls, r: Reconciliation) -> ReconciliationView:
        return cls(
            r.gateway, r.day, r.agrees, r.recorded, r.reported,
            [DifferenceView.of(d) for d in r.differences], utc(r.checked_at),
        )  # fmt: skip


class ReconciliationPage(View, frozen=True):
    items: list[ReconciliationView]
    total: int
    page: int
    page_size: int


class ReconciliationsController(AdminOnly, context="payments"):
    path = "/admin/reconciliations"
    tags = ["admin", "payments"]

    @get(summary="The gateways' daily reports against our payments (admins)", opt=LIST_RAISES)
    async def reconciliations(
        self,
        actor: Caller,
        payments: PaymentsDep,
        page: PageNumber = 1,
        page_size: PageSize = 20,
        differing: Annotated[bool, QueryParameter(description="Only the days that differ")] = False,
    ) -> ReconciliationPage:
        found = await payments.list_reconciliations(
            actor, PageRequest(page, page_size), differing=differing
        )
        views = [ReconciliationView.of(r) for r in found.items]
        return ReconciliationPage(views, found.total, page, page_size)
