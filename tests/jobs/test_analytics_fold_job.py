"""The worker's periodic analytics fold: a booking that starts to count marks its rollup row
changed, and the next tick folds it into the platform's summaries (the figures read are the
same before and after: tests/contract/analytics)."""

from __future__ import annotations

import asyncio
import contextlib

import psycopg
import pytest

from entrypoints.container import build_container, bundles, close_adapters, open_adapters
from entrypoints.worker import run_worker
from tests.jobs.helpers import a_held_booking, eventually
from tests.support.builders import START, TEST_JWT_SECRET, cheap_settings
from tests.support.storage import PostgresUnits

pytestmark = pytest.mark.anyio


async def _one(database_url: str, sql: str) -> int:
    async with await psycopg.AsyncConnection.connect(database_url) as conn:
        row = await (await conn.execute(sql)).fetchone()
    return int(row[0]) if row and row[0] is not None else 0


async def _folded(database_url: str) -> bool:
    marked = await _one(database_url, "SELECT count(*) FROM analytics_days WHERE changed")
    counted = await _one(database_url, "SELECT sum(bookings) FROM analytics_city_days")
    return marked == 0 and counted == 1


async def test_a_tick_folds_a_changed_rollup_row_into_the_summaries(
    database_url: str, uow: PostgresUnits
) -> None:
    booking = await a_held_booking(uow, START)
    async with await psycopg.AsyncConnection.connect(database_url, autocommit=True) as conn:
        await conn.execute("UPDATE bookings SET status = 'confirmed' WHERE id = %s", (booking.id,))
    assert await _one(database_url, "SELECT count(*) FROM analytics_days WHERE changed") == 1
    settings = cheap_settings(database_url=database_url, fold_analytics_cron="* * * * * *")
    core = build_container(settings, jwt_secret=TEST_JWT_SECRET)
    await open_adapters(core)
    worker = asyncio.create_task(run_worker(settings, bundles(core), install_signal_handlers=False))
    try:
        await eventually(lambda: _folded(database_url), within=10)
    finally:
        worker.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await worker
        await close_adapters(core)
