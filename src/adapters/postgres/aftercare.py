"""PostgreSQL artists' aftercare settings: one row per artist who chose any (the defaults
otherwise), read by the artist's key (its primary key)."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import timedelta
from typing import Any

from sqlalchemy import any_, bindparam, delete, select
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.dialects.postgresql import insert as pg_insert

from adapters.postgres.database import OnConnection
from adapters.postgres.sql import Statement
from adapters.postgres.tables.catalog import artist_aftercare
from booking_domain.catalog import AftercareSettings
from booking_domain.catalog.ports import AftercareRepository
from booking_domain.shared.ids import ArtistId

_A = artist_aftercare.c
_GET = Statement(lambda: select(artist_aftercare).where(_A.artist_id == bindparam("id")))
_OF_ARTISTS = Statement(
    lambda: select(artist_aftercare).where(
        _A.artist_id == any_(bindparam("ids", type_=ARRAY(_A.artist_id.type)))
    )
)
_REMOVE = Statement(lambda: delete(artist_aftercare).where(_A.artist_id == bindparam("id")))
_FIELDS = ("text", "aftercare_delay_minutes", "review_delay_minutes", "touch_up_days")


def _build_put() -> Any:
    values = {name: bindparam(name, type_=_A[name].type) for name in _FIELDS}
    statement = pg_insert(artist_aftercare).values(
        artist_id=bindparam("artist_id"),
        created_at=bindparam("now", type_=_A.created_at.type),
        updated_at=bindparam("now", type_=_A.updated_at.type),
        **values,
    )
    new = statement.excluded
    changed = {name: new[name] for name in (*_FIELDS, "updated_at")}
    return statement.on_conflict_do_update(index_elements=[_A.artist_id], set_=changed)


_PUT = Statement(_build_put)


def _settings(row: Mapping[str, Any]) -> AftercareSettings:
    return AftercareSettings(
        artist_id=ArtistId(row["artist_id"]),
        text=row["text"],
        aftercare_delay=timedelta(minutes=row["aftercare_delay_minutes"]),
        review_delay=timedelta(minutes=row["review_delay_minutes"]),
        touch_up_days=row["touch_up_days"],
        updated_at=row["updated_at"],
    )


class PostgresAftercareRepository(OnConnection, AftercareRepository):
    async def get(self, artist_id: ArtistId) -> AftercareSettings:
        row = await (await self._conn.execute(_GET.text, {"id": artist_id})).fetchone()
        return AftercareSettings(artist_id) if row is None else _settings(row)

    async def of_artists(
        self, artist_ids: Collection[ArtistId]
    ) -> Mapping[ArtistId, AftercareSettings]:
        if not artist_ids:
            return {}
        cursor = await self._conn.execute(_OF_ARTISTS.text, {"ids": list(artist_ids)})
        found = [_settings(r) for r in await cursor.fetchall()]
        return {s.artist_id: s for s in found}

    async def put(self, settings: AftercareSettings) -> None:
        await self._conn.execute(
            _PUT.text,
            {"artist_id": settings.artist_id, "text": settings.text,
             "aftercare_delay_minutes": settings.aftercare_minutes,
             "review_delay_minutes": settings.review_minutes,
             "touch_up_days": settings.touch_up_days, "now": settings.updated_at},
        )  # fmt: skip

    async def remove(self, artist_id: ArtistId) -> None:
        await self._conn.execute(_REMOVE.text, {"id": artist_id})
