"""PostgreSQL artists, studios, services and availability."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from psycopg.types.json import Jsonb
from sqlalchemy import bindparam, delete, func, insert, select, update

from adapters.postgres.catalog_rows import (
    artist_of,
    artist_row,
    override_of,
    rule_of,
    rule_row,
    service_of,
    service_row,
    studio_of,
    studio_row,
    windows_json,
)
from adapters.postgres.database import Connection
from adapters.postgres.sql import Statement
from adapters.postgres.tables import artists, date_overrides, services, studios, weekly_rules
from booking_domain.artists import ArtistProfile, StoredOverride, StoredRule, Studio
from booking_domain.ids import ArtistId, ServiceId, StudioId, UserId
from booking_domain.services import Service


def _update_all(table, *, keep: tuple[str, ...] = ("id", "created_at")):  # type: ignore[no-untyped-def]
    return (
        update(table)
        .where(table.c.id == bindparam("id"))
        .values({c.name: bindparam(c.name) for c in table.c if c.name not in keep})
    )


# catalog_version belongs to the database's triggers (migration 0003): never written here.
_ARTIST_COLUMNS = [c for c in artists.c if c.name != "catalog_version"]
_ARTIST_INSERT = Statement(
    lambda: insert(artists).values({c.name: bindparam(c.name) for c in _ARTIST_COLUMNS})
)
_ARTIST_BY_ID = Statement(lambda: select(artists).where(artists.c.id == bindparam("id")))
_ARTIST_BY_USER = Statement(
    lambda: select(artists).where(artists.c.user_id == bindparam("user_id"))
)
_ARTIST_UPDATE = Statement(
    lambda: _update_all(artists, keep=("id", "created_at", "catalog_version"))
)


class PostgresArtistRepository:
    def __init__(self, connection: Connection) -> None:
        self._conn = connection

    async def add(self, artist: ArtistProfile) -> None:
        await self._conn.execute(_ARTIST_INSERT.text, artist_row(artist))

    async def get(self, artist_id: ArtistId) -> ArtistProfile | None:
        row = await (await self._conn.execute(_ARTIST_BY_ID.text, {"id": artist_id})).fetchone()
        return artist_of(row) if row else None

    async def get_by_user(self, user_id: UserId) -> ArtistProfile | None:
        cursor = await self._conn.execute(_ARTIST_BY_USER.text, {"user_id": user_id})
        row = await cursor.fetchone()
        return artist_of(row) if row else None

    async def update(self, artist: ArtistProfile) -> None:
        await self._conn.execute(_ARTIST_UPDATE.text, artist_row(artist))


_STUDIO_INSERT = Statement(lambda: insert(studios))
_STUDIO_BY_ID = Statement(lambda: select(studios).where(studios.c.id == bindparam("id")))
_STUDIO_UPDATE = Statement(lambda: _update_all(studios))


class PostgresStudioRepository:
    def __init__(self, connection: Connection) -> None:
        self._conn = connection

    async def add(self, studio: Studio) -> None:
        await self._conn.execute(_STUDIO_INSERT.text, studio_row(studio))

    async def get(self, studio_id: StudioId) -> Studio | None:
        row = await (await self._conn.execute(_STUDIO_BY_ID.text, {"id": studio_id})).fetchone()
        return studio_of(row) if row else None

    async def update(self, studio: Studio) -> None:
        await self._conn.execute(_STUDIO_UPDATE.text, studio_row(studio))


_SERVICE_COLUMNS = [c for c in services.c if c.name not in ("created_at", "updated_at")]
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
        .order_by(services.c.name, services.c.id)
    )
)


class PostgresServiceRepository:
    def __init__(self, connection: Connection) -> None:
        self._conn = connection

    async def add(self, service: Service) -> None:
        await self._conn.execute(_SERVICE_INSERT.text, service_row(service))

    async def get(self, service_id: ServiceId) -> Service | None:
        row = await (await self._conn.execute(_SERVICE_BY_ID.text, {"id": service_id})).fetchone()
        return service_of(row) if row else None

    async def update(self, service: Service) -> None:
        await self._conn.execute(_SERVICE_UPDATE.text, service_row(service))

    async def list_for_artist(
        self, artist_id: ArtistId, *, include_inactive: bool
    ) -> tuple[Service, ...]:
        cursor = await self._conn.execute(
            _SERVICES_OF_ARTIST.text, {"artist_id": artist_id, "include_inactive": include_inactive}
        )
        return tuple(service_of(r) for r in await cursor.fetchall())


_RULES = Statement(
    lambda: (
        select(weekly_rules)
        .where(weekly_rules.c.artist_id == bindparam("artist_id"))
        .order_by(weekly_rules.c.day, weekly_rules.c.start_minute, weekly_rules.c.id)
    )
)
_RULE_BY_ID = Statement(lambda: select(weekly_rules).where(weekly_rules.c.id == bindparam("id")))
_RULE_INSERT = Statement(lambda: insert(weekly_rules))
_RULE_DELETE = Statement(lambda: delete(weekly_rules).where(weekly_rules.c.id == bindparam("id")))
_OVERRIDES = Statement(
    lambda: (
        select(date_overrides)
        .where(
            date_overrides.c.artist_id == bindparam("artist_id"),
            date_overrides.c.on_date
            >= func.coalesce(
                bindparam("first", type_=date_overrides.c.on_date.type), date_overrides.c.on_date
            ),
            date_overrides.c.on_date
            <= func.coalesce(
                bindparam("last", type_=date_overrides.c.on_date.type), date_overrides.c.on_date
            ),
        )
        .order_by(date_overrides.c.on_date)
    )
)
_OVERRIDE_BY_ID = Statement(
    lambda: select(date_overrides).where(date_overrides.c.id == bindparam("id"))
)
# One override per artist and date: a new one replaces the old (keeping the old id).
_OVERRIDE_UPSERT = """
INSERT INTO date_overrides (id, artist_id, on_date, windows, created_at, updated_at)
VALUES (%(id)s, %(artist_id)s, %(on_date)s, %(windows)s, %(created_at)s, %(created_at)s)
ON CONFLICT ON CONSTRAINT uq_date_overrides_artist_id_on_date
DO UPDATE SET windows = EXCLUDED.windows, updated_at = EXCLUDED.updated_at
RETURNING *
"""
_OVERRIDE_DELETE = Statement(
    lambda: delete(date_overrides).where(date_overrides.c.id == bindparam("id"))
)


class PostgresAvailabilityRepository:
    def __init__(self, connection: Connection) -> None:
        self._conn = connection

    async def rules(self, artist_id: ArtistId) -> tuple[StoredRule, ...]:
        cursor = await self._conn.execute(_RULES.text, {"artist_id": artist_id})
        return tuple(rule_of(r) for r in await cursor.fetchall())

    async def get_rule(self, rule_id: UUID) -> StoredRule | None:
        row = await (await self._conn.execute(_RULE_BY_ID.text, {"id": rule_id})).fetchone()
        return rule_of(row) if row else None

    async def add_rule(self, rule: StoredRule) -> None:
        await self._conn.execute(_RULE_INSERT.text, rule_row(rule))

    async def delete_rule(self, rule_id: UUID) -> None:
        await self._conn.execute(_RULE_DELETE.text, {"id": rule_id})

    async def overrides(
        self, artist_id: ArtistId, first: date | None = None, last: date | None = None
    ) -> tuple[StoredOverride, ...]:
        cursor = await self._conn.execute(
            _OVERRIDES.text, {"artist_id": artist_id, "first": first, "last": last}
        )
        return tuple(override_of(r) for r in await cursor.fetchall())

    async def get_override(self, override_id: UUID) -> StoredOverride | None:
        row = await (await self._conn.execute(_OVERRIDE_BY_ID.text, {"id": override_id})).fetchone()
        return override_of(row) if row else None

    async def put_override(self, override: StoredOverride) -> StoredOverride:
        params = {
            "id": override.id,
            "artist_id": override.artist_id,
            "on_date": override.override.on,
            "windows": Jsonb(windows_json(override.override)),
            "created_at": override.created_at,
        }
        row = await (await self._conn.execute(_OVERRIDE_UPSERT, params)).fetchone()
        assert row is not None  # RETURNING always yields the stored row
        return override_of(row)

    async def delete_override(self, override_id: UUID) -> None:
        await self._conn.execute(_OVERRIDE_DELETE.text, {"id": override_id})
