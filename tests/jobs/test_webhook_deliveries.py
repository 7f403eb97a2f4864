"""Webhooks end to end on real PostgreSQL, a real worker loop and a real HTTP receiver:
every delivery verifies with the Standard Webhooks verifier, a receiver answering 500 gets
the same message again (same ``webhook-id``) until it accepts, and each booking's events
arrive in their order even while an earlier one is being retried."""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections import defaultdict

import pytest
from dependency_injector import providers
from standardwebhooks.webhooks import Webhook

from adapters.system.clock import ManualClock
from booking_domain.shared import Role
from booking_domain.shared.pages import PageRequest
from booking_domain.webhooks import DeliveryStatus
from entrypoints.container import (
    LocalAdapters,
    build_container,
    bundles,
    close_adapters,
    open_adapters,
)
from entrypoints.worker import run_worker
from tests.jobs.helpers import a_held_booking, eventually
from tests.jobs.webhook_receiver import Receiver, serve
from tests.support.builders import START, TEST_JWT_SECRET, cheap_settings
from tests.support.catalog import add_user
from tests.support.storage import PostgresUnits

pytestmark = pytest.mark.anyio


async def test_signed_retried_and_in_order_per_booking(
    database_url: str, uow: PostgresUnits
) -> None:
    # The first message to arrive (a booking's booking.requested) is refused twice, retried
    # 1 s later each time, while its expiry is dispatched behind it: the expiry must wait.
    receiver = Receiver(fail_first=2)
    server, url = serve(receiver)
    settings = cheap_settings(
        database_url=database_url, expire_holds_cron="* * * * * *", purge_cron="0 0 1 1 *",
        webhook_retry_seconds=(1, 1, 1, 1), webhooks_allow_private=True,
    )  # fmt: skip
    clock = ManualClock(START)
    adapters = LocalAdapters(
        settings=settings, jwt_secret=TEST_JWT_SECRET, database_url=database_url
    )
    adapters.clock.override(providers.Object(clock))
    core = build_container(settings, jwt_secret=TEST_JWT_SECRET, adapters=adapters)
    await open_adapters(core)
    app_bundles = bundles(core)
    worker = asyncio.create_task(run_worker(settings, app_bundles, install_signal_handlers=False))
    try:
        admin = await add_user(uow, Role.ADMIN)
        endpoint = await app_bundles.webhooks.register_webhook(
            admin, url, ["booking.requested", "booking.expired"]
        )
        bookings = [await a_held_booking(uow, START) for _ in range(3)]
        subjects = {f"booking/{b.id}" for b in bookings}

        def by_subject() -> dict[str, list[str]]:
            seen: dict[str, list[str]] = defaultdict(list)
            for r in receiver.delivered():
                envelope = json.loads(r.body)
                if envelope["subject"] in subjects:
                    seen[envelope["subject"]].append(envelope["type"])
            return seen

        clock.set(max(b.hold_expires_at for b in bookings if b.hold_expires_at))

        async def all_arrived() -> bool:
            seen = by_subject()
            return len(seen) == 3 and all(len(types) == 2 for types in seen.values())

        await eventually(all_arrived, within=30)
        assert all(
            types == ["booking.requested", "booking.expired"] for types in by_subject().values()
        )
        verifier = Webhook(endpoint.secret)
        for r in receiver.received:
            verifier.verify(r.body, r.headers)  # raises on a bad signature
        opening = json.loads(receiver.received[0].body)
        assert opening["type"] == "booking.requested"
        first = opening["subject"]
        attempts = [r for r in receiver.received if json.loads(r.body)["subject"] == first]
        assert [r.status for r in attempts][:3] == [500, 500, 204]
        assert len({r.headers["webhook-id"] for r in attempts[:3]}) == 1
        log = await app_bundles.webhooks.list_deliveries(admin, endpoint.id, PageRequest(1, 50))
        mine = [d for d in log.items if d.subject == first and d.event_type == "booking.requested"]
        assert [(d.status, d.attempts) for d in mine] == [(DeliveryStatus.DELIVERED, 3)]
    finally:
        worker.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await worker
        await close_adapters(core)
        server.shutdown()
