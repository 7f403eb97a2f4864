"""A deliberately UNSAFE booking path, for the test suite only: never copy it.

It does what most booking systems do and what Inkslot must not: read whether the time is
free, then insert, in two steps, on a table with no exclusion constraint behind them. Two
requests that both pass the check before either inserts both succeed: a double booking.
``pg_sleep`` between the check and the insert makes that window wide and reliable.

The race harness (``tests/races/harness.py``) is pointed at this path to show that it can
see a double booking when there is one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

import psycopg

from booking_domain.bookings import new_booking_reference
from booking_domain.shared import new_uuid7

UNSAFE_TABLE = "unsafe_bookings"

# A copy of the bookings table's columns and defaults, but none of its constraints (LIKE
# copies no CHECK, EXCLUDE, UNIQUE or FOREIGN KEY without INCLUDING CONSTRAINTS/INDEXES).
_CREATE = f"CREATE TABLE IF NOT EXISTS {UNSAFE_TABLE} (LIKE bookings INCLUDING DEFAULTS)"


def create_unsafe_table(conn: psycopg.Connection[Any]) -> None:
    conn.execute(_CREATE)
    (exclusions,) = conn.execute(
        "SELECT count(*) FROM pg_constraint WHERE conrelid = %s::regclass AND contype = 'x'",
        (UNSAFE_TABLE,),
    ).fetchone() or (0,)
    assert exclusions == 0, "the unsafe table must not carry the exclusion constraint"


@dataclass(frozen=True)
class UnsafeRequest:
    artist_id: UUID
    artist_user_id: UUID
    service_id: UUID
    customer_id: UUID
    start: datetime
    end: datetime


async def unsafe_check_then_insert(
    conn: psycopg.AsyncConnection[Any], request: UnsafeRequest, race_window_s: float = 0.05
) -> bool:
    """True when the booking was written, False when the check saw the time taken."""
    async with conn.transaction():
        taken = await conn.execute(
            f"SELECT 1 FROM {UNSAFE_TABLE} WHERE artist_id = %s"  # noqa: S608 - a constant
            " AND status IN ('pending', 'confirmed') AND blocked && tstzrange(%s, %s)",
            (request.artist_id, request.start, request.end),
        )
        if await taken.fetchone() is not None:
            return False
        await conn.execute("SELECT pg_sleep(%s)", (race_window_s,))
        await conn.execute(
            f"INSERT INTO {UNSAFE_TABLE} (id, reference, artist_id, artist_user_id,"  # noqa: S608
            " customer_id, service_id, starts_at, ends_at, blocked, status, payment_status,"
            " requires_approval, approved, currency, deposit_amount, version, status_changed_at)"
            " VALUES (%s, %s, %s, %s, %s, %s, %s, %s, tstzrange(%s, %s), 'confirmed', 'unpaid',"
            " false, true, 'MNT', 0, 1, now())",
            (
                new_uuid7(),
                new_booking_reference(),
                request.artist_id,
                request.artist_user_id,
                request.customer_id,
                request.service_id,
                request.start,
                request.end,
                request.start,
                request.end,
            ),
        )
    return True
