"""The audit trail in memory: entries kept by id, never changed (``record`` refuses an id it
holds, as PostgreSQL's primary key does)."""

from __future__ import annotations

from uuid import UUID

from adapters.memory.store import TableRepository
from booking_domain.shared.audit import AuditEntry, AuditFilter, AuditPage, AuditTrail
from booking_domain.shared.errors import ConflictError


class InMemoryAuditTrail(TableRepository[UUID, AuditEntry], AuditTrail):
    async def record(self, entry: AuditEntry) -> None:
        if self._rows.get(entry.id) is not None:
            raise ConflictError("This audit entry is already recorded.")
        self._rows.put(entry.id, entry)

    async def list(self, where: AuditFilter, *, before: UUID | None, limit: int) -> AuditPage:
        found = sorted(
            (
                e
                for e in self._rows.values()
                if where.matches(e) and (before is None or e.id < before)
            ),
            key=lambda e: e.id,
            reverse=True,
        )
        page = tuple(found[:limit])
        return AuditPage(page, page[-1].id if len(found) > limit else None)
