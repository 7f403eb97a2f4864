"""In-memory client records of artists."""

from __future__ import annotations

from adapters.memory.store import TableRepository
from booking_domain.bookings.clients import Client, ClientId
from booking_domain.bookings.ports import ClientRepository


class InMemoryClientRepository(TableRepository[ClientId, Client], ClientRepository):
    async def add(self, client: Client) -> Client:
        same = (
            c
            for c in self._rows.values()
            if c.artist_id == client.artist_id and c.phone == client.phone
        )
        earlier = next(same, None)
        if earlier is not None:
            return earlier
        self._rows.put(client.id, client)
        return client

    async def get(self, client_id: ClientId) -> Client | None:
        return self._rows.get(client_id)
