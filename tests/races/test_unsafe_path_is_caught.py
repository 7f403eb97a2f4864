"""The harness can fail: on a check-then-insert path with no constraint behind it, the
same simultaneous start and the same SQL judge find the double booking."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import psycopg
import pytest

from booking_domain.shared import new_uuid7
from tests.races.catalog import grid_start
from tests.races.harness import Outcome, all_at_once, overlapping_pairs, tally
from tests.support.unsafe_booking import (
    UNSAFE_TABLE,
    UnsafeRequest,
    create_unsafe_table,
    unsafe_check_then_insert,
)

pytestmark = pytest.mark.anyio

CALLERS = 50


async def test_harness_reports_overlaps_on_the_unsafe_check_then_insert_path(
    database_url: str, db: psycopg.Connection[Any]
) -> None:
    create_unsafe_table(db)
    artist_id, artist_user_id, service_id = new_uuid7(), new_uuid7(), new_uuid7()
    start = grid_start(days_ahead=3)
    connections: dict[int, psycopg.AsyncConnection[Any]] = {}

    async def ready(i: int) -> None:
        connections[i] = await psycopg.AsyncConnection.connect(database_url, autocommit=True)

    async def go(i: int) -> Outcome:
        request = UnsafeRequest(
            artist_id, artist_user_id, service_id, new_uuid7(), start, start + timedelta(hours=1)
        )
        written = await unsafe_check_then_insert(connections[i], request)
        return Outcome(201) if written else Outcome(409, "slot_taken")

    try:
        outcomes = await all_at_once(CALLERS, ready, go)
    finally:
        for conn in connections.values():
            await conn.close()

    counts = tally(outcomes)
    pairs = overlapping_pairs(db, UNSAFE_TABLE)
    assert counts[(201, None)] > 1, counts  # more than one caller was told "booked"
    assert len(pairs) >= 1, counts  # and the judge sees the double booking in the table
