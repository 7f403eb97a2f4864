"""In-memory disputes and their evidence."""

from __future__ import annotations

from adapters.memory.store import StagedTable, TableRepository
from booking_domain.disputes import (
    Dispute,
    DisputeAlreadyExistsError,
    DisputeFilter,
    DisputeMessage,
    MessageId,
)
from booking_domain.disputes.ports import (
    ChargebackCursor,
    ChargebackPosition,
    DisputeMessageRepository,
    DisputeRepository,
)
from booking_domain.shared.errors import ConflictError
from booking_domain.shared.ids import BookingId, DisputeId
from booking_domain.shared.pages import Page, PageRequest


def _matches(dispute: Dispute, where: DisputeFilter) -> bool:
    return (
        (where.status is None or dispute.status is where.status)
        and (where.opened_from is None or dispute.opened_at >= where.opened_from)
        and (where.opened_before is None or dispute.opened_at < where.opened_before)
    )


class InMemoryDisputeRepository(TableRepository[DisputeId, Dispute], DisputeRepository):
    async def add(self, dispute: Dispute) -> None:
        if await self.for_booking(dispute.booking_id) is not None:
            raise DisputeAlreadyExistsError()
        self._rows.put(dispute.id, dispute)

    async def get(self, dispute_id: DisputeId, *, for_update: bool = False) -> Dispute | None:
        return self._rows.get(dispute_id)

    async def for_booking(self, booking_id: BookingId) -> Dispute | None:
        return next((d for d in self._rows.values() if d.booking_id == booking_id), None)

    async def update(self, dispute: Dispute) -> None:
        self._rows.put(dispute.id, dispute)

    async def list(self, where: DisputeFilter, page: PageRequest) -> Page[Dispute]:
        found = [d for d in self._rows.values() if _matches(d, where)]
        found.sort(key=lambda d: (d.opened_at, d.id), reverse=True)
        chosen = found[page.offset : page.offset + page.page_size]
        return Page.counted(tuple(chosen), len(found), page)


class InMemoryDisputeMessageRepository(
    TableRepository[MessageId, DisputeMessage], DisputeMessageRepository
):
    async def add(self, message: DisputeMessage) -> None:
        self._rows.put(message.id, message)

    async def of_dispute(self, dispute_id: DisputeId) -> tuple[DisputeMessage, ...]:
        found = [m for m in self._rows.values() if m.dispute_id == dispute_id]
        return tuple(sorted(found, key=lambda m: (m.created_at, m.id)))


class InMemoryChargebackCursor(ChargebackCursor):
    def __init__(self, table: StagedTable[str, str]) -> None:
        self._table = table

    async def claim(self) -> ChargebackPosition | None:
        return ChargebackPosition(self._table.get("chargebacks"))

    async def advance(self, cursor: str) -> None:
        current = self._table.get("chargebacks")
        if current is not None and cursor < current:
            raise ConflictError("The chargebacks' position would move backwards.")
        self._table.put("chargebacks", cursor)
