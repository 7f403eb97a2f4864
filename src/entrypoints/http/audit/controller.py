"""``GET /api/v1/admin/audit``: the audit trail (admins), newest first by keyset: pass a
page's ``next`` as ``before`` for the page after it."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from uuid import UUID

from litestar import get
from litestar.di import NamedDependency
from litestar.params import QueryParameter

from booking_domain.audit.use_cases import AuditUseCases
from booking_domain.shared import (
    InvalidInputError,
    NaiveDatetimeError,
    PermissionDeniedError,
    TimeOutOfRangeError,
)
from booking_domain.shared.audit import MAX_AUDIT_PAGE, MAX_REQUEST_ID, AuditFilter
from booking_domain.shared.ids import UserId
from entrypoints.http.audit.dto import AuditEntryView, AuditPageView
from entrypoints.http.caller import Caller
from entrypoints.http.controllers import AdminOnly
from entrypoints.http.problem_docs import raises_exactly

AuditDep = NamedDependency[AuditUseCases]

# Listing (ListAudit, AuditFilter): not an admin (the guard's twin), a limit out of bounds,
# ``from`` and ``to`` refused by the kernel or ``to`` not after ``from``.
LIST_RAISES = raises_exactly(
    PermissionDeniedError, InvalidInputError, NaiveDatetimeError, TimeOutOfRangeError
)


class AuditController(AdminOnly, context="audit"):
    path = "/admin/audit"
    tags = ["admin"]

    @get(
        summary="The audit trail, newest first: actor, action, target, dates, request (admins)",
        opt=LIST_RAISES,
    )
    async def list_audit(
        self,
        actor: Caller,
        audit: AuditDep,
        actor_id: Annotated[UUID | None, QueryParameter(name="actorId")] = None,
        action: Annotated[
            str | None,
            QueryParameter(
                pattern=r"^[a-z_]{1,32}\.([a-z_]{1,32})?$",
                description="An action (booking.cancelled) or a kind with its dot (booking.)",
            ),
        ] = None,
        target: Annotated[
            str | None, QueryParameter(pattern=r"^[a-z_]{1,32}/[A-Za-z0-9-]{1,64}$")
        ] = None,
        request_id: Annotated[
            str | None,
            QueryParameter(name="requestId", pattern=rf"^[A-Za-z0-9._:-]{{1,{MAX_REQUEST_ID}}}$"),
        ] = None,
        at_from: Annotated[datetime | None, QueryParameter(name="from")] = None,
        at_before: Annotated[datetime | None, QueryParameter(name="to")] = None,
        before: Annotated[UUID | None, QueryParameter()] = None,
        limit: Annotated[int, QueryParameter(ge=1, le=MAX_AUDIT_PAGE)] = 50,
    ) -> AuditPageView:
        where = AuditFilter(
            actor_id=None if actor_id is None else UserId(actor_id),
            action=action,
            target=target,
            request_id=request_id,
            at_from=at_from,
            at_before=at_before,
        )
        found = await audit.list_audit(actor, where, before=before, limit=limit)
        return AuditPageView([AuditEntryView.of(e) for e in found.items], found.next_before)
