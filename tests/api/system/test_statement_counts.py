"""What one booking costs PostgreSQL, counted, not timed: the statements and round trips of
its creation over HTTP, and of everything that tells the world about it (planning its
notifications, sending them, dispatching and delivering its webhook, the search
projection), and the jobs it queues. Deterministic: a change that adds a statement, a round
trip or a job to this path fails here until the expected figure below is changed, with the
reason beside it (docs/performance.md keeps what each figure is made of).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from uuid import UUID

import psycopg
import pytest

from adapters.postgres.database import psycopg_url
from booking_domain.notifications import NotificationId
from booking_domain.webhooks import DeliveryId
from tests.api.booking_helpers import SLOT, open_desk
from tests.api.conftest import Api, ApiFactory
from tests.jobs.webhook_receiver import Receiver, serve
from tests.support.statements import Tally, counting

pytestmark = pytest.mark.anyio
LATER = "2026-03-05T12:00:00Z"  # the counted booking's start (SLOT is the warm-up's)


@dataclass(frozen=True)
class Cost:
    statements: int
    round_trips: int
    jobs: int


# One booking created over HTTP (no Idempotency-Key): the artist's calendar context
# (catalogue version, overrides, busy time: one read) and the booking written with its
# outbox event and audit entry under the calendar lock (one statement, autocommit).
CREATION = Cost(statements=2, round_trips=2, jobs=0)
# Telling it, with every step alone in its batch (the worst case: batches share all but the
# per-event writes). The three readers of the outbox each take their turn, read their
# position and the feed, and move the position, twice (the booking's event, then the two
# inbox items' events the sending made): 6 turns, 6 feed reads, 6 positions read and moved.
# The planner stores the booking's 13 notifications in one statement and defers their 3 jobs
# in one more (reminder offsets read once). The send round reads the notifications, their
# users and the booking (3), and records its one group: the rows locked, their states in one
# statement, the inbox items in one, their events in one. The dispatcher reads the
# endpoints, stores the delivery and defers its job; the delivery reads, locks and records
# itself (and reads its endpoint). The projection recomputes the artist (its row, services,
# calendar, the runs replaced, the calendar's version). The feed's reads stand alone, in
# autocommit; 8 transactions pay a BEGIN and a COMMIT. Jobs: the messages sent now (one),
# each reminder moment (two), the delivery (one). Before the send round read and recorded
# its messages by set and the feed's reads ran in autocommit (docs/performance.md): 70
# statements, 80 round trips.
TOLD = Cost(statements=61, round_trips=68, jobs=4)


async def _jobs(api: Api) -> list[tuple[str, dict[str, object]]]:
    async with await psycopg.AsyncConnection.connect(psycopg_url(api.database_url)) as conn:
        rows = await (
            await conn.execute("SELECT task_name, args FROM procrastinate_jobs ORDER BY id")
        ).fetchall()
    return [(str(name), dict(args)) for name, args in rows]


async def _told(api: Api, before: int) -> tuple[Tally, int]:
    """What the worker does for what the feed holds (plan, dispatch, refresh), then the
    jobs that made, run in order as the worker would (without the queue's own fetch and
    finish), then the readers again over the events the jobs made (the inbox items'),
    counted together."""
    assert api.notifications is not None and api.webhooks is not None
    assert api.search is not None
    with counting() as tally:
        await api.notifications.plan_notifications()
        await api.webhooks.dispatch_webhooks()
        await api.search.refresh_free_starts()
    made = (await _jobs(api))[before:]
    with counting() as sending:
        for name, args in made:
            if name == "inkslot:send_notification":
                ids = args["notification_ids"]
                assert isinstance(ids, list)
                await api.notifications.send_notifications([NotificationId(UUID(n)) for n in ids])
            elif name == "inkslot:deliver_webhook":
                await api.webhooks.deliver_webhook(DeliveryId(UUID(str(args["delivery_id"]))))
    with counting() as after:  # the readers pass the events the sending made (inbox items)
        await api.notifications.plan_notifications()
        await api.webhooks.dispatch_webhooks()
        await api.search.refresh_free_starts()
    for part in (sending, after):
        tally.statements += part.statements
        tally.round_trips += part.round_trips
    return tally, len(made)


async def test_one_booking_costs_what_it_says(make_api: ApiFactory) -> None:
    receiver = Receiver()
    server, url = serve(receiver)
    try:
        api = await make_api(webhooks_allow_private=True)
        desk = await open_desk(api)
        hooked = await api.client.post(
            "/api/v1/webhooks", json={"url": url, "events": ["*"]}, headers=desk.auth(desk.admin)
        )
        assert hooked.status_code == 201, hooked.text
        await desk.booked(SLOT)  # warm-up: connections made, the catalogue cached
        await _told(api, 0)

        jobs, heard = len(await _jobs(api)), len(receiver.received)
        with counting() as created:
            await desk.booked(LATER)
        assert len(await _jobs(api)) == jobs
        told, made = await _told(api, jobs)
        events = [json.loads(r.body)["type"] for r in receiver.received[heard:]]
        assert events == ["booking.confirmed"], events
    finally:
        server.shutdown()

    found = {
        "creation": Cost(len(created.statements), created.round_trips, 0),
        "told": Cost(len(told.statements), told.round_trips, made),
    }
    report = f"creation:\n{created.report()}\ntold:\n{told.report()}"
    assert found == {"creation": CREATION, "told": TOLD}, report
