"""PostgreSQL updates of the Telegram bot, and the procrastinate jobs that handle them."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from procrastinate import jobs as job_states
from procrastinate.manager import JobManager
from psycopg.types.json import Jsonb
from sqlalchemy import BigInteger, bindparam, delete, select, update
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.dialects.postgresql import insert as pg_insert

from adapters.postgres.database import Connection, OnConnection
from adapters.postgres.sql import Statement
from adapters.postgres.tables.telegram import telegram_updates
from booking_domain.telegram import (
    ReceivedUpdate,
    TelegramUpdateQueue,
    TelegramUpdateRepository,
    calls_from_json,
    calls_to_json,
    update_from_json,
    update_to_json,
)

TELEGRAM_QUEUE = "telegram"
HANDLE_UPDATE_TASK = "inkslot:handle_telegram_update"

_U = telegram_updates.c
# Telegram's repeat of an update kept already inserts nothing.
_ADD = Statement(
    lambda: (
        pg_insert(telegram_updates)
        .values(
            update_id=bindparam("update_id", type_=BigInteger),
            chat_id=bindparam("chat_id", type_=BigInteger),
            data=bindparam("data", type_=JSONB),
            received_at=bindparam("received_at"),
            created_at=bindparam("received_at"),
            updated_at=bindparam("received_at"),
        )
        .on_conflict_do_nothing(index_elements=[_U.update_id])
        .returning(_U.update_id)
    )
)
_LOCK = Statement(
    lambda: (
        select(telegram_updates)
        .where(_U.update_id == bindparam("update_id", type_=BigInteger))
        .with_for_update()
    )
)
_SAVE = Statement(
    lambda: (
        update(telegram_updates)
        .where(_U.update_id == bindparam("update_id", type_=BigInteger))
        .values(
            data=bindparam("data", type_=JSONB),
            calls=bindparam("calls", type_=JSONB),
            sent=bindparam("sent"),
            attempts=bindparam("attempts"),
            handled_at=bindparam("handled_at", type_=_U.handled_at.type),
            updated_at=bindparam("now"),
        )
    )
)
_PURGE = Statement(lambda: delete(telegram_updates).where(_U.received_at < bindparam("before")))


def _received(row: Mapping[str, Any]) -> ReceivedUpdate:
    return ReceivedUpdate(
        update=update_from_json(row["data"]),
        received_at=row["received_at"],
        calls=calls_from_json(row["calls"]),
        sent=row["sent"],
        attempts=row["attempts"],
        handled_at=row["handled_at"],
    )


class PostgresTelegramUpdateRepository(OnConnection, TelegramUpdateRepository):
    async def add(self, update: ReceivedUpdate) -> bool:
        u = update.update
        params = {"update_id": u.update_id, "chat_id": u.chat_id,
                  "data": Jsonb(update_to_json(u)), "received_at": update.received_at}  # fmt: skip
        return await (await self._conn.execute(_ADD.text, params)).fetchone() is not None

    async def lock(self, update_id: int) -> ReceivedUpdate | None:
        row = await (await self._conn.execute(_LOCK.text, {"update_id": update_id})).fetchone()
        return None if row is None else _received(row)

    async def save(self, update: ReceivedUpdate) -> None:
        calls = calls_to_json(update.calls)
        await self._conn.execute(
            _SAVE.text,
            {"update_id": update.update.update_id, "data": Jsonb(update_to_json(update.update)),
             "calls": None if calls is None else Jsonb(calls), "sent": update.sent,
             "attempts": update.attempts, "handled_at": update.handled_at,
             "now": update.handled_at or update.received_at},
        )  # fmt: skip

    async def purge(self, received_before: datetime) -> int:
        return (await self._conn.execute(_PURGE.text, {"before": received_before})).rowcount


class ProcrastinateTelegramUpdateQueue(TelegramUpdateQueue):
    """A job per update; one chat's jobs share a lock, so they run one at a time in the
    order they were queued (a press is handled after the message before it)."""

    def __init__(self, manager: JobManager, connection: Connection) -> None:
        self._manager = manager
        self._conn = connection

    async def enqueue(self, update: ReceivedUpdate) -> None:
        job = job_states.Job(
            id=None,
            lock=f"telegram-chat:{update.update.chat_id}",
            queueing_lock=None,
            task_name=HANDLE_UPDATE_TASK,
            queue=TELEGRAM_QUEUE,
            task_kwargs={"update_id": update.update.update_id},
        )
        await self._manager.batch_defer_jobs_async([job], connection=self._conn)
