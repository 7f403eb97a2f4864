"""In-memory texts charged to accounts a day (``notifications.text_allowance``)."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import date

from adapters.memory.store import TableRepository
from booking_domain.notifications.ports import TextAllowanceRepository
from booking_domain.shared.ids import UserId

# A row: (account, day, texts charged), keyed by (account, day).
Row = tuple[UserId, date, int]


class InMemoryTextAllowance(TableRepository[tuple[UserId, date], Row], TextAllowanceRepository):
    async def used(self, accounts: Collection[UserId], day: date) -> Mapping[UserId, int]:
        found = {a: self._rows.get((a, day)) for a in accounts}
        return {a: row[2] for a, row in found.items() if row is not None}

    async def charge(self, day: date, charged: Mapping[UserId, int]) -> None:
        for account, texts in charged.items():
            row = self._rows.get((account, day))
            self._rows.put((account, day), (account, day, (row[2] if row else 0) + texts))

    async def purge(self, before: date) -> int:
        old = [(a, d) for a, d, _ in self._rows.values() if d < before]
        for key in old:
            self._rows.delete(key)
        return len(old)
