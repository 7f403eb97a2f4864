"""Stripe's word about one paid Checkout Session arrives thirty times at once, over real
HTTP, at ``inkslot serve --workers 2`` on real PostgreSQL: the same event delivered again
and again, and distinct events about the same payment. One payment is recorded for the
invoice, every distinct event is kept once, and every delivery is answered 204."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import psycopg
import pytest

from entrypoints.fake_stripe import FakeStripe, FakeStripeApi
from tests.races.catalog import grid_start, insert_artist, insert_service, iso, register
from tests.races.harness import Outcome, all_at_once, tally
from tests.support.http_servers import serving
from tests.support.rails import STRIPE_EVENTS
from tests.support.server import ServerProcess, running_server

pytestmark = [pytest.mark.anyio, pytest.mark.serial]

DELIVERIES = 30


@pytest.fixture
def stripe() -> Iterator[tuple[FakeStripe, str]]:
    state = FakeStripe()
    with serving(FakeStripeApi(state)) as url:
        state.base_url = url
        yield state, url


@pytest.fixture
def stripe_server(
    database_url: str, tmp_path: Path, stripe: tuple[FakeStripe, str]
) -> Iterator[ServerProcess]:
    state, url = stripe
    with running_server(
        database_url,
        tmp_path / "server",
        workers=2,
        INKSLOT_PAYMENT_GATEWAY="none",
        INKSLOT_STRIPE_SECRET_KEY=state.secret_key,
        INKSLOT_STRIPE_WEBHOOK_SECRET=state.webhook_secret,
        INKSLOT_STRIPE_API_URL=url,
    ) as process:
        yield process


async def test_thirty_concurrent_webhooks_of_one_payment_record_it_once(
    stripe_server: ServerProcess,
    stripe: tuple[FakeStripe, str],
    db: psycopg.Connection[Any],
) -> None:
    state, _ = stripe
    server = stripe_server
    async with httpx.AsyncClient(base_url=server.base_url, timeout=60) as setup:
        artist = insert_artist(db, await register(setup, "artist@example.com", role="artist"))
        customer = await register(setup, "customer@example.com")
        service = insert_service(db, artist.id, deposit=2_000, price=10_000, currency="USD")
        body = {"artistId": str(artist.id), "serviceId": str(service.id)}
        start = iso(grid_start(days_ahead=3))
        booked = await setup.post(
            "/api/v1/bookings", json={**body, "start": start}, headers=customer.headers
        )
        assert booked.status_code == 201, booked.text
        booking_id = booked.json()["id"]
        invoice = await setup.post(
            f"/api/v1/bookings/{booking_id}/deposit-invoice", headers=customer.headers
        )
        assert invoice.status_code == 201, invoice.text
    session_id = invoice.json()["invoiceId"]
    state.pay(session_id)
    (completed,) = [e for e in state.events if e["type"] == "checkout.session.completed"]
    events = [completed]
    for n in range(DELIVERIES // 2):  # distinct events about the same payment
        other = copy.deepcopy(completed)
        other["id"] = f"{completed['id']}x{n}"
        other["type"] = "checkout.session.async_payment_succeeded"
        events.append(other)
    bodies = [state.signed(events[0]) for _ in range(DELIVERIES // 2)]
    bodies += [state.signed(event) for event in events[1:]]
    clients: dict[int, httpx.AsyncClient] = {}

    async def ready(i: int) -> None:
        clients[i] = httpx.AsyncClient(base_url=server.base_url, timeout=60)
        assert (await clients[i].get("/health/live")).status_code == 200

    async def go(i: int) -> Outcome:
        payload, signature = bodies[i]
        headers = {"content-type": "application/json", "stripe-signature": signature}
        answer = await clients[i].post(STRIPE_EVENTS, content=payload, headers=headers)
        return Outcome(answer.status_code)

    try:
        outcomes = await all_at_once(len(bodies), ready, go)
    finally:
        for client in clients.values():
            await client.aclose()

    assert tally(outcomes) == {(204, None): len(bodies)}, server.log_tail()
    paid = db.execute(
        "SELECT payment_id, gateway, amount, currency FROM received_payments"
        " WHERE provider_invoice_id = %s",
        (session_id,),
    ).fetchall()
    intent = state.sessions[session_id]["payment_intent"]
    assert paid == [(intent, "stripe", 2_000, "USD")]
    kept = db.execute("SELECT count(*) FROM gateway_events WHERE gateway = 'stripe'").fetchone()
    assert kept is not None and kept[0] == len(events)
    status = db.execute("SELECT status FROM bookings WHERE id = %s", (booking_id,)).fetchone()
    assert status is not None and status[0] == "confirmed"
    payloads = db.execute("SELECT payload FROM gateway_events").fetchall()
    assert {json.loads(p[0])["id"] for p in payloads} == {e["id"] for e in events}
