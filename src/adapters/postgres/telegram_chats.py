"""PostgreSQL chats linked with the Telegram bot, and the tokens that link them."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, any_, bindparam, delete, select
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.dialects.postgresql import insert as pg_insert

from adapters.postgres.database import OnConnection
from adapters.postgres.sql import Statement
from adapters.postgres.tables.telegram import telegram_chat_tokens, telegram_chats
from booking_domain.notifications import ChatLinkToken, TelegramChat
from booking_domain.notifications.ports import ChatLinkTokenRepository, TelegramChatRepository
from booking_domain.shared.ids import UserId

_C = telegram_chats.c
_T = telegram_chat_tokens.c

_OF_USER = Statement(lambda: select(telegram_chats).where(_C.user_id == bindparam("user_id")))
_OF_CHAT = Statement(lambda: select(telegram_chats).where(_C.chat_id == bindparam("chat_id")))
# Planning's one read per batch: by the primary key, the switched-off ones left out.
_REACHABLE = Statement(
    lambda: select(_C.user_id).where(
        _C.user_id == any_(bindparam("ids", type_=ARRAY(_C.user_id.type))),
        _C.blocked_at.is_(None),
    )
)


def _build_put() -> Any:
    statement = pg_insert(telegram_chats).values(
        user_id=bindparam("user_id"),
        chat_id=bindparam("chat_id", type_=BigInteger),
        username=bindparam("username"),
        linked_at=bindparam("linked_at"),
        blocked_at=bindparam("blocked_at", type_=_C.blocked_at.type),
        created_at=bindparam("linked_at"),
        updated_at=bindparam("linked_at"),
    )
    new = statement.excluded
    return statement.on_conflict_do_update(
        index_elements=[_C.user_id],
        set_={
            "chat_id": new.chat_id,
            "username": new.username,
            "linked_at": new.linked_at,
            "blocked_at": new.blocked_at,
            "updated_at": new.updated_at,
        },
    )


_PUT = Statement(_build_put)
_REMOVE_USER = Statement(
    lambda: (
        delete(telegram_chats).where(_C.user_id == bindparam("user_id")).returning(telegram_chats)
    )
)
_REMOVE_CHAT = Statement(
    lambda: (
        delete(telegram_chats).where(_C.chat_id == bindparam("chat_id")).returning(telegram_chats)
    )
)


def _chat(row: Mapping[str, Any]) -> TelegramChat:
    return TelegramChat(
        UserId(row["user_id"]), row["chat_id"], row["username"], row["linked_at"], row["blocked_at"]
    )


class PostgresTelegramChatRepository(OnConnection, TelegramChatRepository):
    async def of_user(self, user_id: UserId) -> TelegramChat | None:
        return await self._one(_OF_USER.text, {"user_id": user_id})

    async def of_chat(self, chat_id: int) -> TelegramChat | None:
        return await self._one(_OF_CHAT.text, {"chat_id": chat_id})

    async def reachable_among(self, user_ids: Collection[UserId]) -> frozenset[UserId]:
        cursor = await self._conn.execute(_REACHABLE.text, {"ids": list(user_ids)})
        rows: Sequence[Mapping[str, Any]] = await cursor.fetchall()
        return frozenset(UserId(row["user_id"]) for row in rows)

    async def put(self, chat: TelegramChat) -> None:
        await self._conn.execute(
            _PUT.text,
            {"user_id": chat.user_id, "chat_id": chat.chat_id, "username": chat.username,
             "linked_at": chat.linked_at, "blocked_at": chat.blocked_at},
        )  # fmt: skip

    async def remove_user(self, user_id: UserId) -> TelegramChat | None:
        return await self._one(_REMOVE_USER.text, {"user_id": user_id})

    async def remove_chat(self, chat_id: int) -> TelegramChat | None:
        return await self._one(_REMOVE_CHAT.text, {"chat_id": chat_id})

    async def _one(self, sql: str, params: Mapping[str, object]) -> TelegramChat | None:
        row = await (await self._conn.execute(sql, params)).fetchone()
        return None if row is None else _chat(row)


def _build_token_put() -> Any:
    statement = pg_insert(telegram_chat_tokens).values(
        user_id=bindparam("user_id"),
        digest=bindparam("digest"),
        expires_at=bindparam("expires_at"),
        created_at=bindparam("created_at"),
    )
    new = statement.excluded
    return statement.on_conflict_do_update(
        index_elements=[_T.user_id],
        set_={"digest": new.digest, "expires_at": new.expires_at, "created_at": new.created_at},
    )


_TOKEN_PUT = Statement(_build_token_put)
_TOKEN_TAKE = Statement(
    lambda: (
        delete(telegram_chat_tokens)
        .where(_T.digest == bindparam("digest"))
        .returning(telegram_chat_tokens)
    )
)
_TOKEN_REMOVE = Statement(
    lambda: delete(telegram_chat_tokens).where(_T.user_id == bindparam("user_id"))
)
_TOKEN_PURGE = Statement(
    lambda: delete(telegram_chat_tokens).where(_T.expires_at <= bindparam("now"))
)


class PostgresChatLinkTokenRepository(OnConnection, ChatLinkTokenRepository):
    async def put(self, token: ChatLinkToken) -> None:
        await self._conn.execute(
            _TOKEN_PUT.text,
            {"user_id": token.user_id, "digest": token.digest, "expires_at": token.expires_at,
             "created_at": token.created_at},
        )  # fmt: skip

    async def take(self, digest: str) -> ChatLinkToken | None:
        cursor = await self._conn.execute(_TOKEN_TAKE.text, {"digest": digest})
        row: Mapping[str, Any] | None = await cursor.fetchone()
        if row is None:
            return None
        return ChatLinkToken(
            UserId(row["user_id"]), row["digest"], row["created_at"], row["expires_at"]
        )

    async def remove_user(self, user_id: UserId) -> None:
        await self._conn.execute(_TOKEN_REMOVE.text, {"user_id": user_id})

    async def purge_expired(self, now: datetime) -> int:
        return (await self._conn.execute(_TOKEN_PURGE.text, {"now": now})).rowcount
