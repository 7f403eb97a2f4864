"""The event stream across real processes: a listener on one API process hears a change
committed through another within a second; a reconnect with ``Last-Event-ID`` gets what it
missed, once and in order; nobody hears another customer's bookings; browsers open it with a
ticket."""

from __future__ import annotations

import asyncio
import os
import signal
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TypedDict

import httpx
import pytest

from adapters.postgres.database import Database
from tests.api.stream.stream_client import open_stream
from tests.support.builders import TEST_JWT_SECRET, TEST_SECRETS
from tests.support.catalog import BookableArtist, add_bookable_artist
from tests.support.postgres import TestServer, fresh_database
from tests.support.server import ServerProcess, running_server
from tests.support.storage import postgres_units

pytestmark = pytest.mark.serial

PASSWORD = "violet-needle-harbour"


REDIS_URL = os.environ.get("INKSLOT_REDIS_URL")
WITH_REDIS = pytest.param(
    "redis", marks=pytest.mark.skipif(not REDIS_URL, reason="INKSLOT_REDIS_URL is not set")
)


class _Deployment(TypedDict, total=False):
    """What the processes of one deployment share: ``running_server``'s environment."""

    INKSLOT_JWT_SECRET: str
    INKSLOT_REDIS_URL: str
    INKSLOT_REDIS_NAMESPACE: str


def _deployment(relays: str) -> _Deployment:
    """One deployment: one signing secret; with Redis, one namespace of its own."""
    shared: _Deployment = {"INKSLOT_JWT_SECRET": TEST_JWT_SECRET}
    if relays == "redis" and REDIS_URL:
        shared |= {
            "INKSLOT_REDIS_URL": REDIS_URL,
            "INKSLOT_REDIS_NAMESPACE": f"inkslot-test-{uuid.uuid4().hex}",
        }
    return shared


@pytest.fixture(scope="module")
def stream_database(pg_server: TestServer, pg_template: str) -> Iterator[str]:
    """The module's database: its tests share the processes serving it (each test with
    people and an artist of its own, who hear only their own events)."""
    with fresh_database(pg_server, pg_template) as url:
        yield url


@pytest.fixture(scope="module", params=["a relay per process", WITH_REDIS])
def servers(
    request: pytest.FixtureRequest,
    stream_database: str,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[ServerProcess, ServerProcess]]:
    """Two API processes on one database (each its own `inkslot serve`): each following the
    outbox itself, or, with Redis, one relay for both, heard through Redis pub/sub."""
    shared = _deployment(request.param)
    home = tmp_path_factory.mktemp("servers")
    with (
        running_server(stream_database, home / "a", workers=1, forked=True, **shared) as a,
        running_server(stream_database, home / "b", workers=1, forked=True, **shared) as b,
    ):
        yield a, b


def email(name: str) -> str:
    """An address no other test of the module registers."""
    return f"{name}-{uuid.uuid4().hex[:8]}@example.com"


@pytest.fixture
def artist(stream_database: str) -> BookableArtist:
    return artist_on(stream_database)


def artist_on(database_url: str) -> BookableArtist:
    async def make() -> BookableArtist:
        database = Database(database_url, min_size=1, max_size=2)
        await database.open()
        try:
            return await add_bookable_artist(postgres_units(database, secrets=TEST_SECRETS))
        finally:
            await database.close()

    return asyncio.run(make())


def register(server: ServerProcess, email: str) -> str:
    body = {"email": email, "password": PASSWORD, "name": "Ada", "role": "customer"}
    response = httpx.post(server.base_url + "/api/v1/auth/register", json=body, timeout=30)
    assert response.status_code == 201, response.text
    return str(response.json()["tokens"]["accessToken"])


def book(server: ServerProcess, token: str, artist: BookableArtist, day: int) -> dict[str, Any]:
    start = (datetime.now(UTC) + timedelta(days=day)).replace(
        hour=10, minute=0, second=0, microsecond=0
    )
    body = {
        "artistId": str(artist.id),
        "serviceId": str(artist.service.id),
        "start": start.isoformat(),
    }
    response = httpx.post(
        server.base_url + "/api/v1/bookings",
        json=body,
        headers={"authorization": f"Bearer {token}"},
        timeout=30,
    )
    assert response.status_code == 201, response.text
    return dict(response.json())


def cancel(server: ServerProcess, token: str, booking_id: str) -> None:
    response = httpx.patch(
        f"{server.base_url}/api/v1/bookings/{booking_id}",
        json={"status": "cancelled", "reason": "changed plans"},
        headers={"authorization": f"Bearer {token}"},
        timeout=30,
    )
    assert response.status_code == 200, response.text


def test_a_change_through_one_process_reaches_a_listener_on_the_other(
    servers: tuple[ServerProcess, ServerProcess], artist: BookableArtist
) -> None:
    a, b = servers
    ada, bo = register(a, email("ada")), register(a, email("bo"))
    with open_stream(b.base_url, token=ada) as stream:
        committed = time.monotonic()
        booking = book(a, ada, artist, day=3)
        message = stream.next_message()
        assert time.monotonic() - committed < 1.5  # the request itself, then under a second
    # No deposit and no approval: the request is confirmed at once, and says so.
    assert message.event == "booking.confirmed"
    assert message.data["subject"] == f"booking/{booking['id']}"
    assert message.data["sequence"] == 1
    assert message.data["data"]["booking"]["status"] == "confirmed"
    assert message.data["data"]["change"]["kind"] == "requested"
    with open_stream(b.base_url, token=bo, last_event_id=message.id, wait=2) as others:
        book(a, bo, artist, day=4)  # Bo hears his own booking, never Ada's
        mine = others.next_message()
        assert mine.data["data"]["booking"]["customerId"] != booking["customerId"]


def test_a_reconnect_with_last_event_id_gets_what_it_missed_once_and_in_order(
    servers: tuple[ServerProcess, ServerProcess], artist: BookableArtist
) -> None:
    a, b = servers
    ada = register(a, email("ada"))
    with open_stream(b.base_url, token=ada) as stream:
        first = book(a, ada, artist, day=5)
        seen = stream.next_message()
    # Dropped. Meanwhile: a second booking, and both are cancelled.
    second = book(a, ada, artist, day=6)
    cancel(a, ada, first["id"])
    cancel(b, ada, second["id"])
    with open_stream(a.base_url, token=ada, last_event_id=seen.id, wait=2) as resumed:
        missed = resumed.messages(3)
        with pytest.raises(httpx.ReadTimeout):  # and nothing more, nothing twice
            resumed.next_message()
    assert [(m.event, m.data["subject"]) for m in missed] == [
        ("booking.confirmed", f"booking/{second['id']}"),
        ("booking.cancelled", f"booking/{first['id']}"),
        ("booking.cancelled", f"booking/{second['id']}"),
    ]
    assert [m.id for m in missed] == sorted(m.id for m in missed)
    assert seen.id < missed[0].id


@pytest.mark.skipif(not REDIS_URL, reason="INKSLOT_REDIS_URL is not set")
def test_with_redis_the_relay_moves_to_a_survivor_when_its_process_is_killed(
    database_url: str, tmp_path: Path
) -> None:
    """The first process to start relays for both; SIGKILL it, and the other takes over
    once the lease runs out (3 s): a change committed meanwhile arrives late, not never.
    On a database of its own: no other deployment's processes follow its outbox."""
    artist = artist_on(database_url)
    shared = _deployment("redis")
    with running_server(database_url, tmp_path / "a", workers=1, forked=True, **shared) as a:
        ada = register(a, email("ada"))
        with open_stream(a.base_url, token=ada) as stream:  # a relays: it hears its own
            book(a, ada, artist, day=7)
            stream.next_message()
        with running_server(database_url, tmp_path / "b", workers=1, forked=True, **shared) as b:
            a.process.send_signal(signal.SIGKILL)
            a.process.wait(timeout=30)
            with open_stream(b.base_url, token=ada, wait=10) as stream:
                booking = book(b, ada, artist, day=8)
                message = stream.next_message()
            assert message.data["subject"] == f"booking/{booking['id']}", b.log_tail()
            assert "this process relays events" in b.log_path.read_text()


def test_a_browser_opens_the_stream_with_a_ticket_and_bad_cursors_are_refused(
    servers: tuple[ServerProcess, ServerProcess], artist: BookableArtist
) -> None:
    a, _ = servers
    ada = register(a, email("ada"))
    auth = {"authorization": f"Bearer {ada}"}
    issued = httpx.post(a.base_url + "/api/v1/events/tickets", headers=auth, timeout=10)
    assert issued.status_code == 201, issued.text
    ticket = issued.json()["ticket"]
    me = httpx.get(
        a.base_url + "/api/v1/me", headers={"authorization": f"Bearer {ticket}"}, timeout=10
    )
    assert me.status_code == 401  # a ticket opens the stream, nothing else
    with open_stream(a.base_url, query={"ticket": ticket}) as stream:
        booking = book(a, ada, artist, day=7)
        assert stream.next_message().data["subject"] == f"booking/{booking['id']}"
    for params, headers, status in (
        ({"ticket": "nonsense"}, {}, 401),
        ({}, {}, 401),
        ({"lastEventId": "not-a-cursor"}, auth, 422),
    ):
        response = httpx.get(
            a.base_url + "/api/v1/events/stream", params=params, headers=headers, timeout=10
        )
        assert response.status_code == status, response.text


def test_an_in_app_notification_is_pushed_to_its_recipient_on_the_stream(
    servers: tuple[ServerProcess, ServerProcess], artist: BookableArtist
) -> None:
    """The worker inside each local process files the booking's inbox item; the stream of
    its recipient (on either process) hears ``notification.created`` with the item."""
    a, b = servers
    ada = register(a, email("ada"))
    with open_stream(b.base_url, token=ada, ignore=frozenset()) as stream:
        booking = book(a, ada, artist, day=3)
        events = [stream.next_message() for _ in range(2)]
    assert [m.event for m in events] == ["booking.confirmed", "notification.created"]
    item = events[1].data["data"]["notification"]
    assert item["bookingId"] == booking["id"] and item["kind"] == "booking.confirmed"
    assert item["title"] == f"Booking {booking['reference']} is confirmed"
    inbox = httpx.get(
        b.base_url + "/api/v1/me/notifications",
        headers={"authorization": f"Bearer {ada}"},
        timeout=30,
    ).json()
    assert [i["id"] for i in inbox["items"]] == [item["id"]]
