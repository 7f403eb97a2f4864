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
from typing import Any
from uuid import UUID

import psycopg
import pytest

from adapters.postgres.database import psycopg_url
from booking_domain.notifications import NotificationId
from booking_domain.webhooks import DeliveryId, WebhookId
from tests.api.booking_helpers import BOOKINGS, SLOT, Desk, open_desk
from tests.api.conftest import Api, ApiFactory
from tests.api.media.uploads import finished_upload
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
# per-event writes). The four readers of the outbox each take their turn, read their
# position and the feed, and move the position, twice (the booking's event, then the two
# inbox items' events the sending made): 8 turns, 8 feed reads, 8 positions read and moved.
# The waitlist's reader reads only the events that free time (none here): each pass reads
# the feed's tail first and moves its position there, in a transaction of its own (2 tails,
# 2 more transactions). The planner asks once per batch holding a booking's confirmation
# which of its bookings' artists require a consent form (one read), stores the booking's 13
# notifications in one statement (the 8 reminders among them marked held: days ahead, their
# jobs are queued by the minute's sweep shortly before their moments, not now) and defers
# the job of the 5 sent now in one more (reminder offsets read once). The send round reads
# the notifications, their users and the booking (3), and records its one group: the rows
# locked, their states in one statement, the inbox items in one, their events in one. The
# dispatcher reads the endpoints, stores the delivery and defers its round's job (one per
# endpoint and batch); the round reads its deliveries with their endpoint (one), asks which
# of their subjects have a delivery's job queued (one: a round's cost, shared by the
# batch's bookings) and writes their outcomes in one statement that checks each is still
# as read, in autocommit (with a job per delivery: the same, less the question, 71
# statements and 79 round trips; before that the delivery and its endpoint were read apart,
# the row locked, then written in a transaction: 74 statements, 83 round trips). The
# projection recomputes the artist (its row, services, calendar, the runs replaced, the
# calendar's version). The feed's reads stand alone, in autocommit; 9 transactions pay a
# BEGIN and a COMMIT. Jobs: the messages sent now (one), the webhook round (one); until reminders
# were held, each reminder moment's too (two more, and a send round each when the worker
# ran them: 76 statements, 85 round trips, 4 jobs). Before the send round read and recorded
# its messages by set and the feed's reads ran in autocommit (docs/performance.md): 70
# statements, 80 round trips; then 61 and 68, before the consent forms' read (+1) and the
# waitlist's reader (+12 statements, +14 round trips: it runs once a second, whatever the
# number of bookings, so in a burst its share of a booking is a small fraction of this). The
# texts the customer's booking causes (its confirmation and two reminders) are charged to
# the customer in the planner's transaction: their day read, then counted up (+2, +2).
TOLD = Cost(statements=72, round_trips=80, jobs=2)


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
    with counting() as tally:
        await api.bundles.notifications.plan_notifications()
        await api.bundles.webhooks.dispatch_webhooks()
        await api.bundles.search.refresh_free_starts()
        await api.bundles.waitlist.offer_freed_times()
    made = (await _jobs(api))[before:]
    with counting() as sending:
        for name, args in made:
            if name == "inkslot:send_notification":
                ids = args["notification_ids"]
                assert isinstance(ids, list)
                await api.bundles.notifications.send_notifications(
                    [NotificationId(UUID(n)) for n in ids]
                )
            elif name == "inkslot:deliver_webhook_round":
                ids = args["delivery_ids"]
                assert isinstance(ids, list)
                await api.bundles.webhooks.deliver_webhook_round(
                    WebhookId(UUID(str(args["endpoint_id"]))), [DeliveryId(UUID(i)) for i in ids]
                )
            else:
                raise AssertionError(f"a job this count does not run: {name}")
    with counting() as after:  # the readers pass the events the sending made (inbox items)
        await api.bundles.notifications.plan_notifications()
        await api.bundles.webhooks.dispatch_webhooks()
        await api.bundles.search.refresh_free_starts()
        await api.bundles.waitlist.offer_freed_times()
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


async def _flash_size(desk: Desk, *, approval: bool = False, **size: Any) -> str:
    """The id of the one size of a new one-off flash design of the desk's artist (switched
    to needing approval, as any service, when ``approval``)."""
    auth = desk.auth(desk.artist.session)
    upload = await finished_upload(desk.api, auth)
    variant = {"sizeLabel": "S", "durationMinutes": 60, "price": {"amount": 150_000}, **size}
    body = {"uploadId": upload["id"], "title": "Swallow", "oneOff": True, "variants": [variant]}
    made = await desk.api.client.post("/api/v1/me/flash", json=body, headers=auth)
    assert made.status_code == 201, made.text
    size_id = str(made.json()["variants"][0]["id"])
    if approval:
        changed = await desk.api.client.patch(
            f"/api/v1/artists/{desk.artist.id}/services/{size_id}",
            json={"requiresApproval": True},
            headers=auth,
        )
        assert changed.status_code == 200, changed.text
    return size_id


def _claims(tally: Tally) -> int:
    return sum("flash_designs" in s for s in tally.statements)


async def test_confirming_a_plain_booking_runs_no_flash_claim(make_api: ApiFactory) -> None:
    """The artist's approval and a deposit's payment claim a one-off flash design only for a
    booking of one of its sizes (``Booking.one_off_design_id``, kept since creation): a plain
    service's costs one statement less than the same confirmation of a one-off size, the
    claim. Before migration 0044 every approval and deposit confirmation ran it."""
    api = await make_api()
    approving = await open_desk(api, service={"requiresApproval": True})
    approving_flash = await _flash_size(approving, approval=True)
    paying = await open_desk(api, service={"deposit": {"percent": 10}}, admin=approving.admin)
    paying_flash = await _flash_size(paying, deposit={"percent": 10})

    async def approved(desk: Desk, start: str, **body: Any) -> Tally:
        booked = await desk.book(start, **body)
        assert booked.status_code == 201 and booked.json()["status"] == "pending", booked.text
        with counting() as tally:
            done = await desk.patch(booked.json()["id"], desk.artist.session, status="confirmed")
        assert done.status_code == 200 and done.json()["status"] == "confirmed", done.text
        return tally

    async def paid(desk: Desk, start: str, **body: Any) -> Tally:
        booked = await desk.book(start, **body)
        assert booked.status_code == 201 and booked.json()["status"] == "pending", booked.text
        made = await api.client.post(
            f"{BOOKINGS}/{booked.json()['id']}/deposit-invoice", headers=desk.auth(desk.customer)
        )
        assert made.status_code == 201, made.text
        assert api.sandbox is not None
        with counting() as tally:
            await api.sandbox.pay(made.json()["invoiceId"])
        read = await desk.get(f"/{booked.json()['id']}", desk.customer)
        assert read.json()["status"] == "confirmed", read.text
        return tally

    await approved(approving, SLOT)  # warm-up: connections made, the catalogue cached
    plain = await approved(approving, LATER)
    flash = await approved(approving, "2026-03-05T14:00:00Z", serviceId=approving_flash)
    await paid(paying, SLOT)
    plain_paid = await paid(paying, LATER)
    flash_paid = await paid(paying, "2026-03-05T14:00:00Z", serviceId=paying_flash)

    report = "\n".join(f"{name}:\n{t.report()}" for name, t in
                       [("approval", plain), ("approval of flash", flash),
                        ("payment", plain_paid), ("payment of flash", flash_paid)])  # fmt: skip
    assert (_claims(plain), _claims(flash)) == (0, 1), report
    assert (_claims(plain_paid), _claims(flash_paid)) == (0, 1), report
    assert len(plain.statements) == len(flash.statements) - 1, report
    assert len(plain_paid.statements) == len(flash_paid.statements) - 1, report
