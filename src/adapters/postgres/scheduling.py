"""PostgreSQL weekly rules and date overrides (the slot query itself is sent by
``scheduling_reader.py``; its text is in ``tuned/scheduling.py``)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any
from uuid import UUID

from psycopg.types.json import Jsonb
from sqlalchemy import Integer, bindparam, delete, func, insert, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.sql.dml import ReturningInsert

from adapters.postgres.database import OnConnection
from adapters.postgres.sql import Statement
from adapters.postgres.tables.scheduling import date_overrides, weekly_rules
from booking_domain.scheduling import (
    DateOverride,
    LocalWindow,
    StoredOverride,
    StoredRule,
    WeeklyRule,
)
from booking_domain.scheduling.ports import AvailabilityRepository
from booking_domain.shared import ArtistId

Row = Mapping[str, Any]


def rule_row(rule: StoredRule) -> dict[str, Any]:
    return {
        "id": rule.id,
        "artist_id": rule.artist_id,
        "day": rule.rule.day,
        "start_minute": rule.rule.start_minute,
        "end_minute": rule.rule.end_minute,
        "created_at": rule.created_at,
        "updated_at": rule.created_at,
    }


def rule_of(row: Row) -> StoredRule:
    return StoredRule(
        id=row["id"],
        artist_id=ArtistId(row["artist_id"]),
        rule=WeeklyRule(row["day"], row["start_minute"], row["end_minute"]),
        created_at=row["created_at"],
    )


def windows_json(override: DateOverride) -> list[list[int]]:
    return [[w.start_minute, w.end_minute] for w in override.windows]


def override_of(row: Row) -> StoredOverride:
    windows = tuple(LocalWindow(start, end) for start, end in row["windows"])
    return StoredOverride(
        id=row["id"],
        artist_id=ArtistId(row["artist_id"]),
        override=DateOverride(row["on_date"], windows),
        created_at=row["created_at"],
    )


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


def _build_override_upsert() -> ReturningInsert[tuple[object, ...]]:
    """One override per artist and date: a new one replaces the old (keeping the old id)."""
    columns = ("id", "artist_id", "on_date", "windows", "created_at")
    statement = pg_insert(date_overrides).values(
        {**{name: bindparam(name) for name in columns}, "updated_at": bindparam("created_at")}
    )
    return statement.on_conflict_do_update(
        constraint="uq_date_overrides_artist_id_on_date",
        set_={"windows": statement.excluded.windows, "updated_at": statement.excluded.updated_at},
    ).returning(date_overrides)


_OVERRIDE_UPSERT = Statement(_build_override_upsert)
_OVERRIDE_DELETE = Statement(
    lambda: delete(date_overrides).where(date_overrides.c.id == bindparam("id"))
)


_HOLD_OVERRIDES = Statement(
    lambda: select(
        func.pg_advisory_xact_lock(
            bindparam("space", type_=Integer), bindparam("key", type_=Integer)
        )
    )
)
_OVERRIDES_LOCK_SPACE = 0x0D4E  # the two-key lock space of artists' date overrides


def _overrides_lock_key(artist_id: ArtistId) -> int:
    """A signed 32-bit key from all 128 bits of the id (the lock's second half)."""
    folded = int.from_bytes(artist_id.bytes, "big")
    while folded >= 1 << 32:
        folded = (folded >> 32) ^ (folded & 0xFFFFFFFF)
    return folded - (1 << 32) if folded >= 1 << 31 else folded


class PostgresAvailabilityRepository(OnConnection, AvailabilityRepository):
    async def hold_overrides(self, artist_id: ArtistId) -> None:
        # Transaction-scoped: released by COMMIT or ROLLBACK, never leaked to the pool.
        params = {"space": _OVERRIDES_LOCK_SPACE, "key": _overrides_lock_key(artist_id)}
        await self._conn.execute(_HOLD_OVERRIDES.text, params)

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
        row = await (await self._conn.execute(_OVERRIDE_UPSERT.text, params)).fetchone()
        assert row is not None  # RETURNING always yields the stored row
        return override_of(row)

    async def delete_override(self, override_id: UUID) -> None:
        await self._conn.execute(_OVERRIDE_DELETE.text, {"id": override_id})
