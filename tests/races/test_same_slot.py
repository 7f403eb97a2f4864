"""Fifty customers ask for the same slot at the same instant, over real HTTP, against
``inkslot serve --workers 2`` on real PostgreSQL: exactly one gets it."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import httpx
import psycopg
import pytest

from tests.races.catalog import (
    grid_start,
    insert_artist,
    insert_service,
    iso,
    register,
    register_many,
)
from tests.races.harness import Outcome, all_at_once, overlapping_pairs, tally
from tests.support.server import ServerProcess

pytestmark = [pytest.mark.anyio, pytest.mark.serial]

CUSTOMERS = 50


def outcome_of(response: httpx.Response) -> Outcome:
    if response.status_code < 300:
        return Outcome(response.status_code)
    code = response.json().get("code") if response.content else None
    return Outcome(response.status_code, code)


async def test_fifty_customers_post_the_same_slot_at_once_and_exactly_one_gets_it(
    server: ServerProcess, db: psycopg.Connection[Any]
) -> None:
    async with httpx.AsyncClient(base_url=server.base_url, timeout=60) as setup:
        artist = insert_artist(db, await register(setup, "artist@example.com", role="artist"))
        customers = await register_many(setup, "customer", CUSTOMERS)
    service = insert_service(db, artist.id, minutes=60)
    start = grid_start(days_ahead=3)
    body = {"artistId": str(artist.id), "serviceId": str(service.id), "start": iso(start)}
    clients: dict[int, httpx.AsyncClient] = {}
    created: list[dict[str, Any]] = []

    async def ready(i: int) -> None:
        # One keep-alive connection per customer, opened before the start signal.
        clients[i] = httpx.AsyncClient(
            base_url=server.base_url, headers=customers[i].headers, timeout=60
        )
        assert (await clients[i].get("/health/live")).status_code == 200

    async def go(i: int) -> Outcome:
        response = await clients[i].post("/api/v1/bookings", json={**body, "notes": f"#{i}"})
        if response.status_code == 201:
            created.append(response.json())
        return outcome_of(response)

    try:
        outcomes = await all_at_once(CUSTOMERS, ready, go)
    finally:
        for client in clients.values():
            await client.aclose()

    counts = tally(outcomes)
    assert counts == {(201, None): 1, (409, "slot_taken"): CUSTOMERS - 1}, (
        f"{counts}\n{server.log_tail()}"
    )
    assert overlapping_pairs(db) == []
    rows = db.execute(
        "SELECT id, status, starts_at, ends_at FROM bookings WHERE artist_id = %s", (artist.id,)
    ).fetchall()
    assert len(rows) == 1
    booking_id, status, starts_at, ends_at = rows[0]
    assert str(booking_id) == created[0]["id"] and status == "confirmed"
    assert (starts_at, ends_at) == (start, start + timedelta(hours=1))
