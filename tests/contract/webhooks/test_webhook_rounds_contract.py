"""Webhook rounds on every adapter: a dispatch batch's deliveries to one endpoint go out in
one job, each subject's in the order dispatched; a delivery to be tried again and the rest
of its subject, or a subject with a job of its own queued, go to jobs of their own in order;
outcomes are written only over deliveries as read."""

from __future__ import annotations

import asyncio
from collections.abc import Collection, Mapping, Sequence
from datetime import timedelta
from uuid import uuid4

import psycopg
import pytest

from adapters.system.clock import ManualClock
from booking_domain.shared import EventId, Role
from booking_domain.shared.ids import new_uuid7
from booking_domain.shared.outbox import JsonValue
from booking_domain.webhooks import (
    AttemptOutcome,
    Delivery,
    DeliveryId,
    DeliveryStatus,
    RetrySchedule,
    WebhookEndpoint,
)
from booking_domain.webhooks.use_cases import WebhooksDeps, WebhookUseCases
from tests.contract.bookings.test_bookings_contract import DEPOSIT, a_booking, store
from tests.contract.outbox.test_outbox_contract import feed_of
from tests.contract.webhooks.test_webhooks_contract import an_endpoint
from tests.support.builders import START
from tests.support.catalog import add_bookable_artist, add_user
from tests.support.storage import AnyUnitOfWorkFactory, InMemoryUnitOfWorkFactory

pytestmark = pytest.mark.anyio

DELAY = timedelta(seconds=5)  # the schedule's first delay (RetrySchedule's default)


def made(endpoint: WebhookEndpoint, subjects: Sequence[str]) -> list[Delivery]:
    """New deliveries in dispatch order, all made in one millisecond, as a batch's are (their
    ids then say nothing of their order)."""
    ms = int(START.timestamp() * 1000)
    return [
        Delivery(
            id=DeliveryId(new_uuid7(ms)),
            endpoint_id=endpoint.id,
            event_id=EventId(uuid4()),
            event_type="booking.requested",
            subject=subject,
            body={"subject": subject, "n": n},
            status=DeliveryStatus.PENDING,
            attempts=0,
            last_status_code=None,
            last_error=None,
            created_at=START,
            updated_at=START + timedelta(microseconds=123_457 + n),  # through JSON, exactly
            next_attempt_at=START,
        )
        for n, subject in enumerate(subjects)
    ]


async def dispatched(
    uow_factory: AnyUnitOfWorkFactory, endpoint: WebhookEndpoint, subjects: Sequence[str]
) -> list[Delivery]:
    deliveries = made(endpoint, subjects)
    async with uow_factory() as uow:
        await uow.deliveries.add_many(deliveries)
        await uow.delivery_queue.enqueue_rounds(deliveries)
        await uow.commit()
    return deliveries


class Receiver:
    """Answers by the message's ``n``: 204, or 503 for those in ``refuse``; keeps the order
    messages came in. It lets the event loop run others a few times before it answers (how
    many, by ``n``), so that the round's chains interleave as on a network."""

    def __init__(self, refuse: Collection[int] = ()) -> None:
        self.refuse, self.came = set(refuse), list[int]()

    async def refusal(self, url: str) -> str | None:
        return None

    async def send(
        self, url: str, *, secret: str, message_id: str, body: Mapping[str, JsonValue]
    ) -> AttemptOutcome:
        n = body["n"]
        assert isinstance(n, int)
        self.came.append(n)
        for _ in range(n * 7 % 4):
            await asyncio.sleep(0)
        return AttemptOutcome(503, "answered 503") if n in self.refuse else AttemptOutcome(204)


def webhooks(
    uow_factory: AnyUnitOfWorkFactory, receiver: Receiver, *, rounds: bool = True
) -> WebhookUseCases:
    deps = WebhooksDeps(
        uow=uow_factory, feed=feed_of(uow_factory), webhook_sender=receiver,
        clock=ManualClock(START + timedelta(seconds=1)), allow_private_targets=True,
        retries=RetrySchedule(), rounds=rounds,
    )  # fmt: skip
    return WebhookUseCases.build(deps)


async def stored(uow_factory: AnyUnitOfWorkFactory, deliveries: list[Delivery]) -> list[Delivery]:
    async with uow_factory(read_only=True) as uow:
        found = [await uow.deliveries.get(d.id) for d in deliveries]
    assert all(found)
    return [d for d in found if d is not None]


def by_id(deliveries: Sequence[Delivery]) -> list[Delivery]:
    return sorted(deliveries, key=lambda d: d.id)


async def test_a_round_reads_its_pending_deliveries_in_the_order_given(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    endpoint, other = await an_endpoint(uow_factory), await an_endpoint(uow_factory)
    mine = await dispatched(uow_factory, endpoint, ["a", "b", "a", "c"])
    theirs = await dispatched(uow_factory, other, ["a"])
    done = mine[1].attempted(AttemptOutcome(204), START, RetrySchedule())
    async with uow_factory() as uow:
        await uow.deliveries.update(done)
        await uow.commit()
    ids = [d.id for d in reversed(mine)] + [theirs[0].id, DeliveryId(uuid4())]
    async with uow_factory(read_only=True) as uow:
        found = await uow.webhooks.round_of(endpoint.id, ids)
        assert found is not None and found.endpoint == endpoint
        assert found.deliveries == (mine[3], mine[2], mine[0])  # as given; b is delivered
        assert [[d.body["n"] for d in c] for c in found.chains()] == [[3], [2, 0]]
        assert await uow.webhooks.round_of(endpoint.id, [mine[1].id]) is None


async def test_outcomes_are_written_only_over_deliveries_as_read(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    endpoint = await an_endpoint(uow_factory)
    first, second, third = await dispatched(uow_factory, endpoint, ["a", "b", "c"])
    later = START + timedelta(seconds=1)
    overtaken = second.redelivered(later)  # its owner queued it again meanwhile
    async with uow_factory() as uow:
        await uow.deliveries.update(overtaken)
        await uow.commit()
    changes = [
        (d, d.attempted(AttemptOutcome(204), later, RetrySchedule())) for d in (first, second)
    ]
    failed = third.attempted(AttemptOutcome(503, "answered 503"), later, RetrySchedule())
    async with uow_factory(autocommit=True) as uow:
        written = await uow.deliveries.replace_if_unchanged([*changes, (third, failed)])
    assert written == {first.id, third.id}
    assert await stored(uow_factory, [first, second, third]) == [changes[0][1], overtaken, failed]
    assert failed.wait == DELAY and first.wait == timedelta(0)


async def test_a_subject_with_a_delivery_job_queued_is_held_back(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    endpoint = await an_endpoint(uow_factory)
    waiting, in_round = await dispatched(uow_factory, endpoint, ["a", "b"])
    async with uow_factory() as uow:
        await uow.delivery_queue.enqueue([waiting])
        await uow.commit()
    keys = {waiting.order_key, in_round.order_key, "webhook:elsewhere"}
    async with uow_factory(read_only=True) as uow:
        assert await uow.delivery_queue.held_back(keys) == {waiting.order_key}


async def test_each_subject_goes_in_order_and_all_are_recorded(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    endpoint = await an_endpoint(uow_factory)
    deliveries = await dispatched(uow_factory, endpoint, ["a", "b", "a", "c", "a", "b"])
    receiver = Receiver()
    report = await webhooks(uow_factory, receiver).deliver_webhook_round(
        endpoint.id, [d.id for d in deliveries]
    )
    assert sorted(receiver.came) == list(range(6))
    for subject in ("a", "b"):
        sent = [n for n in receiver.came if deliveries[n].subject == subject]
        assert sent == sorted(sent)
    after = await stored(uow_factory, deliveries)
    assert all(d.status is DeliveryStatus.DELIVERED and d.attempts == 1 for d in after)
    assert by_id(report.recorded) == by_id(after) and report.handed_over == ()
    again = await webhooks(uow_factory, receiver).deliver_webhook_round(
        endpoint.id, [d.id for d in deliveries]
    )
    assert again.recorded == () and len(receiver.came) == 6  # a second run sends nothing


async def test_a_retry_and_the_rest_of_its_subject_are_handed_over_in_order(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    endpoint = await an_endpoint(uow_factory)
    deliveries = await dispatched(uow_factory, endpoint, ["a", "b", "a", "b", "a"])
    receiver = Receiver(refuse=[2])  # a's second
    report = await webhooks(uow_factory, receiver).deliver_webhook_round(
        endpoint.id, [d.id for d in deliveries]
    )
    assert sorted(receiver.came) == [0, 1, 2, 3]  # a's third waits behind its second
    retry, behind = report.handed_over
    assert (retry.id, behind.id) == (deliveries[2].id, deliveries[4].id)
    assert retry.due and retry.attempts == 1 and retry.wait == DELAY
    after = await stored(uow_factory, deliveries)
    assert [d.status for d in after] == [DeliveryStatus.DELIVERED] * 2 + [
        DeliveryStatus.PENDING,
        DeliveryStatus.DELIVERED,
        DeliveryStatus.PENDING,
    ]
    assert after[2] == retry and after[4] == deliveries[4]  # the third is as dispatched
    async with uow_factory(read_only=True) as uow:
        assert await uow.delivery_queue.held_back({retry.order_key}) == {retry.order_key}


async def test_a_subject_behind_a_job_of_its_own_is_not_sent(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    endpoint = await an_endpoint(uow_factory)
    (earlier,) = await dispatched(uow_factory, endpoint, ["a"])
    failed = earlier.attempted(AttemptOutcome(503, "answered 503"), START, RetrySchedule())
    async with uow_factory() as uow:  # as a round leaves a retry: recorded, with its job
        await uow.deliveries.update(failed)
        await uow.delivery_queue.enqueue([failed])
        await uow.commit()
    deliveries = await dispatched(uow_factory, endpoint, ["a", "b", "a"])
    receiver = Receiver()
    report = await webhooks(uow_factory, receiver).deliver_webhook_round(
        endpoint.id, [d.id for d in deliveries]
    )
    assert receiver.came == [1]
    assert [d.id for d in report.handed_over] == [deliveries[0].id, deliveries[2].id]
    assert [d.status for d in await stored(uow_factory, deliveries)] == [
        DeliveryStatus.PENDING,
        DeliveryStatus.DELIVERED,
        DeliveryStatus.PENDING,
    ]


async def test_a_paused_endpoints_round_is_skipped_unsent(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    endpoint = await an_endpoint(uow_factory)
    deliveries = await dispatched(uow_factory, endpoint, ["a", "b"])
    async with uow_factory() as uow:
        await uow.webhooks.update(endpoint.changed(START, active=False))
        await uow.commit()
    receiver = Receiver()
    report = await webhooks(uow_factory, receiver).deliver_webhook_round(
        endpoint.id, [d.id for d in deliveries]
    )
    after = await stored(uow_factory, deliveries)
    assert receiver.came == [] and by_id(report.recorded) == by_id(after)
    assert all(d.status is DeliveryStatus.SKIPPED for d in after)


async def test_round_jobs_go_one_per_endpoint_and_retries_at_their_moment(
    uow_factory: AnyUnitOfWorkFactory, request: pytest.FixtureRequest
) -> None:
    if isinstance(uow_factory, InMemoryUnitOfWorkFactory):
        pytest.skip("the job queue is PostgreSQL's")
    database_url = request.getfixturevalue("database_url")
    endpoint, other = await an_endpoint(uow_factory), await an_endpoint(uow_factory)
    mine, theirs = made(endpoint, ["a", "b", "a"]), made(other, ["a"])
    async with uow_factory() as uow:
        await uow.deliveries.add_many([*mine, *theirs])
        await uow.delivery_queue.enqueue_rounds([mine[0], theirs[0], mine[1], mine[2]])
        await uow.rollback()
    assert await _round_jobs(database_url, endpoint) == []
    async with uow_factory() as uow:
        await uow.deliveries.add_many([*mine, *theirs])
        await uow.delivery_queue.enqueue_rounds([mine[0], theirs[0], mine[1], mine[2]])
        await uow.commit()
    assert await _round_jobs(database_url, endpoint) == [[str(d.id) for d in mine]]
    assert await _round_jobs(database_url, other) == [[str(theirs[0].id)]]
    failed = mine[0].attempted(AttemptOutcome(503, "answered 503"), START, RetrySchedule())
    async with uow_factory() as uow:
        await uow.delivery_queue.enqueue([failed, mine[2]])
        await uow.commit()
    async with await psycopg.AsyncConnection.connect(database_url) as conn:
        rows = await (
            await conn.execute(
                "SELECT args->>'delivery_id', scheduled_at - now() FROM procrastinate_jobs"
                " WHERE lock = %s ORDER BY id",
                (failed.order_key,),
            )
        ).fetchall()
    assert [r[0] for r in rows] == [str(failed.id), str(mine[2].id)]  # in the order queued
    assert timedelta(0) < rows[0][1] <= DELAY and rows[1][1] is None  # a loaded machine may lag


async def _round_jobs(database_url: str, endpoint: WebhookEndpoint) -> list[list[str]]:
    async with await psycopg.AsyncConnection.connect(database_url) as conn:
        rows = await (
            await conn.execute(
                "SELECT args FROM procrastinate_jobs WHERE task_name = %s AND lock = %s"
                " ORDER BY id",
                ("inkslot:deliver_webhook_round", f"webhook-round:{endpoint.id}"),
            )
        ).fetchall()
    assert all(r[0]["endpoint_id"] == str(endpoint.id) for r in rows)
    return [r[0]["delivery_ids"] for r in rows]


async def test_a_paused_endpoint_skips_nothing_ahead_of_a_job_of_its_subject(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    endpoint = await an_endpoint(uow_factory)
    (earlier,) = await dispatched(uow_factory, endpoint, ["a"])
    async with uow_factory() as uow:
        await uow.delivery_queue.enqueue([earlier])
        await uow.webhooks.update(endpoint.changed(START, active=False))
        await uow.commit()
    deliveries = await dispatched(uow_factory, endpoint, ["a", "b"])
    report = await webhooks(uow_factory, Receiver()).deliver_webhook_round(
        endpoint.id, [d.id for d in deliveries]
    )
    assert [d.id for d in report.handed_over] == [deliveries[0].id]  # its job decides
    assert [d.status for d in await stored(uow_factory, deliveries)] == [
        DeliveryStatus.PENDING,
        DeliveryStatus.SKIPPED,
    ]


async def test_a_delivery_not_yet_attempted_is_left_to_its_round_when_redelivered(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    endpoint = await an_endpoint(uow_factory)
    first, second = await dispatched(uow_factory, endpoint, ["a", "a"])
    admin = await add_user(uow_factory, Role.ADMIN)
    use_cases = webhooks(uow_factory, Receiver())
    assert await use_cases.redeliver(admin, endpoint.id, second.id) == second
    async with uow_factory(read_only=True) as uow:  # no job of its own to overtake the first
        assert await uow.delivery_queue.held_back({second.order_key}) == frozenset()
    await use_cases.deliver_webhook_round(endpoint.id, [first.id, second.id])
    (delivered,) = await stored(uow_factory, [second])
    again = await use_cases.redeliver(admin, endpoint.id, second.id)
    assert delivered.status is DeliveryStatus.DELIVERED and again.due and again.attempts == 0
    async with uow_factory(read_only=True) as uow:
        assert await uow.delivery_queue.held_back({second.order_key}) == {second.order_key}


@pytest.mark.parametrize("rounds", [True, False])
async def test_dispatch_queues_rounds_or_a_job_per_delivery(
    uow_factory: AnyUnitOfWorkFactory, rounds: bool
) -> None:
    dispatch = webhooks(uow_factory, Receiver(), rounds=rounds).dispatch_webhooks
    await dispatch()  # whatever earlier tests left in the feed
    endpoint = await an_endpoint(uow_factory, Role.ADMIN)
    artist = await add_bookable_artist(uow_factory, deposit=DEPOSIT)
    booking, requested = a_booking(artist, await add_user(uow_factory))
    await store(uow_factory, booking, requested)
    assert await dispatch() == 1
    key = f"webhook:{endpoint.id}:booking/{booking.id}"
    async with uow_factory(read_only=True) as uow:  # a delivery's own job holds its subject
        assert await uow.delivery_queue.held_back({key}) == ({key} if not rounds else set())
