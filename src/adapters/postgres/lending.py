"""A unit of work's connection: borrowed from the pool when its block opens, given back
when it closes (rolled back first if anything is left open)."""

from __future__ import annotations

import psycopg
from psycopg import pq
from psycopg_pool import PoolTimeout

from adapters.postgres.database import Connection, Database
from adapters.postgres.replica import ReplicaReads


async def borrow(database: Database, replica: ReplicaReads | None) -> tuple[Connection, Database]:
    """A connection of ``database`` and the database that lent it: a lagging read whose
    replica cannot lend one reads from the primary instead (and the replica is distrusted
    until it is measured again)."""
    if replica is None or database is replica.primary:
        return await database.getconn(), database
    try:
        return await database.getconn(), database
    except (psycopg.Error, PoolTimeout, OSError):
        replica.distrust()
        return await replica.primary.getconn(), replica.primary


async def give_back(conn: Connection, database: Database) -> None:
    """Roll back what is still open and return ``conn`` to the pool of ``database``."""
    try:
        if conn.info.transaction_status != pq.TransactionStatus.IDLE:
            await conn.rollback()
    except psycopg.Error:
        pass  # a broken connection: the pool discards it on return
    finally:
        await database.pool.putconn(conn)
