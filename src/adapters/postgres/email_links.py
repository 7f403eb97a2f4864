"""PostgreSQL email links."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, select, update

from adapters.postgres.database import OnConnection
from adapters.postgres.sql import Statement
from adapters.postgres.tables.accounts import email_links
from booking_domain.accounts.email_links import EmailLink, EmailLinkId, LinkPurpose
from booking_domain.accounts.ports import EmailLinkRepository
from booking_domain.shared import UserId

_L = email_links.c
_SPEND_LIVE = Statement(
    lambda: (
        update(email_links)
        .where(
            _L.user_id == bindparam("user_id"),
            _L.purpose == bindparam("purpose"),
            _L.spent_at.is_(None),
        )
        .values(spent_at=bindparam("now"))
    )
)
_INSERT = Statement(
    lambda: email_links.insert().values({c.name: bindparam(c.name) for c in email_links.c})
)
_LIVE_FOR_UPDATE = Statement(
    lambda: (
        select(email_links)
        .where(
            _L.token_hash == bindparam("token_hash"),
            _L.spent_at.is_(None),
            _L.expires_at > bindparam("now"),
        )
        .with_for_update()
    )
)
_SPEND_ALL = Statement(
    lambda: (
        update(email_links)
        .where(_L.user_id == bindparam("user_id"), _L.spent_at.is_(None))
        .values(spent_at=bindparam("now"))
    )
)
_SAVE = Statement(
    lambda: (
        update(email_links).where(_L.id == bindparam("id")).values(spent_at=bindparam("spent_at"))
    )
)


def _link(row: Mapping[str, Any]) -> EmailLink:
    return EmailLink(
        id=EmailLinkId(row["id"]),
        user_id=UserId(row["user_id"]),
        purpose=LinkPurpose(row["purpose"]),
        email=row["email"],
        token_hash=row["token_hash"],
        created_at=row["created_at"],
        expires_at=row["expires_at"],
        spent_at=row["spent_at"],
    )


class PostgresEmailLinkRepository(OnConnection, EmailLinkRepository):
    async def add(self, link: EmailLink) -> None:
        params = {"user_id": link.user_id, "purpose": link.purpose.value, "now": link.created_at}
        await self._conn.execute(_SPEND_LIVE.text, params)
        await self._conn.execute(
            _INSERT.text,
            {
                "id": link.id,
                "user_id": link.user_id,
                "purpose": link.purpose.value,
                "email": link.email,
                "token_hash": link.token_hash,
                "created_at": link.created_at,
                "expires_at": link.expires_at,
                "spent_at": link.spent_at,
            },
        )

    async def live_for_update(self, token_hash: str, now: datetime) -> EmailLink | None:
        cursor = await self._conn.execute(
            _LIVE_FOR_UPDATE.text, {"token_hash": token_hash, "now": now}
        )
        row = await cursor.fetchone()
        return _link(row) if row is not None else None

    async def save(self, link: EmailLink) -> None:
        await self._conn.execute(_SAVE.text, {"id": link.id, "spent_at": link.spent_at})

    async def spend_all(self, user_id: UserId, now: datetime) -> int:
        cursor = await self._conn.execute(_SPEND_ALL.text, {"user_id": user_id, "now": now})
        return cursor.rowcount
