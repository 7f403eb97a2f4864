"""In-memory tattoo requests and their threads."""

from __future__ import annotations

from adapters.memory.store import TableRepository
from booking_domain.commissions import (
    RequestId,
    RequestMessage,
    RequestMessageId,
    RequestMessageRepository,
    RequestRepository,
    RequestStatus,
    TattooRequest,
    Turn,
)
from booking_domain.shared.ids import UserId
from booking_domain.shared.pages import Page, PageRequest

_ACTIVE = frozenset({RequestStatus.OPEN, RequestStatus.ACCEPTED})


def _queue_key(r: TattooRequest) -> tuple[int, float, int]:
    """The artist's turn first, longest waiting first; then the most recently answered."""
    if r.turn is Turn.ARTIST:
        return (0, r.turn_since.timestamp(), r.id.int)
    return (1, -r.turn_since.timestamp(), r.id.int)


class InMemoryRequestRepository(TableRepository[RequestId, TattooRequest], RequestRepository):
    async def add(self, request: TattooRequest) -> None:
        self._rows.put(request.id, request)

    async def get(self, request_id: RequestId, *, for_update: bool = False) -> TattooRequest | None:
        return self._rows.get(request_id)

    async def update(self, request: TattooRequest) -> None:
        self._rows.put(request.id, request)

    async def of_customer(self, customer_id: UserId, page: PageRequest) -> Page[TattooRequest]:
        found = [r for r in self._rows.values() if r.customer_id == customer_id]
        found.sort(key=lambda r: (r.created_at, r.id), reverse=True)
        return Page.of_whole(tuple(found), page)

    async def queue(self, artist_user_id: UserId, page: PageRequest) -> Page[TattooRequest]:
        found = [
            r
            for r in self._rows.values()
            if r.artist_user_id == artist_user_id and r.status in _ACTIVE
        ]
        found.sort(key=_queue_key)
        return Page.of_whole(tuple(found), page)

    async def of_artist(self, artist_user_id: UserId, page: PageRequest) -> Page[TattooRequest]:
        found = [r for r in self._rows.values() if r.artist_user_id == artist_user_id]
        found.sort(key=lambda r: (r.created_at, r.id), reverse=True)
        return Page.of_whole(tuple(found), page)

    async def forget(self, request: TattooRequest) -> None:
        self._rows.put(request.id, request)


class InMemoryRequestMessageRepository(
    TableRepository[RequestMessageId, RequestMessage], RequestMessageRepository
):
    async def add(self, message: RequestMessage) -> None:
        self._rows.put(message.id, message)

    async def forget(self, message: RequestMessage) -> None:
        self._rows.put(message.id, message)

    async def of_request(self, request_id: RequestId, page: PageRequest) -> Page[RequestMessage]:
        found = [m for m in self._rows.values() if m.request_id == request_id]
        found.sort(key=lambda m: (m.created_at, m.id))
        return Page.of_whole(tuple(found), page)
