"""PostgreSQL client records of artists: one per phone number of an artist, kept by the
unique constraint ``uq_clients_artist_id_phone``, so concurrent adds store one row."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.dialects.postgresql import insert

from adapters.postgres.database import OnConnection
from adapters.postgres.sql import Statement
from adapters.postgres.tables.bookings import clients
from booking_domain.bookings.clients import Client, ClientId
from booking_domain.bookings.ports import ClientRepository
from booking_domain.scheduling import ArtistNotBookableError
from booking_domain.shared.ids import ArtistId

_C = clients.c
_WRITTEN = ("id", "artist_id", "name", "phone", "email", "created_at", "updated_at")
# A new row, or nothing when the artist has the number (waiting for a concurrent insert of
# the same number to end, then nothing); the earlier row is read next.
_ADD = Statement(
    lambda: (
        insert(clients)
        .values({name: bindparam(name) for name in _WRITTEN})
        .on_conflict_do_nothing(index_elements=[_C.artist_id, _C.phone])
        .returning(*clients.c)
    )
)
_BY_PHONE = Statement(
    lambda: select(clients).where(
        _C.artist_id == bindparam("artist_id"), _C.phone == bindparam("phone")
    )
)
_BY_ID = Statement(lambda: select(clients).where(_C.id == bindparam("id")))


class PostgresClientRepository(OnConnection, ClientRepository):
    async def add(self, client: Client) -> Client:
        params = {
            "id": client.id, "artist_id": client.artist_id, "name": client.name,
            "phone": client.phone, "email": client.email,
            "created_at": client.created_at, "updated_at": client.created_at,
        }  # fmt: skip
        row = await (await self._conn.execute(_ADD.text, params)).fetchone()
        if row is None:
            key = {"artist_id": client.artist_id, "phone": client.phone}
            row = await (await self._conn.execute(_BY_PHONE.text, key)).fetchone()
        if row is None:  # the earlier row went with its artist meanwhile
            raise ArtistNotBookableError()
        return _client(row)

    async def get(self, client_id: ClientId) -> Client | None:
        row = await (await self._conn.execute(_BY_ID.text, {"id": client_id})).fetchone()
        return None if row is None else _client(row)


def _client(row: Mapping[str, Any]) -> Client:
    return Client(
        id=ClientId(row["id"]),
        artist_id=ArtistId(row["artist_id"]),
        name=row["name"],
        phone=row["phone"],
        email=row["email"],
        created_at=row["created_at"],
    )
