"""``ListAudit``: admins read the audit trail (``shared/audit.py``), newest first, a page at a
time by keyset (the trail only grows: no offsets, no totals)."""

from __future__ import annotations

from uuid import UUID

from booking_domain.audit.use_cases.deps import AuditDeps
from booking_domain.shared.audit import MAX_AUDIT_PAGE, AuditFilter, AuditPage
from booking_domain.shared.errors import FieldError, InvalidInputError, PermissionDeniedError
from booking_domain.shared.identity import Actor
from booking_domain.shared.use_case import UseCase


class ListAudit(UseCase[AuditDeps]):
    async def __call__(
        self, actor: Actor, where: AuditFilter, *, before: UUID | None, limit: int
    ) -> AuditPage:
        if not actor.is_admin:
            raise PermissionDeniedError("Only admins read the audit trail.")
        if not 1 <= limit <= MAX_AUDIT_PAGE:
            raise InvalidInputError(errors=(FieldError("limit", f"1 .. {MAX_AUDIT_PAGE}."),))
        async with self._deps.uow(read_only=True) as uow:
            return await uow.audit.list(where, before=before, limit=limit)
