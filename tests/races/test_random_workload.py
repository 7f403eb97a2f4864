"""A randomized workload: concurrent customers create, cancel and reschedule bookings while
holds are expired underneath them, against ``inkslot serve --workers 2``. Afterwards SQL
checks that no two active bookings of an artist overlap, and every answer was documented.

Bounded by a request budget and a wall-clock cap (about 15 s), never by sleeping. Holds
expire by moving ``hold_expires_at`` into the past (the clock is real) and running
``inkslot expire-holds``; creation and rescheduling also clear expired holds themselves.
"""

from __future__ import annotations

import asyncio
import os
import random
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any
from uuid import UUID

import httpx
import psycopg
import pytest

from tests.races.catalog import (
    Account,
    ServiceRow,
    grid_start,
    insert_artist,
    insert_service,
    iso,
    register,
    register_many,
)
from tests.races.harness import overlapping_pairs
from tests.support.server import ServerProcess

pytestmark = [pytest.mark.anyio, pytest.mark.serial]

CUSTOMERS = 12
REQUESTS_PER_CUSTOMER = 250
WALL_CLOCK_CAP_S = 15.0
SEED = int(os.environ.get("RACE_SEED", "0")) or random.randrange(1, 1 << 30)

# What each operation may answer (status -> stable codes), from the API's documentation.
DOCUMENTED: dict[str, dict[int, set[str | None]]] = {
    "create": {201: {None}, 409: {"slot_taken"}, 422: {"not_bookable", "artist_not_bookable"}},
    "cancel": {200: {None}, 409: {"invalid_transition", "hold_expired", "concurrent_update"}},
    "reschedule": {
        200: {None},
        409: {"slot_taken", "invalid_transition", "hold_expired", "concurrent_update"},
        422: {"not_bookable", "too_late_to_change"},
    },
}


@dataclass
class Journal:
    answers: Counter[tuple[str, int, str | None]] = field(default_factory=Counter)
    created: set[UUID] = field(default_factory=set)
    cancelled: set[UUID] = field(default_factory=set)
    expire_runs: int = 0
    backdated: int = 0  # pending holds moved into the past while the workload ran
    # Set at the first pending hold: until then the expirer would sweep an empty table, and
    # one sweep (a fresh process on a loaded machine) can take most of the time cap.
    first_hold: asyncio.Event = field(default_factory=asyncio.Event)

    def record(self, op: str, response: httpx.Response) -> None:
        code = None
        if response.status_code >= 300 and response.content:
            code = response.json().get("code")
        self.answers[(op, response.status_code, code)] += 1

    def undocumented(self) -> dict[tuple[str, int, str | None], int]:
        return {
            key: n
            for key, n in self.answers.items()
            if key[1] < 500 and key[2] not in DOCUMENTED[key[0]].get(key[1], set())
        }

    def server_errors(self) -> dict[tuple[str, int, str | None], int]:
        return {key: n for key, n in self.answers.items() if key[1] >= 500}

    def successes(self, op: str) -> int:
        return sum(n for (o, status, _), n in self.answers.items() if o == op and status < 300)


async def customer_loop(
    client: httpx.AsyncClient,
    rng: random.Random,
    services: list[ServiceRow],
    starts: list[datetime],
    journal: Journal,
    stop_at: float,
) -> None:
    mine: list[UUID] = []
    for _ in range(REQUESTS_PER_CUSTOMER):
        if time.monotonic() > stop_at:
            return
        roll = rng.random()
        if not mine or roll < 0.5:
            service = rng.choice(services)
            response = await client.post(
                "/api/v1/bookings",
                json={
                    "artistId": str(service.artist_id),
                    "serviceId": str(service.id),
                    "start": iso(rng.choice(starts)),
                    "notes": "random workload",
                },
            )
            journal.record("create", response)
            if response.status_code == 201:
                booking_id = UUID(response.json()["id"])
                if response.json()["status"] == "pending":
                    journal.first_hold.set()
                mine.append(booking_id)
                journal.created.add(booking_id)
        elif roll < 0.7:
            booking_id = mine.pop(rng.randrange(len(mine)))
            response = await client.patch(
                f"/api/v1/bookings/{booking_id}",
                json={"status": "cancelled", "reason": "plans changed"},
            )
            journal.record("cancel", response)
            if response.status_code == 200:
                journal.cancelled.add(booking_id)
        else:
            booking_id = rng.choice(mine)
            response = await client.post(
                f"/api/v1/bookings/{booking_id}/reschedule", json={"start": iso(rng.choice(starts))}
            )
            journal.record("reschedule", response)


async def expire_loop(
    server: ServerProcess, database_url: str, rng: random.Random, journal: Journal, stop_at: float
) -> None:
    """Once the first hold exists, move a few pending holds into the past, then sweep with
    ``inkslot expire-holds``; each CLI run (a fresh process) paces the loop."""
    try:
        await asyncio.wait_for(
            journal.first_hold.wait(), timeout=max(0.0, stop_at - time.monotonic())
        )
    except TimeoutError:
        return  # no hold was ever made: the assertions after the workload say so
    async with await psycopg.AsyncConnection.connect(database_url, autocommit=True) as conn:
        while time.monotonic() < stop_at:
            moved = await conn.execute(
                "UPDATE bookings SET hold_expires_at = now() - interval '1 minute'"
                " WHERE id IN (SELECT id FROM bookings WHERE status = 'pending'"
                " ORDER BY random() LIMIT %s)",
                (rng.randint(1, 3),),
            )
            journal.backdated += moved.rowcount
            process = await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                "entrypoints.cli",
                "expire-holds",
                env=dict(server.env),
                stdout=asyncio.subprocess.PIPE,
                stderr=asyncio.subprocess.STDOUT,
            )
            output, _ = await process.communicate()
            assert process.returncode == 0, output.decode(errors="replace")
            journal.expire_runs += 1


async def test_random_create_cancel_reschedule_expire_never_overlaps(
    server: ServerProcess, database_url: str, db: psycopg.Connection[Any]
) -> None:
    rng = random.Random(SEED)
    async with httpx.AsyncClient(base_url=server.base_url, timeout=60) as setup:
        artists = [
            insert_artist(db, await register(setup, f"artist-{n}@example.com", role="artist"))
            for n in range(2)
        ]
        customers: list[Account] = await register_many(setup, "customer", CUSTOMERS)
    services: list[ServiceRow] = []
    for artist in artists:
        # Different lengths, buffers and deposits: starts half an hour apart collide in
        # many ways, and deposit services leave pending holds for the expirer.
        services.append(insert_service(db, artist.id, minutes=60))
        services.append(insert_service(db, artist.id, minutes=90, after=15, deposit=20_000))
        services.append(insert_service(db, artist.id, minutes=30, before=15, deposit=10_000))
    day = grid_start(days_ahead=3, hour=9)
    starts = [day + timedelta(minutes=30 * k) for k in range(16)]

    journal = Journal()
    stop_at = time.monotonic() + WALL_CLOCK_CAP_S
    clients = [
        httpx.AsyncClient(base_url=server.base_url, headers=c.headers, timeout=60)
        for c in customers
    ]
    try:
        await asyncio.gather(
            *(
                customer_loop(
                    client, random.Random(rng.random()), services, starts, journal, stop_at
                )
                for client in clients
            ),
            expire_loop(server, database_url, random.Random(rng.random()), journal, stop_at),
        )
    finally:
        for client in clients:
            await client.aclose()

    summary = f"seed {SEED}: {sorted(journal.answers.items())}"
    assert journal.server_errors() == {}, f"{summary}\n{server.log_tail()}"
    assert journal.undocumented() == {}, summary
    assert overlapping_pairs(db) == [], summary

    # The database agrees with what the clients were told.
    stored = dict(db.execute("SELECT id, status FROM bookings").fetchall())
    assert journal.created <= stored.keys()
    assert {stored[b] for b in journal.cancelled} <= {"cancelled"}
    # The workload really exercised every path (counts, not timings).
    assert journal.successes("create") > 0 and journal.successes("cancel") > 0, summary
    assert journal.successes("reschedule") > 0 and journal.expire_runs > 0, summary
    summary += f"; {journal.expire_runs} sweeps, {journal.backdated} holds run out"
    assert journal.backdated > 0, summary

    # Finally, deterministically: a fresh hold, run out and swept by the CLI.
    async with httpx.AsyncClient(base_url=server.base_url, headers=customers[0].headers) as c:
        deposit_service = services[1]
        response = await c.post(
            "/api/v1/bookings",
            json={
                "artistId": str(deposit_service.artist_id),
                "serviceId": str(deposit_service.id),
                "start": iso(day + timedelta(days=1)),
            },
        )
    assert response.status_code == 201 and response.json()["status"] == "pending", response.text
    db.execute(
        "UPDATE bookings SET hold_expires_at = now() - interval '1 minute' WHERE status = 'pending'"
    )
    swept = server.cli("expire-holds")
    assert swept.returncode == 0, swept.stdout + swept.stderr
    assert db.execute("SELECT count(*) FROM bookings WHERE status = 'pending'").fetchone() == (0,)
    final = db.execute(
        "SELECT status, cancellation_reason FROM bookings WHERE id = %s", (response.json()["id"],)
    ).fetchone()
    assert final == ("cancelled", "expired")
    assert overlapping_pairs(db) == []
