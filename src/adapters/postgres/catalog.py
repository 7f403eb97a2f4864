"""PostgreSQL artists, studios and services."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from sqlalchemy import Table, Text, Update, Uuid, bindparam, func, insert, select, update
from sqlalchemy.dialects.postgresql import ARRAY

from adapters.postgres.catalog_rows import (
    artist_of,
    artist_row,
    service_of,
    service_row,
    studio_of,
    studio_row,
)
from adapters.postgres.database import OnConnection
from adapters.postgres.sql import (
    Statement,
    capped_count,
    compile_sql,
    constant,
    count_of,
    like_anywhere,
    page_by_keys,
)
from adapters.postgres.tables.accounts import users
from adapters.postgres.tables.catalog import artists, services, studios
from booking_domain.catalog import ArtistProfile, ArtistStatus, Service, Studio
from booking_domain.catalog.ports import (
    ArtistDesk,
    ArtistFilter,
    ArtistRepository,
    ServiceRepository,
    StudioRepository,
)
from booking_domain.shared import ArtistId, Page, PageRequest, ServiceId, StudioId, UserId


def _update_all(table: Table, *, keep: tuple[str, ...] = ("id", "created_at")) -> Update:
    return (
        update(table)
        .where(table.c.id == bindparam("id"))
        .values({c.name: bindparam(c.name) for c in table.c if c.name not in keep})
    )


# catalog_version and the search row belong to the database's triggers (migrations 0003,
# 0017), the rating to the reviews context (migration 0016): never written here.
_NOT_OURS = (
    "catalog_version", "review_count", "rating_total",
    "search_words", "search_lat", "search_lng", "search_city",
)  # fmt: skip
_ARTIST_COLUMNS = [c for c in artists.c if c.name not in _NOT_OURS]
_ARTIST_INSERT = Statement(
    lambda: insert(artists).values({c.name: bindparam(c.name) for c in _ARTIST_COLUMNS})
)
_ARTIST_BY_ID = Statement(lambda: select(artists).where(artists.c.id == bindparam("id")))
_ARTIST_BY_USER = Statement(
    lambda: select(artists).where(artists.c.user_id == bindparam("user_id"))
)
# The account and its profile in one statement: every console page asks both.
_DESK = Statement(
    lambda: (
        select(
            users.c.locale.label("desk_locale"), users.c.disabled.label("desk_disabled"), artists
        )
        .select_from(users.outerjoin(artists, artists.c.user_id == users.c.id))
        .where(users.c.id == bindparam("user_id"))
    )
)
_ARTIST_UPDATE = Statement(lambda: _update_all(artists, keep=("id", "created_at", *_NOT_OURS)))


class PostgresArtistRepository(OnConnection, ArtistRepository):
    async def add(self, artist: ArtistProfile) -> None:
        await self._conn.execute(_ARTIST_INSERT.text, artist_row(artist))

    async def get(self, artist_id: ArtistId) -> ArtistProfile | None:
        row = await (await self._conn.execute(_ARTIST_BY_ID.text, {"id": artist_id})).fetchone()
        return artist_of(row) if row else None

    async def get_by_user(self, user_id: UserId) -> ArtistProfile | None:
        cursor = await self._conn.execute(_ARTIST_BY_USER.text, {"user_id": user_id})
        row = await cursor.fetchone()
        return artist_of(row) if row else None

    async def desk_of(self, user_id: UserId) -> ArtistDesk | None:
        row = await (await self._conn.execute(_DESK.text, {"user_id": user_id})).fetchone()
        if row is None or row["desk_disabled"]:
            return None
        return ArtistDesk(str(row["desk_locale"]), None if row["id"] is None else artist_of(row))

    async def update(self, artist: ArtistProfile) -> None:
        await self._conn.execute(_ARTIST_UPDATE.text, artist_row(artist))

    async def list(self, where: ArtistFilter, page: PageRequest) -> Page[ArtistProfile]:
        conditions, params = _artist_conditions(where)
        params.update(limit=page.page_size, offset=page.offset, count_limit=page.count_limit)
        count = capped_count(artists, conditions)
        rows_sql = page_by_keys(artists, conditions, (artists.c.created_at, artists.c.id))
        (total,) = await self._rows_planned_for(compile_sql(count), params)
        rows = await self._rows_planned_for(compile_sql(rows_sql), params)
        return Page.counted(tuple(artist_of(r) for r in rows), count_of(total), page)

    async def public_in_studios(
        self, studio_ids: Collection[StudioId]
    ) -> tuple[ArtistProfile, ...]:
        if not studio_ids:
            return ()
        params = {"studio_ids": list(studio_ids)}
        rows = await (await self._conn.execute(_PUBLIC_IN_STUDIOS.text, params)).fetchall()
        return tuple(artist_of(r) for r in rows)

    async def in_studio(self, studio_id: StudioId) -> tuple[ArtistProfile, ...]:
        rows = await (await self._conn.execute(_IN_STUDIO.text, {"id": studio_id})).fetchall()
        return tuple(artist_of(r) for r in rows)


_IN_STUDIO = Statement(
    lambda: (
        select(artists)
        .where(artists.c.studio_id == bindparam("id"))
        .order_by(artists.c.display_name, artists.c.id)
    )
)
_PUBLIC_IN_STUDIOS = Statement(
    lambda: (
        select(artists)
        .where(
            artists.c.studio_id == func.any(bindparam("studio_ids", type_=ARRAY(Uuid))),
            artists.c.status == constant(ArtistStatus.APPROVED.value),
            artists.c.suspended.is_(False),
        )
        .order_by(artists.c.display_name, artists.c.id)
    )
)
_STUDIO_INSERT = Statement(lambda: insert(studios))


def _artist_conditions(where: ArtistFilter) -> tuple[list[Any], dict[str, Any]]:
    """Folded like search folds (``inkslot_fold``, migration 0017): case, accents, Cyrillic."""
    conditions: list[Any] = []
    params: dict[str, Any] = {}
    if where.status is not None:
        conditions.append(artists.c.status == bindparam("status"))
        params["status"] = where.status.value
    if where.suspended is not None:
        conditions.append(artists.c.suspended == bindparam("suspended"))
        params["suspended"] = where.suspended
    if where.city is not None:
        folded_city = func.inkslot_fold(func.coalesce(artists.c.city, constant("")))
        conditions.append(folded_city == func.inkslot_fold(bindparam("city", type_=Text)))
        params["city"] = where.city
    if where.text:
        name = func.inkslot_fold(artists.c.display_name)
        conditions.append(name.like(func.inkslot_fold(bindparam("text", type_=Text))))
        params["text"] = like_anywhere(where.text)
    return conditions, params


_STUDIO_BY_ID = Statement(lambda: select(studios).where(studios.c.id == bindparam("id")))
_STUDIO_FOR_UPDATE = Statement(
    lambda: select(studios).where(studios.c.id == bindparam("id")).with_for_update()
)
_STUDIO_UPDATE = Statement(lambda: _update_all(studios))
_STUDIOS_OWNED = Statement(
    lambda: (
        select(studios)
        .where(studios.c.owner_user_id == bindparam("user_id"))
        .order_by(studios.c.created_at, studios.c.id)
    )
)


class PostgresStudioRepository(OnConnection, StudioRepository):
    async def add(self, studio: Studio) -> None:
        await self._conn.execute(_STUDIO_INSERT.text, studio_row(studio))

    async def get(self, studio_id: StudioId, *, for_update: bool = False) -> Studio | None:
        sql = _STUDIO_FOR_UPDATE.text if for_update else _STUDIO_BY_ID.text
        row = await (await self._conn.execute(sql, {"id": studio_id})).fetchone()
        return studio_of(row) if row else None

    async def update(self, studio: Studio) -> None:
        await self._conn.execute(_STUDIO_UPDATE.text, studio_row(studio))

    async def list(self, page: PageRequest) -> Page[Studio]:
        params = {"limit": page.page_size, "offset": page.offset, "count_limit": page.count_limit}
        count = capped_count(studios, [])
        rows_sql = page_by_keys(studios, [], (studios.c.created_at, studios.c.id))
        (total,) = await self._rows_planned_for(compile_sql(count), params)
        rows = await self._rows_planned_for(compile_sql(rows_sql), params)
        return Page.counted(tuple(studio_of(r) for r in rows), count_of(total), page)

    async def owned_by(self, user_id: UserId) -> tuple[Studio, ...]:
        params = {"user_id": user_id}
        rows = await (await self._conn.execute(_STUDIOS_OWNED.text, params)).fetchall()
        return tuple(studio_of(r) for r in rows)


# A flash size's taken mark is written by its design's claim alone (adapters/postgres/flash.py).
_SERVICE_COLUMNS = [
    c for c in services.c if c.name not in ("created_at", "updated_at", "flash_taken")
]
_SERVICE_INSERT = Statement(
    lambda: insert(services).values({c.name: bindparam(c.name) for c in _SERVICE_COLUMNS})
)
_SERVICE_BY_ID = Statement(lambda: select(services).where(services.c.id == bindparam("id")))
_SERVICE_UPDATE = Statement(
    lambda: (
        update(services)
        .where(services.c.id == bindparam("id"))
        .values(
            {
                **{c.name: bindparam(c.name) for c in _SERVICE_COLUMNS if c.name != "id"},
                "updated_at": func.now(),
            }
        )
    )
)
_SERVICES_OF_ARTIST = Statement(
    lambda: (
        select(services)
        .where(services.c.artist_id == bindparam("artist_id"))
        .where(services.c.active.op("OR")(bindparam("include_inactive")))
        # Flash sizes are on the flash sheet (unless asked for).
        .where(services.c.flash_design_id.is_(None).op("OR")(bindparam("include_flash")))
        .where(~services.c.reserved)  # a project's own: on its project, never in a list
        .order_by(services.c.name, services.c.id)
    )
)


class PostgresServiceRepository(OnConnection, ServiceRepository):
    async def add(self, service: Service) -> None:
        await self._conn.execute(_SERVICE_INSERT.text, service_row(service))

    async def get(self, service_id: ServiceId) -> Service | None:
        row = await (await self._conn.execute(_SERVICE_BY_ID.text, {"id": service_id})).fetchone()
        return service_of(row) if row else None

    async def update(self, service: Service) -> None:
        await self._conn.execute(_SERVICE_UPDATE.text, service_row(service))

    async def list_for_artist(
        self, artist_id: ArtistId, *, include_inactive: bool, include_flash: bool = False
    ) -> tuple[Service, ...]:
        params = {
            "artist_id": artist_id,
            "include_inactive": include_inactive,
            "include_flash": include_flash,
        }
        cursor = await self._conn.execute(_SERVICES_OF_ARTIST.text, params)
        return tuple(service_of(r) for r in await cursor.fetchall())
