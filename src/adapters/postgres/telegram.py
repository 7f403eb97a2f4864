"""PostgreSQL Telegram links and spent Telegram login payloads."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, delete, select
from sqlalchemy.dialects.postgresql import insert as pg_insert

from adapters.postgres.database import OnConnection
from adapters.postgres.sql import Statement
from adapters.postgres.tables.accounts import telegram_links, telegram_spent_logins
from booking_domain.accounts.ports import TelegramRepository
from booking_domain.accounts.telegram import TelegramAlreadyLinkedError, TelegramLink
from booking_domain.shared import UserId

_L = telegram_links.c
_S = telegram_spent_logins.c

# Either key taken (the Telegram id, or the user's one link) inserts nothing: the link is
# refused without aborting the transaction, and a concurrent link of the same Telegram id
# waits for the first and then finds it.
_ADD = Statement(
    lambda: (
        pg_insert(telegram_links)
        .values(
            telegram_id=bindparam("telegram_id"),
            user_id=bindparam("user_id"),
            username=bindparam("username"),
            linked_at=bindparam("linked_at"),
            created_at=bindparam("linked_at"),
            updated_at=bindparam("linked_at"),
        )
        .on_conflict_do_nothing()
        .returning(_L.telegram_id)
    )
)
_BY_TELEGRAM_ID = Statement(
    lambda: select(telegram_links).where(_L.telegram_id == bindparam("telegram_id"))
)
_OF_USER = Statement(lambda: select(telegram_links).where(_L.user_id == bindparam("user_id")))
_REMOVE = Statement(lambda: delete(telegram_links).where(_L.user_id == bindparam("user_id")))
_SPEND = Statement(
    lambda: (
        pg_insert(telegram_spent_logins)
        .values(payload_hash=bindparam("payload_hash"), expires_at=bindparam("expires_at"))
        .on_conflict_do_nothing(index_elements=[_S.payload_hash])
        .returning(_S.payload_hash)
    )
)
_PURGE = Statement(lambda: delete(telegram_spent_logins).where(_S.expires_at < bindparam("now")))


def _link(row: Mapping[str, Any]) -> TelegramLink:
    return TelegramLink(
        row["telegram_id"], UserId(row["user_id"]), row["username"], row["linked_at"]
    )


class PostgresTelegramRepository(OnConnection, TelegramRepository):
    async def add(self, link: TelegramLink) -> None:
        params = {
            "telegram_id": link.telegram_id,
            "user_id": link.user_id,
            "username": link.username,
            "linked_at": link.linked_at,
        }
        if await (await self._conn.execute(_ADD.text, params)).fetchone() is None:
            raise TelegramAlreadyLinkedError()

    async def get(self, telegram_id: int) -> TelegramLink | None:
        cursor = await self._conn.execute(_BY_TELEGRAM_ID.text, {"telegram_id": telegram_id})
        row = await cursor.fetchone()
        return None if row is None else _link(row)

    async def of_user(self, user_id: UserId) -> TelegramLink | None:
        row = await (await self._conn.execute(_OF_USER.text, {"user_id": user_id})).fetchone()
        return None if row is None else _link(row)

    async def remove(self, user_id: UserId) -> bool:
        cursor = await self._conn.execute(_REMOVE.text, {"user_id": user_id})
        return cursor.rowcount > 0

    async def spend(self, payload_hash: str, expires_at: datetime) -> bool:
        params = {"payload_hash": payload_hash, "expires_at": expires_at}
        return await (await self._conn.execute(_SPEND.text, params)).fetchone() is not None

    async def purge_spent(self, now: datetime) -> int:
        return (await self._conn.execute(_PURGE.text, {"now": now})).rowcount
