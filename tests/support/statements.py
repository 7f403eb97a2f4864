"""Counting what a piece of work sends PostgreSQL, deterministically: every statement
executed through psycopg (ours, SQLAlchemy-compiled or hand-tuned, and procrastinate's), and
the round trips they cost (a statement each, plus the ``BEGIN`` psycopg sends before the
first statement of a transaction and the ``COMMIT``/``ROLLBACK`` that ends one).

Only work done inside ``counting()``'s block is counted, and the tasks it starts: the count
follows a context variable, so the background tasks an app started earlier (the outbox
relay, the pool watch) are not counted.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

import psycopg
import pytest
from psycopg.pq import TransactionStatus


@dataclass
class Tally:
    statements: list[str] = field(default_factory=list)
    round_trips: int = 0
    open: set[int] = field(default_factory=set)  # connections in a transaction begun here

    def by_statement(self) -> Counter[str]:
        """How many times each statement ran, by its first 100 characters."""
        return Counter(" ".join(s.split())[:100] for s in self.statements)

    def report(self) -> str:
        lines = [f"{n:3d}  {text}" for text, n in sorted(self.by_statement().items())]
        return "\n".join(lines)


_TALLY: ContextVar[Tally | None] = ContextVar("statement_tally", default=None)


def _text(query: object) -> str:
    if isinstance(query, bytes):
        return query.decode()
    if isinstance(query, str):
        return query
    as_string = getattr(query, "as_string", None)  # psycopg.sql.Composable
    return str(as_string(None)) if callable(as_string) else repr(query)


def _begins(connection: psycopg.AsyncConnection[Any]) -> bool:
    """Whether psycopg sends ``BEGIN`` before the next statement on ``connection``."""
    idle = connection.info.transaction_status == TransactionStatus.IDLE
    return idle and not connection.autocommit


def _count(tally: Tally, connection: psycopg.AsyncConnection[Any], statements: list[str]) -> None:
    """One round trip for ``statements`` (a pipeline's, or one), and one more when psycopg
    begins a transaction before them."""
    if _begins(connection):
        tally.round_trips += 1
        tally.open.add(id(connection))
    tally.round_trips += 1
    tally.statements += statements


def _counted_execute(original: Callable[..., Any]) -> Callable[..., Any]:
    async def execute(self: psycopg.AsyncCursor[Any], query: object, *args: Any, **kw: Any) -> Any:
        tally = _TALLY.get()
        if tally is not None:
            _count(tally, self.connection, [_text(query)])
        return await original(self, query, *args, **kw)

    return execute


def _counted_executemany(original: Callable[..., Any]) -> Callable[..., Any]:
    """psycopg sends ``executemany``'s statements in one pipeline: one round trip."""

    async def executemany(
        self: psycopg.AsyncCursor[Any], query: object, rows: Any, **kw: Any
    ) -> Any:
        rows = list(rows)
        tally = _TALLY.get()
        if tally is not None:
            _count(tally, self.connection, [_text(query)] * len(rows))
        return await original(self, query, rows, **kw)

    return executemany


def _counted_end(original: Callable[..., Any], word: str) -> Callable[..., Any]:
    async def end(self: psycopg.AsyncConnection[Any]) -> Any:
        tally = _TALLY.get()
        # Only the end of a transaction the counted work began (not, say, a pool's own).
        if tally is not None and id(self) in tally.open:
            tally.open.discard(id(self))
            tally.round_trips += 1
            tally.statements.append(word)
        return await original(self)

    return end


@contextmanager
def counting() -> Iterator[Tally]:
    """Count the statements and round trips of the work in the block (and the tasks it
    starts)."""
    cursor, connection = psycopg.AsyncCursor, psycopg.AsyncConnection
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(cursor, "execute", _counted_execute(cursor.execute))
        patch.setattr(cursor, "executemany", _counted_executemany(cursor.executemany))
        patch.setattr(connection, "commit", _counted_end(connection.commit, "COMMIT"))
        patch.setattr(connection, "rollback", _counted_end(connection.rollback, "ROLLBACK"))
        tally = Tally()
        token = _TALLY.set(tally)
        try:
            yield tally
        finally:
            _TALLY.reset(token)
