"""PostgreSQL booking ideas."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import bindparam, delete, insert, select, update

from adapters.postgres.database import OnConnection
from adapters.postgres.media import variants_json, variants_of
from adapters.postgres.sql import Statement
from adapters.postgres.tables.bookings import booking_ideas
from booking_domain.bookings.ideas import Idea, IdeaId
from booking_domain.bookings.ports import IdeaRepository
from booking_domain.shared.ids import BookingId, UserId

_I = booking_ideas
_INSERT = Statement(lambda: insert(_I).values({c.name: bindparam(c.name) for c in _I.c}))
_BY_ID = Statement(lambda: select(_I).where(_I.c.id == bindparam("id")))
_UPDATE = Statement(
    lambda: (
        update(_I)
        .where(_I.c.id == bindparam("id"))
        .values(description=bindparam("description"), updated_at=bindparam("updated_at"))
    )
)
_REMOVE = Statement(lambda: delete(_I).where(_I.c.id == bindparam("id")))
_FOR_BOOKING = Statement(
    lambda: select(_I).where(_I.c.booking_id == bindparam("booking_id")).order_by(_I.c.id)
)


class PostgresIdeaRepository(OnConnection, IdeaRepository):
    async def add(self, idea: Idea) -> None:
        await self._conn.execute(_INSERT.text, _params(idea))

    async def get(self, idea_id: IdeaId) -> Idea | None:
        row = await (await self._conn.execute(_BY_ID.text, {"id": idea_id})).fetchone()
        return None if row is None else _idea(row)

    async def update(self, idea: Idea) -> None:
        await self._conn.execute(_UPDATE.text, _params(idea))

    async def remove(self, idea_id: IdeaId) -> None:
        await self._conn.execute(_REMOVE.text, {"id": idea_id})

    async def for_booking(self, booking_id: BookingId) -> tuple[Idea, ...]:
        cursor = await self._conn.execute(_FOR_BOOKING.text, {"booking_id": booking_id})
        return tuple(_idea(row) for row in await cursor.fetchall())


def _params(idea: Idea) -> dict[str, Any]:
    return {
        "id": idea.id,
        "booking_id": idea.booking_id,
        "author_id": idea.author_id,
        "description": idea.description,
        "upload_id": idea.upload_id,
        "images": variants_json(idea.images),
        "created_at": idea.created_at,
        "updated_at": idea.updated_at,
    }


def _idea(row: Mapping[str, Any]) -> Idea:
    return Idea(
        id=IdeaId(row["id"]),
        booking_id=row["booking_id"],
        author_id=UserId(row["author_id"]),
        description=row["description"],
        upload_id=row["upload_id"],
        images=variants_of(row["images"]),
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )
