"""In-memory customer lookups per artist account (``bookings.lookups``): the account's
current window and its count."""

from __future__ import annotations

from datetime import datetime

from adapters.memory.store import StagedTable
from booking_domain.bookings.ports import CustomerLookupRepository
from booking_domain.shared import UserId


class InMemoryCustomerLookupRepository(CustomerLookupRepository):
    def __init__(self, table: StagedTable[UserId, tuple[datetime, int]]) -> None:
        self._table = table

    async def count(self, user_id: UserId, window: datetime) -> int:
        stored = self._table.get(user_id)
        if stored is None or window > stored[0]:
            counted = (window, 1)
        else:  # an earlier window counts in the stored one, as PostgreSQL's upsert does
            counted = (stored[0], stored[1] + 1)
        self._table.put(user_id, counted)
        return counted[1]
