"""PostgreSQL loyalty: programs (read with their artist's name), redemptions, and the
earner's position (the points ledger: ``loyalty_ledger.py``)."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any
from uuid import UUID

from psycopg.types.json import Jsonb
from sqlalchemy import (
    BigInteger,
    bindparam,
    func,
    insert,
    or_,
    select,
    update,
)

from adapters.postgres.database import OnConnection
from adapters.postgres.sql import Statement, constant
from adapters.postgres.tables.catalog import artists
from adapters.postgres.tables.loyalty import (
    loyalty_accounts,
    loyalty_entries,
    loyalty_feed_position,
    loyalty_programs,
    loyalty_redemptions,
)
from booking_domain.loyalty import (
    PLATFORM_NAME,
    EarningCursor,
    EarningPosition,
    EntryId,
    Program,
    ProgramId,
    ProgramRepository,
    Rates,
    Redemption,
    RedemptionRepository,
    RedemptionStatus,
    Tier,
)
from booking_domain.shared import ConcurrentUpdateError, ConflictError
from booking_domain.shared.ids import ArtistId, BookingId, UserId
from booking_domain.shared.money import Money

_P, _A, _E, _R = loyalty_programs.c, loyalty_accounts.c, loyalty_entries.c, loyalty_redemptions.c
_RATES = ("active", "currency", "spend_per_point", "review_points", "point_value",
          "max_share_percent", "expiry_days", "tiers", "version", "updated_at")  # fmt: skip


def _programs() -> Any:
    name = func.coalesce(artists.c.display_name, constant(PLATFORM_NAME)).label("name")
    joined = loyalty_programs.outerjoin(artists, artists.c.id == _P.artist_id)
    return select(loyalty_programs, name).select_from(joined)


_PLATFORM = Statement(lambda: _programs().where(_P.artist_id.is_(None)))
_OF_ARTIST = Statement(lambda: _programs().where(_P.artist_id == bindparam("artist_id")))
_PROGRAM = Statement(lambda: _programs().where(_P.id == bindparam("id")))
_ADD_PROGRAM = Statement(
    lambda: insert(loyalty_programs).values({c.name: bindparam(c.name) for c in loyalty_programs.c})
)
_UPDATE_PROGRAM = Statement(
    lambda: (
        update(loyalty_programs)
        .where(_P.id == bindparam("id"), _P.version == bindparam("before"))
        .values({name: bindparam(name) for name in _RATES})
    )
)


def _program(row: Mapping[str, Any]) -> Program:
    tiers = row["tiers"]
    tiers = json.loads(tiers) if isinstance(tiers, str) else tiers
    rates = Rates(
        row["currency"], row["spend_per_point"], row["review_points"], row["point_value"],
        row["max_share_percent"], row["expiry_days"],
        tuple(Tier(t["name"], t["threshold"], t["multiplierPercent"]) for t in tiers),
    )  # fmt: skip
    artist = row["artist_id"]
    return Program(
        ProgramId(row["id"]), None if artist is None else ArtistId(artist), row["active"], rates,
        row["version"], row["created_at"], row["updated_at"], row["name"],
    )  # fmt: skip


def _program_params(p: Program) -> dict[str, Any]:
    r = p.rates
    tiers = [
        {"name": t.name, "threshold": t.threshold, "multiplierPercent": t.multiplier_percent}
        for t in r.tiers
    ]
    return {
        "id": p.id, "artist_id": p.artist_id, "active": p.active, "currency": r.currency,
        "spend_per_point": r.spend_per_point, "review_points": r.review_points,
        "point_value": r.point_value, "max_share_percent": r.max_share_percent,
        "expiry_days": r.expiry_days, "tiers": Jsonb(tiers), "version": p.version,
        "created_at": p.created_at, "updated_at": p.updated_at, "before": p.version - 1,
    }  # fmt: skip


class PostgresProgramRepository(OnConnection, ProgramRepository):
    async def _one(self, statement: Statement, params: Mapping[str, Any]) -> Program | None:
        row = await (await self._conn.execute(statement.text, params)).fetchone()
        return None if row is None else _program(row)

    async def platform(self) -> Program | None:
        return await self._one(_PLATFORM, {})

    async def of_artist(self, artist_id: ArtistId) -> Program | None:
        return await self._one(_OF_ARTIST, {"artist_id": artist_id})

    async def get(self, program_id: ProgramId) -> Program | None:
        return await self._one(_PROGRAM, {"id": program_id})

    async def save(self, program: Program) -> None:
        params = _program_params(program)
        if program.version == 1:
            await self._write_rows(_ADD_PROGRAM.text, [params])
            return
        done = await self._conn.execute(_UPDATE_PROGRAM.text, params)
        if done.rowcount != 1:
            raise ConcurrentUpdateError()


# --- redemptions --------------------------------------------------------------------------

_ADD_REDEMPTION = Statement(
    lambda: insert(loyalty_redemptions).values(
        {c.name: bindparam(c.name) for c in loyalty_redemptions.c}
    )
)
_REDEMPTION = Statement(
    lambda: select(loyalty_redemptions).where(_R.invoice_id == bindparam("invoice_id"))
)
_LOCK_REDEMPTION = Statement(
    lambda: (
        select(loyalty_redemptions)
        .where(_R.invoice_id == bindparam("invoice_id"))
        .with_for_update()
    )
)
_UPDATE_REDEMPTION = Statement(
    lambda: (
        update(loyalty_redemptions)
        .where(_R.invoice_id == bindparam("invoice_id"))
        .values(
            status=bindparam("status"),
            restored=bindparam("restored"),
            updated_at=bindparam("updated_at"),
        )
    )
)
_BOOKING_REDEMPTIONS = Statement(
    lambda: (
        select(loyalty_redemptions)
        .where(_R.booking_id == bindparam("booking_id"))
        .order_by(_R.created_at, _R.invoice_id)
    )
)
_CUSTOMER_REDEMPTIONS = Statement(
    lambda: (
        select(loyalty_redemptions)
        .where(_R.customer_id == bindparam("customer_id"))
        .order_by(_R.created_at, _R.invoice_id)
    )
)


def _redemption(row: Mapping[str, Any]) -> Redemption:
    return Redemption(
        row["invoice_id"], BookingId(row["booking_id"]), UserId(row["customer_id"]),
        ProgramId(row["program_id"]), EntryId(row["entry_id"]), row["points"],
        Money(row["value_amount"], row["currency"]), RedemptionStatus(row["status"]),
        row["restored"], row["created_at"], row["updated_at"],
    )  # fmt: skip


def _redemption_params(r: Redemption) -> dict[str, Any]:
    return {
        "invoice_id": r.invoice_id, "booking_id": r.booking_id, "customer_id": r.customer_id,
        "program_id": r.program_id, "entry_id": r.entry_id, "points": r.points,
        "value_amount": r.value.amount, "currency": r.value.currency, "status": r.status.value,
        "restored": r.restored, "created_at": r.created_at, "updated_at": r.updated_at,
    }  # fmt: skip


class PostgresRedemptionRepository(OnConnection, RedemptionRepository):
    async def add(self, redemption: Redemption) -> None:
        await self._write_rows(_ADD_REDEMPTION.text, [_redemption_params(redemption)])

    async def get(self, invoice_id: UUID, *, for_update: bool = False) -> Redemption | None:
        statement = _LOCK_REDEMPTION if for_update else _REDEMPTION
        row = await (
            await self._conn.execute(statement.text, {"invoice_id": invoice_id})
        ).fetchone()
        return None if row is None else _redemption(row)

    async def update(self, redemption: Redemption) -> None:
        await self._conn.execute(_UPDATE_REDEMPTION.text, _redemption_params(redemption))

    async def of_booking(self, booking_id: BookingId) -> Sequence[Redemption]:
        params = {"booking_id": booking_id}
        rows = await (await self._conn.execute(_BOOKING_REDEMPTIONS.text, params)).fetchall()
        return [_redemption(r) for r in rows]

    async def of_customer(self, customer_id: UserId) -> Sequence[Redemption]:
        params = {"customer_id": customer_id}
        rows = await (await self._conn.execute(_CUSTOMER_REDEMPTIONS.text, params)).fetchall()
        return [_redemption(r) for r in rows]


# --- the earner's position ----------------------------------------------------------------

EARNING_LOCK = 0x696E6B6C6F79616C  # "inkloyal": one earner at a time
_TAKE_TURN = Statement(
    lambda: select(
        func.pg_try_advisory_xact_lock(bindparam("lock", type_=BigInteger)).label("turn")
    )
)
_F = loyalty_feed_position.c
_ROW = constant("earning")
_POSITION = Statement(lambda: select(_F.after).where(_F.name == _ROW))
# Forward only: a position never moves back.
_ADVANCE = Statement(
    lambda: (
        update(loyalty_feed_position)
        .where(_F.name == _ROW, or_(_F.after.is_(None), _F.after < bindparam("after")))
        .values(after=bindparam("after"), updated_at=func.now())
    )
)


class PostgresEarningCursor(OnConnection, EarningCursor):
    async def claim(self) -> EarningPosition | None:
        turn = await (await self._conn.execute(_TAKE_TURN.text, {"lock": EARNING_LOCK})).fetchone()
        if turn is None or not turn["turn"]:
            return None
        row = await (await self._conn.execute(_POSITION.text)).fetchone()
        after = None if row is None else row["after"]
        return EarningPosition(after if isinstance(after, str) else None)

    async def advance(self, cursor: str) -> None:
        moved = await self._conn.execute(_ADVANCE.text, {"after": cursor})
        if moved.rowcount != 1:
            raise ConflictError("The earner's position would move backwards.")
