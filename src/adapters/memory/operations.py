"""What operators watch, counted over the in-memory store (no job queue and no pool here:
in-memory jobs run in the test that schedules them)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from adapters.memory.store import InMemoryStore
from booking_domain.shared.ports import OperationsFigures, OperationsReadout, PoolFigures


def _by(rows: Any, attribute: str) -> dict[str, int]:
    return dict(Counter(str(getattr(getattr(r, attribute), "value", "")) for r in rows))


class InMemoryOperationsReadout(OperationsReadout):
    def __init__(self, store: InMemoryStore) -> None:
        self._store = store

    async def figures(self) -> OperationsFigures:
        table = self._store.table
        return OperationsFigures(
            bookings=_by(table("bookings").values(), "status"),
            payments=_by(table("received_payments").values(), "outcome"),
            refunds=_by(table("refunds").values(), "status"),
            jobs={},
        )

    def pool(self) -> PoolFigures | None:
        return None
