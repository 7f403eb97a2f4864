"""PostgreSQL studio invites: one row per invite, found by its token's keyed digest; its
use or revocation is a conditional update (of two at once, one wins)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, insert, select, update

from adapters.postgres.database import OnConnection
from adapters.postgres.sql import Statement
from adapters.postgres.tables.catalog import studio_invites
from booking_domain.catalog.ports import StudioInviteRepository
from booking_domain.catalog.studio_invites import StudioInvite, StudioInviteId
from booking_domain.shared.ids import ArtistId, StudioId, UserId

_I = studio_invites.c
_INSERT = Statement(lambda: insert(studio_invites))
_BY_ID = Statement(lambda: select(studio_invites).where(_I.id == bindparam("id")))
_BY_DIGEST = Statement(lambda: select(studio_invites).where(_I.token_digest == bindparam("digest")))
_OPEN = Statement(
    lambda: (
        select(studio_invites)
        .where(
            _I.studio_id == bindparam("studio_id"),
            _I.used_at.is_(None),
            _I.revoked_at.is_(None),
            _I.expires_at > bindparam("now", type_=_I.expires_at.type),
        )
        .order_by(_I.created_at, _I.id)
    )
)
_SETTLE = Statement(
    lambda: (
        update(studio_invites)
        .where(_I.id == bindparam("id"), _I.used_at.is_(None), _I.revoked_at.is_(None))
        .values(
            used_at=bindparam("used_at", type_=_I.used_at.type),
            used_by=bindparam("used_by", type_=_I.used_by.type),
            revoked_at=bindparam("revoked_at", type_=_I.revoked_at.type),
            updated_at=bindparam("now", type_=_I.updated_at.type),
        )
    )
)


def _invite(row: Mapping[str, Any]) -> StudioInvite:
    used_by = row["used_by"]
    return StudioInvite(
        id=StudioInviteId(row["id"]),
        studio_id=StudioId(row["studio_id"]),
        created_by=UserId(row["created_by"]),
        note=row["note"],
        created_at=row["created_at"],
        expires_at=row["expires_at"],
        used_at=row["used_at"],
        used_by=None if used_by is None else ArtistId(used_by),
        revoked_at=row["revoked_at"],
    )


class PostgresStudioInviteRepository(OnConnection, StudioInviteRepository):
    async def add(self, invite: StudioInvite, digest: str) -> None:
        await self._conn.execute(
            _INSERT.text,
            {"id": invite.id, "studio_id": invite.studio_id, "created_by": invite.created_by,
             "token_digest": digest, "note": invite.note, "expires_at": invite.expires_at,
             "used_at": invite.used_at, "used_by": invite.used_by,
             "revoked_at": invite.revoked_at, "created_at": invite.created_at,
             "updated_at": invite.created_at},
        )  # fmt: skip

    async def get(self, invite_id: StudioInviteId) -> StudioInvite | None:
        row = await (await self._conn.execute(_BY_ID.text, {"id": invite_id})).fetchone()
        return None if row is None else _invite(row)

    async def find(self, digest: str) -> StudioInvite | None:
        row = await (await self._conn.execute(_BY_DIGEST.text, {"digest": digest})).fetchone()
        return None if row is None else _invite(row)

    async def open_for_studio(self, studio_id: StudioId, now: datetime) -> tuple[StudioInvite, ...]:
        params = {"studio_id": studio_id, "now": now}
        rows = await (await self._conn.execute(_OPEN.text, params)).fetchall()
        return tuple(_invite(r) for r in rows)

    async def settle(self, invite: StudioInvite) -> bool:
        settled_at = invite.used_at or invite.revoked_at or invite.created_at
        cursor = await self._conn.execute(
            _SETTLE.text,
            {"id": invite.id, "used_at": invite.used_at, "used_by": invite.used_by,
             "revoked_at": invite.revoked_at, "now": settled_at},
        )  # fmt: skip
        return bool(cursor.rowcount == 1)
