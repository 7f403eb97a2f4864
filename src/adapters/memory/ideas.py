"""In-memory booking ideas."""

from __future__ import annotations

from adapters.memory.store import TableRepository
from booking_domain.bookings.ideas import Idea, IdeaId
from booking_domain.bookings.ports import IdeaRepository
from booking_domain.shared.ids import BookingId


class InMemoryIdeaRepository(TableRepository[IdeaId, Idea], IdeaRepository):
    async def add(self, idea: Idea) -> None:
        self._rows.put(idea.id, idea)

    async def get(self, idea_id: IdeaId) -> Idea | None:
        return self._rows.get(idea_id)

    async def update(self, idea: Idea) -> None:
        self._rows.put(idea.id, idea)

    async def remove(self, idea_id: IdeaId) -> None:
        self._rows.delete(idea_id)

    async def for_booking(self, booking_id: BookingId) -> tuple[Idea, ...]:
        return tuple(
            sorted(
                (i for i in self._rows.values() if i.booking_id == booking_id), key=lambda i: i.id
            )
        )
