"""The audit trail in memory: entries kept by id, never changed (writing refuses an id it
holds, as PostgreSQL's primary key does). Recorded entries are held, as PostgreSQL's are,
until the write of the change they describe carries them (``write_with``: a booking's) or
the unit of work commits (``write_held``)."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

from adapters.memory.held import HeldRecords
from adapters.memory.store import StagedTable, TableRepository
from booking_domain.shared.audit import AuditEntry, AuditFilter, AuditPage, AuditTrail
from booking_domain.shared.errors import ConflictError


class InMemoryAuditTrail(TableRepository[UUID, AuditEntry], AuditTrail):
    def __init__(self, table: StagedTable[UUID, AuditEntry]) -> None:
        super().__init__(table)
        self._held = HeldRecords(self._write)

    async def record(self, entry: AuditEntry) -> None:
        self._held.hold(entry)

    def carried(self, target: str) -> AuditEntry | None:
        """The held entry of ``target``'s change, for the write of that change
        (``HeldRecords.carried``)."""
        return self._held.carried(lambda e: e.target == target)

    def write(self, entries: Sequence[AuditEntry]) -> None:
        """Write entries now (a change's own, which its write carries)."""
        self._write(entries)

    def write_held(self) -> None:
        self._held.write_all()

    def drop_held(self) -> None:
        self._held.drop()

    def _write(self, entries: Sequence[AuditEntry]) -> None:
        for entry in entries:
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
