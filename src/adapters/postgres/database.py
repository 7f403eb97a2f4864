"""The connection pool (psycopg_pool), URL handling and the health probe."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Mapping, Sequence

import psycopg
from psycopg.conninfo import conninfo_to_dict
from psycopg.rows import dict_row
from psycopg_pool import AsyncConnectionPool, PoolTimeout

from adapters.backend_priority import share_priority
from adapters.postgres.errors import translate
from adapters.postgres.tuned.server import ALIVE
from adapters.postgres.urls import psycopg_url, sqlalchemy_url
from booking_domain.shared import HealthProbe, ServiceUnavailableError

Connection = psycopg.AsyncConnection[dict[str, object]]
__all__ = ["Database", "OnConnection", "PostgresHealthProbe", "psycopg_url", "sqlalchemy_url"]


class OnConnection:
    """A repository that runs its statements on the unit of work's connection."""

    def __init__(self, connection: Connection) -> None:
        self._conn = connection

    async def _rows_planned_for(
        self, sql: str, params: Mapping[str, object], *, binary: bool = False
    ) -> list[dict[str, object]]:
        """The rows of a list's query, planned for these values every time (never prepared).

        A filtered list matches anything from a handful of rows to all of them, depending on
        the values (a word, a status, a date range). psycopg prepares a statement after five
        runs, and PostgreSQL then may settle on a generic plan that knows none of the values:
        for ``folded LIKE $1`` it never picks the trigram index (a broad search of 100,000
        accounts: 78.7 ms p99 prepared, 16.5 planned each time; docs/performance.md).
        Planning costs a fraction of a millisecond.

        ``binary``: the rows come in PostgreSQL's binary format, for a read of many rows
        whose columns cost more to parse as text (a ``tstzrange`` as text is two regular
        expressions and two timestamps parsed: a third of reading a booking).
        """
        cursor = await self._conn.execute(sql, params, prepare=False, binary=binary)
        return await cursor.fetchall()

    async def _write_rows(self, sql: str, rows: Sequence[Mapping[str, object]]) -> None:
        """``sql`` once for each of ``rows`` (pipelined when there are several), driver errors
        as domain errors."""
        try:
            if len(rows) == 1:
                await self._conn.execute(sql, rows[0])
            elif rows:
                async with self._conn.cursor() as cursor:
                    await cursor.executemany(sql, rows)
        except psycopg.Error as exc:
            raise (translate(exc) or exc) from exc


NO_CONNECTION_WAIT = 2.0
# How long closing the pool waits for its background workers: idle, they stop at once; one
# still connecting to a database that accepts and does not answer would hold a stop for
# psycopg_pool's default 5 s, for nothing (the end of the event loop ends it anyway).
CLOSE_WITHIN = 1.0

# Every session runs its statements without parallel workers. Inkslot's statements are
# short and many run at once: a worker process started for one of them only takes a core
# from the others (a search by place where the radius is sparse walked thousands of index
# rows with two workers: 7.8 ms, and three processes busy, where one alone takes 4.5 ms;
# docs/performance.md, search). Added to the URL's own ``options``, if any.
SESSION_SETTINGS = "-c max_parallel_workers_per_gather=0"


def session_options(url: str) -> str:
    """libpq's ``options`` for our sessions: the URL's own, then ``SESSION_SETTINGS``."""
    own = conninfo_to_dict(url).get("options")
    return f"{own} {SESSION_SETTINGS}" if own else SESSION_SETTINGS


def connection_kwargs(url: str, *, behind_pooler: bool = False) -> dict[str, object]:
    """psycopg's connection settings for our sessions.

    Directly on PostgreSQL: ``SESSION_SETTINGS`` travel as the startup ``options``, and
    psycopg prepares a statement it has run five times on a connection.

    Behind a transaction-mode pooler neither holds: the pooler refuses the ``options``
    startup parameter (PgBouncer answers "unsupported startup parameter"), and a statement
    prepared on one server connection is unknown on the next one the pooler lends, so
    nothing is prepared (``prepare_threshold=None``). The session settings are then the
    database's own (``ALTER DATABASE ... SET max_parallel_workers_per_gather = 0``;
    docs/deployment.md, "Behind PgBouncer").
    """
    kwargs: dict[str, object] = {"application_name": "inkslot", "connect_timeout": 10}
    if behind_pooler:
        kwargs["prepare_threshold"] = None
    else:
        kwargs["options"] = session_options(url)
    return kwargs


class Database:
    """A pool of psycopg connections returning rows as dicts.

    Created closed; :meth:`open` must run inside the event loop that will use it (the HTTP
    lifespan and the CLI do), :meth:`close` releases every connection. An app's lifespan may
    run more than once (test harnesses end and restart it): opening after a close starts a
    new pool.
    """

    def __init__(
        self,
        url: str,
        *,
        min_size: int = 2,
        max_size: int = 20,
        timeout: float = 10,
        behind_pooler: bool = False,
        name: str = "inkslot",
    ) -> None:
        """``behind_pooler``: the URL reaches PostgreSQL through a transaction-mode pooler
        (PgBouncer), where consecutive transactions of one connection may run on different
        server connections; see :func:`connection_kwargs`."""
        self._url = psycopg_url(url)
        self._sizes = (min_size, max_size)
        self._timeout = timeout
        self._kwargs = connection_kwargs(self._url, behind_pooler=behind_pooler)
        # Behind a pooler a connection's server process is the pooler's to share, and the
        # pid it reports is made up: its priority is left alone.
        self._shares_priority = not behind_pooler
        self._name = name
        self._used = False
        self._errors_before_last_connect = 0
        self._checking: asyncio.Task[None] | None = None
        self.pool = self._new_pool()

    def _new_pool(self) -> AsyncConnectionPool[Connection]:
        return AsyncConnectionPool(
            self._url,
            min_size=self._sizes[0],
            max_size=self._sizes[1],
            timeout=self._timeout,
            open=False,
            configure=self._connected,
            name=self._name,
            kwargs={"row_factory": dict_row, **self._kwargs},
        )

    async def open(self) -> None:
        if self._used:  # a psycopg pool cannot be opened again once closed
            self.pool = self._new_pool()
            self._errors_before_last_connect = 0
        self._used = True
        # wait=False: start-up must not fail because the database is briefly away; readiness
        # reports it, and connections are made as soon as it answers.
        await self.pool.open(wait=False)

    async def close(self) -> None:
        # A check of the idle connections still running must not outlive the pool (a worker
        # told to stop while it starts would wait on it).
        if self._checking is not None and not self._checking.done():
            self._checking.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._checking
        await self.pool.close(timeout=CLOSE_WITHIN)

    async def _connected(self, conn: Connection) -> None:
        """Every new connection passes here: the database answers; a lowered process's
        statements run at its priority on a server of this machine (``backend_priority``)."""
        self._errors_before_last_connect = self.pool.get_stats().get("connections_errors", 0)
        if self._shares_priority:
            share_priority(conn.info)

    def connection_wait(self) -> float:
        """How long a caller waits for a connection: the pool's timeout while the database
        answers (all connections busy: wait for one to come back), a short wait once an
        attempt to connect failed after the last one that worked (the database is away:
        waiting longer would only delay the 503 the caller is going to get)."""
        errors = self.pool.get_stats().get("connections_errors", 0)
        return NO_CONNECTION_WAIT if errors > self._errors_before_last_connect else self._timeout

    def after_lost_connection(self) -> None:
        """A connection was found broken (the database restarted, or a proxy between cut
        it): the pool's idle connections most likely are too. Check them in the background,
        one check at a time, so the next requests get working ones instead of each stale
        connection failing a request of its own (a 503 apiece after a restart)."""
        if self._checking is None or self._checking.done():
            self._checking = asyncio.get_running_loop().create_task(self._check_idle())

    async def idle_checked(self) -> None:
        """Wait for the check ``after_lost_connection`` started, if one runs."""
        if self._checking is not None:
            await asyncio.shield(self._checking)

    async def _check_idle(self) -> None:
        with contextlib.suppress(Exception):  # the database may be away still: next time
            await self.pool.check()

    async def getconn(self) -> Connection:
        return await self.pool.getconn(timeout=self.connection_wait())

    @contextlib.asynccontextmanager
    async def statement_connection(self) -> AsyncIterator[Connection]:
        """A pooled connection for statements that stand alone (a feed read, a session
        check), in autocommit: one round trip each. A pooled connection comes back in
        whatever mode its last unit of work left it, and outside autocommit a lone read
        would cost a ``BEGIN`` and a ``COMMIT`` besides."""
        async with self.pool.connection(self.connection_wait()) as conn:
            if not conn.autocommit:
                await conn.set_autocommit(True)
            yield conn


class PostgresHealthProbe(HealthProbe):
    def __init__(self, database: Database, timeout: float = 2.0) -> None:
        self._database = database
        self._timeout = timeout

    async def check(self) -> None:
        try:
            async with self._database.pool.connection(timeout=self._timeout) as conn:
                await conn.execute(ALIVE)
        except (psycopg.Error, PoolTimeout, OSError) as exc:
            raise ServiceUnavailableError("The database does not answer.") from exc
