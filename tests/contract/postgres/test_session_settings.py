"""Every pooled session runs without parallel workers, and keeps the URL's own options."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from adapters.postgres.database import Database

pytestmark = pytest.mark.anyio


async def _settings(url: str, *names: str) -> list[str]:
    database = Database(url, min_size=1)
    await database.open()
    try:
        async with database.pool.connection() as conn:
            values = []
            for name in names:
                row = await (
                    await conn.execute("SELECT current_setting(%s) AS v", (name,))
                ).fetchone()
                assert row is not None
                values.append(str(row["v"]))
            return values
    finally:
        await database.close()


async def test_sessions_plan_without_parallel_workers(database_url: str) -> None:
    assert await _settings(database_url, "max_parallel_workers_per_gather") == ["0"]


async def test_the_urls_own_options_still_apply(database_url: str) -> None:
    options = quote("-c statement_timeout=7s")
    joined = "&" if "?" in database_url else "?"
    url = f"{database_url}{joined}options={options}"
    assert await _settings(url, "statement_timeout", "max_parallel_workers_per_gather") == [
        "7s",
        "0",
    ]
