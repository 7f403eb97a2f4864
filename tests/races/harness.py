"""The race harness: many callers released at one instant, and the SQL that judges the result.

It knows nothing about HTTP: a caller is an async ``ready`` step (open a connection, warm a
keep-alive socket) and an async ``go`` step that returns an :class:`Outcome`. The same
harness drives the real API and the deliberately unsafe path of
``tests/support/unsafe_booking.py``, which is how it shows that it can fail.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any
from uuid import UUID

import psycopg
from psycopg import sql


@dataclass(frozen=True)
class Outcome:
    status: int
    code: str | None = None


async def all_at_once(
    count: int,
    ready: Callable[[int], Awaitable[None]],
    go: Callable[[int], Awaitable[Outcome]],
) -> list[Outcome]:
    """Run ``ready(i)`` for every caller, wait until all are ready, then release every
    ``go(i)`` together (an :class:`asyncio.Barrier`, no sleeps)."""
    barrier = asyncio.Barrier(count)

    async def one(i: int) -> Outcome:
        await ready(i)
        await barrier.wait()
        return await go(i)

    return list(await asyncio.gather(*(one(i) for i in range(count))))


def tally(outcomes: Sequence[Outcome]) -> Counter[tuple[int, str | None]]:
    return Counter((o.status, o.code) for o in outcomes)


ACTIVE = ("pending", "confirmed")


def overlapping_pairs(
    conn: psycopg.Connection[Any], table: str = "bookings"
) -> list[tuple[UUID, UUID]]:
    """Pairs of active bookings of one artist whose blocked spans overlap: must be empty."""
    query = sql.SQL(
        "SELECT a.id, b.id FROM {t} a JOIN {t} b"
        " ON a.artist_id = b.artist_id AND a.id < b.id AND a.blocked && b.blocked"
        " WHERE a.status = ANY(%(active)s) AND b.status = ANY(%(active)s)"
    ).format(t=sql.Identifier(table))
    return [(row[0], row[1]) for row in conn.execute(query, {"active": list(ACTIVE)})]
