"""An artist's first listing of booking links makes their general link. Twenty first
listings at the same instant, over real HTTP against ``inkslot serve --workers 2``: every
one answers 200 with the same general link, and one exists (a read never answers 409)."""

from __future__ import annotations

from typing import Any

import httpx
import psycopg
import pytest

from tests.races.catalog import insert_artist, register
from tests.races.harness import Outcome, all_at_once, tally
from tests.support.server import ServerProcess

pytestmark = [pytest.mark.anyio, pytest.mark.serial]

CALLERS = 20


async def test_first_listings_at_once_share_one_general_link(
    server: ServerProcess, db: psycopg.Connection[Any]
) -> None:
    async with httpx.AsyncClient(base_url=server.base_url, timeout=60) as setup:
        account = await register(setup, "artist@example.com", role="artist")
    artist = insert_artist(db, account)
    clients: dict[int, httpx.AsyncClient] = {}
    tokens: set[str] = set()

    async def ready(i: int) -> None:
        clients[i] = httpx.AsyncClient(
            base_url=server.base_url, headers=account.headers, timeout=60
        )
        assert (await clients[i].get("/health/live")).status_code == 200

    async def go(i: int) -> Outcome:
        response = await clients[i].get("/api/v1/me/booking-links")
        if response.status_code != 200:
            return Outcome(response.status_code, response.json().get("code"))
        tokens.update(i["token"] for i in response.json()["items"] if i["serviceId"] is None)
        return Outcome(200)

    try:
        outcomes = await all_at_once(CALLERS, ready, go)
    finally:
        for client in clients.values():
            await client.aclose()

    assert tally(outcomes) == {(200, None): CALLERS}, server.log_tail()
    assert len(tokens) == 1
    general = db.execute(
        "SELECT count(*) FROM booking_links WHERE artist_id = %s AND service_id IS NULL",
        (artist.id,),
    ).fetchone()
    assert general == (1,)
