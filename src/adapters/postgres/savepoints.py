"""A part of a unit of work that may fail alone (``shared.ports.Savepoints``): a savepoint
inside the unit's transaction, rolled back to when the block raises.

psycopg's nested ``transaction()`` is a savepoint only inside a transaction already begun;
on a connection with nothing done yet it would begin one and commit it when the block
ends, committing the unit early. So a block that comes first in its unit is not wrapped:
it begins the transaction itself, and when it fails, rolling the transaction back takes
exactly its writes. In an autocommit unit the block is a transaction of its own.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

import psycopg
from psycopg import pq

from adapters.postgres.database import Connection
from adapters.postgres.errors import translate


@asynccontextmanager
async def savepoint(
    conn: Connection,
    *,
    autocommit: bool,
    write_held: Callable[[], Awaitable[None]],
    drop_held: Callable[[], None],
) -> AsyncIterator[None]:
    """``write_held`` first: records held before the block are written before it, so a
    failure drops (``drop_held``) only what the block recorded."""
    await write_held()
    try:
        if autocommit or conn.info.transaction_status != pq.TransactionStatus.IDLE:
            async with conn.transaction():
                yield
        else:
            try:
                yield
            except BaseException:
                await conn.rollback()
                raise
    except BaseException as failure:
        drop_held()
        if isinstance(failure, psycopg.Error):
            raise (translate(failure) or failure) from failure
        raise
