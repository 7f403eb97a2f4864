"""The audit trail in memory: entries kept by id, never changed (writing refuses an id it
holds, as PostgreSQL's primary key does). Recorded entries are held, as PostgreSQL's are,
until the write of the change they describe carries them (``write_with``: a booking's) or
the unit of work commits (``write_held``)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from uuid import UUID

from adapters.memory.store import StagedTable, TableRepository
from booking_domain.shared.audit import AuditEntry, AuditFilter, AuditPage, AuditTrail
from booking_domain.shared.errors import ConflictError


class InMemoryAuditTrail(TableRepository[UUID, AuditEntry], AuditTrail):
    def __init__(self, table: StagedTable[UUID, AuditEntry]) -> None:
        super().__init__(table)
        self._held: list[AuditEntry] = []

    async def record(self, entry: AuditEntry) -> None:
        self._held.append(entry)

    def write_with(self, target: str, action: str, at: datetime) -> None:
        """The change ``action`` of ``target`` at ``at`` is being written: write its held
        entry (and the entries held before it, first)."""
        for place, entry in enumerate(self._held):
            if (entry.target, entry.action, entry.at) == (target, action, at):
                earlier, self._held = self._held[: place + 1], self._held[place + 1 :]
                self._write(earlier)
                return

    def write_held(self) -> None:
        held, self._held = self._held, []
        self._write(held)

    def drop_held(self) -> None:
        self._held = []

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
