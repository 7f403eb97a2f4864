"""Whether a session may still act, asked on every authenticated request.

Each process remembers each answer for ``ttl`` seconds (one by default), so a busy client
costs one query a second, not one a request; a session ended in another process is refused
here within that second. The process that ends a session forgets the user's answers at once
(``forget``). A remembered answer never outlives its ttl, whatever it was.

Also the sessions' records (``PostgresSessionRepository``): device, addresses, last use; a
session is listed while its family has a usable refresh token.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable, Collection, Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import any_, bindparam, exists, or_, select, update
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.dialects.postgresql import insert as pg_insert

from adapters.postgres.database import Database, OnConnection
from adapters.postgres.errors import translate
from adapters.postgres.sql import Statement
from adapters.postgres.tables.accounts import refresh_tokens, sessions, users
from booking_domain.accounts import SessionFamilyId
from booking_domain.accounts.devices import Session
from booking_domain.accounts.ports import SessionCheck, SessionRepository
from booking_domain.shared import UserId

_T, _U = refresh_tokens.c, users.c
_LIVE = Statement(
    lambda: select(
        exists()
        .select_from(refresh_tokens.join(users, users.c.id == _T.user_id))
        .where(
            _T.family_id == bindparam("session_id"),
            _T.user_id == bindparam("user_id"),
            _T.revoked_at.is_(None),
            ~_U.disabled,
            or_(_U.locked_until.is_(None), _U.locked_until <= bindparam("now")),
        )
        .label("live")
    )
)


# The live ones among many sessions: each family that still has an unrevoked token, with its
# user (the caller matches the pair); ``ix_refresh_tokens_family_id`` serves the ANY.
_LIVE_AMONG = Statement(
    lambda: (
        select(_T.family_id, _T.user_id)
        .distinct()
        .select_from(refresh_tokens.join(users, users.c.id == _T.user_id))
        .where(
            _T.family_id == any_(bindparam("session_ids", type_=ARRAY(_T.family_id.type))),
            _T.revoked_at.is_(None),
            ~_U.disabled,
            or_(_U.locked_until.is_(None), _U.locked_until <= bindparam("now")),
        )
    )
)


class PostgresSessionCheck(SessionCheck):
    def __init__(
        self,
        database: Database,
        *,
        ttl: float = 1.0,
        capacity: int = 100_000,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._database = database
        self._ttl = ttl
        self._capacity = capacity
        self._monotonic = monotonic
        # session -> (user, live, when it was learned); least recently learned first.
        self._known: OrderedDict[SessionFamilyId, tuple[UserId, bool, float]] = OrderedDict()

    async def is_live(self, session_id: SessionFamilyId, user_id: UserId, now: datetime) -> bool:
        moment = self._monotonic()
        known = self._known.get(session_id)
        if known is not None and known[0] == user_id and moment - known[2] < self._ttl:
            return known[1]
        live = await self._ask(session_id, user_id, now)
        self._known[session_id] = (user_id, live, moment)
        self._known.move_to_end(session_id)
        if len(self._known) > self._capacity:
            self._known.popitem(last=False)
        return live

    def forget(self, user_id: UserId) -> None:
        for session_id in [s for s, (u, _, _) in self._known.items() if u == user_id]:
            del self._known[session_id]

    async def live_among(
        self, sessions: Collection[tuple[SessionFamilyId, UserId]], now: datetime
    ) -> frozenset[SessionFamilyId]:
        if not sessions:
            return frozenset()
        params = {"session_ids": sorted({s for s, _ in sessions}), "now": now}
        try:
            async with self._database.statement_connection() as conn:
                rows = await (await conn.execute(_LIVE_AMONG.text, params)).fetchall()
        except Exception as exc:
            raise (translate(exc) or exc) from exc
        live = {(r["family_id"], r["user_id"]) for r in rows}
        return frozenset(s for s, user_id in sessions if (s, user_id) in live)

    async def _ask(self, session_id: SessionFamilyId, user_id: UserId, now: datetime) -> bool:
        params = {"session_id": session_id, "user_id": user_id, "now": now}
        try:
            async with self._database.statement_connection() as conn:
                row = await (await conn.execute(_LIVE.text, params)).fetchone()
        except Exception as exc:
            raise (translate(exc) or exc) from exc
        return bool(row and row["live"])


_S = sessions.c
_LIVE_TOKEN = (
    exists()
    .where(
        _T.family_id == _S.id,
        _T.revoked_at.is_(None),
        _T.spent_at.is_(None),
        _T.expires_at > bindparam("now"),
    )
    .correlate(sessions)
)
_INSERT_SESSION = Statement(
    lambda: (
        pg_insert(sessions).values(_session_params()).on_conflict_do_nothing(index_elements=[_S.id])
    )
)
_SESSION_BY_ID = Statement(lambda: select(sessions).where(_S.id == bindparam("id")))
_UPDATE_SESSION = Statement(
    lambda: (
        update(sessions)
        .where(_S.id == bindparam("id"))
        .values({k: v for k, v in _session_params().items() if k not in ("id", "created_at")})
    )
)
# Served by ix_sessions_user_id_last_used_at_id (backwards) and the family index of tokens.
_LIVE_SESSIONS = Statement(
    lambda: (
        select(sessions)
        .where(_S.user_id == bindparam("user_id"), _LIVE_TOKEN)
        .order_by(_S.last_used_at.desc(), _S.id.desc())
        .limit(bindparam("limit"))
    )
)
_LIVE_SESSION = Statement(lambda: select(sessions).where(_S.id == bindparam("id"), _LIVE_TOKEN))


def _session_params() -> dict[str, Any]:
    return {c.name: bindparam(c.name) for c in sessions.c}


def _session_row(session: Session) -> dict[str, Any]:
    return {
        "id": session.id,
        "user_id": session.user_id,
        "user_agent": session.user_agent,
        "address": session.address,
        "last_address": session.last_address,
        "last_used_at": session.last_used_at,
        "created_at": session.created_at,
        "updated_at": session.last_used_at,
    }


def _session(row: Mapping[str, Any]) -> Session:
    return Session(
        id=SessionFamilyId(row["id"]),
        user_id=UserId(row["user_id"]),
        user_agent=row["user_agent"],
        address=row["address"],
        created_at=row["created_at"],
        last_used_at=row["last_used_at"],
        last_address=row["last_address"],
    )


class PostgresSessionRepository(OnConnection, SessionRepository):
    async def add(self, session: Session) -> None:
        await self._conn.execute(_INSERT_SESSION.text, _session_row(session))

    async def get(self, session_id: SessionFamilyId) -> Session | None:
        row = await (await self._conn.execute(_SESSION_BY_ID.text, {"id": session_id})).fetchone()
        return _session(row) if row is not None else None

    async def update(self, session: Session) -> None:
        await self._conn.execute(_UPDATE_SESSION.text, _session_row(session))

    async def live(self, user_id: UserId, now: datetime, *, limit: int) -> tuple[Session, ...]:
        params = {"user_id": user_id, "now": now, "limit": limit}
        cursor = await self._conn.execute(_LIVE_SESSIONS.text, params)
        return tuple(_session(row) for row in await cursor.fetchall())

    async def get_live(self, session_id: SessionFamilyId, now: datetime) -> Session | None:
        cursor = await self._conn.execute(_LIVE_SESSION.text, {"id": session_id, "now": now})
        row = await cursor.fetchone()
        return _session(row) if row is not None else None
