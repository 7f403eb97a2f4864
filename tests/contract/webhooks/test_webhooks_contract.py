"""Webhook storage on every adapter: endpoints, deliveries (and their removal with their
endpoint), the dispatch position; on PostgreSQL, a delivery's job commits and rolls back
with it, and dispatch turns each committed event into one delivery per endpoint, once."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Awaitable, Callable
from datetime import timedelta
from uuid import uuid4

import psycopg
import pytest

from adapters.system.clock import ManualClock
from booking_domain.shared import EventId, Role
from booking_domain.shared.errors import ConflictError
from booking_domain.shared.pages import PageRequest
from booking_domain.webhooks import (
    AttemptOutcome,
    Delivery,
    DeliveryId,
    DeliveryStatus,
    RetrySchedule,
    WebhookEndpoint,
)
from booking_domain.webhooks.use_cases import WebhooksDeps, WebhookUseCases
from tests.contract.bookings.test_bookings_contract import DEPOSIT, SLOT, a_booking, store
from tests.contract.outbox.test_outbox_contract import everything, feed_of
from tests.support.builders import START
from tests.support.catalog import add_bookable_artist, add_user
from tests.support.storage import (
    AnyUnitOfWorkFactory,
    InMemoryUnitOfWorkFactory,
    PostgresUnitOfWorkFactory,
    until_a_lock_is_awaited,
)

pytestmark = pytest.mark.anyio


class NoSender:
    async def refusal(self, url: str) -> str | None:
        return None

    async def send(self, *_: object, **__: object) -> AttemptOutcome:
        raise AssertionError("dispatch never sends")


def use_cases(uow_factory: AnyUnitOfWorkFactory, clock: ManualClock) -> WebhookUseCases:
    deps = WebhooksDeps(
        uow=uow_factory, feed=feed_of(uow_factory), webhook_sender=NoSender(), clock=clock,
        allow_private_targets=True, retries=RetrySchedule(),
    )  # fmt: skip
    return WebhookUseCases.build(deps)


async def an_endpoint(
    uow_factory: AnyUnitOfWorkFactory, role: Role = Role.ARTIST
) -> WebhookEndpoint:
    owner = await add_user(uow_factory, role)
    endpoint = WebhookEndpoint.register(owner, "https://hooks.example.com/in", ["*"], START)
    async with uow_factory() as uow:
        await uow.webhooks.add(endpoint)
        await uow.commit()
    return endpoint


async def test_endpoints_are_kept_changed_listed_and_removed(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    first = await an_endpoint(uow_factory)
    second = await an_endpoint(uow_factory)
    paused = first.changed(START + timedelta(minutes=1), active=False, events=["booking.expired"])
    async with uow_factory() as uow:
        await uow.webhooks.update(paused)
        await uow.commit()
    async with uow_factory(read_only=True) as uow:
        assert await uow.webhooks.get(first.id) == paused
        assert await uow.webhooks.list(first.owner_id) == [paused]
        assert {first.id, second.id} <= {e.id for e in await uow.webhooks.list(None)}
        assert second in await uow.webhooks.active()
        assert paused not in await uow.webhooks.active()
        assert await uow.webhooks.count_for_owner(first.owner_id) == 1
    async with uow_factory() as uow:
        await uow.webhooks.remove(first.id)
        await uow.commit()
    async with uow_factory(read_only=True) as uow:
        assert await uow.webhooks.get(first.id) is None


async def test_deliveries_page_newest_first_and_go_with_their_endpoint(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    endpoint = await an_endpoint(uow_factory)
    artist = await add_bookable_artist(uow_factory, deposit=DEPOSIT)
    customer = await add_user(uow_factory)
    booking, requested = a_booking(artist, customer)
    await store(uow_factory, booking, requested)
    events = await everything(feed_of(uow_factory))
    event = next(i.event for i in events if i.event.subject.endswith(str(booking.id)))
    made = [Delivery.of(endpoint, event, START + timedelta(seconds=s)) for s in range(3)]
    made = [dataclasses.replace(d, event_id=EventId(d.id)) for d in made]
    async with uow_factory() as uow:
        await uow.deliveries.add_many(made)
        await uow.commit()
    failed = made[0].attempted(AttemptOutcome(500, "answered 500"), START, RetrySchedule(()))
    async with uow_factory() as uow:
        await uow.deliveries.update(failed)
        await uow.commit()
    async with uow_factory(read_only=True) as uow:
        page = await uow.deliveries.page(endpoint.id, PageRequest(1, 2))
        assert [d.id for d in page.items] == [made[2].id, made[1].id] and page.total == 3
        assert await uow.deliveries.get(made[0].id) == failed
        assert failed.status is DeliveryStatus.FAILED
    async with uow_factory() as uow:
        await uow.webhooks.remove(endpoint.id)
        await uow.commit()
    async with uow_factory(read_only=True) as uow:
        assert await uow.deliveries.get(made[1].id) is None


async def a_delivery(uow_factory: AnyUnitOfWorkFactory) -> tuple[WebhookEndpoint, Delivery]:
    endpoint = await an_endpoint(uow_factory)
    artist = await add_bookable_artist(uow_factory, deposit=DEPOSIT)
    booking, requested = a_booking(artist, await add_user(uow_factory))
    await store(uow_factory, booking, requested)
    events = await everything(feed_of(uow_factory))
    event = next(i.event for i in events if i.event.subject.endswith(str(booking.id)))
    delivery = Delivery.of(endpoint, event, START)
    async with uow_factory() as uow:
        await uow.deliveries.add_many([delivery])
        await uow.commit()
    return endpoint, delivery


async def test_an_attempt_is_recorded_only_over_the_delivery_it_read(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    endpoint, delivery = await a_delivery(uow_factory)
    async with uow_factory(read_only=True) as uow:
        assert await uow.webhooks.with_delivery(delivery.id) == (endpoint, delivery)
        assert await uow.webhooks.with_delivery(DeliveryId(uuid4())) is None
    later = START + timedelta(seconds=5)
    refused = delivery.attempted(AttemptOutcome(500, "answered 500"), later, RetrySchedule())
    async with uow_factory(autocommit=True) as uow:  # one write: durable as it returns
        assert await uow.deliveries.replace_if_unchanged([(delivery, refused)]) == {delivery.id}
    accepted = delivery.attempted(AttemptOutcome(204, None), later, RetrySchedule())
    async with uow_factory(autocommit=True) as uow:  # a second run of the same attempt
        assert not await uow.deliveries.replace_if_unchanged([(delivery, accepted)])
    async with uow_factory(read_only=True) as uow:
        assert await uow.deliveries.get(delivery.id) == refused
        assert refused.due and refused.attempts == 1
    again = refused.redelivered(later + timedelta(microseconds=1))  # its owner queues it again
    async with uow_factory() as uow:
        await uow.deliveries.update(again)
        await uow.commit()
    async with uow_factory(autocommit=True) as uow:
        stale = refused.attempted(AttemptOutcome(204, None), later, RetrySchedule())
        assert not await uow.deliveries.replace_if_unchanged([(refused, stale)])
        # As read before the first attempt: no attempts, as now, but an earlier change.
        assert (delivery.attempts, delivery.status) == (again.attempts, again.status)
        assert not await uow.deliveries.replace_if_unchanged([(delivery, stale)])
        delivered = again.attempted(AttemptOutcome(204, None), later, RetrySchedule())
        assert await uow.deliveries.replace_if_unchanged([(again, delivered)])
        assert not await uow.deliveries.replace_if_unchanged([(delivered, delivered)])  # done
    async with uow_factory(read_only=True) as uow:
        assert await uow.deliveries.get(delivery.id) == delivered
    _, pending = await a_delivery(uow_factory)
    async with uow_factory() as uow:
        await uow.webhooks.remove(pending.endpoint_id)
        await uow.commit()
    async with uow_factory(autocommit=True) as uow:
        attempted = pending.attempted(AttemptOutcome(204, None), later, RetrySchedule())
        assert not await uow.deliveries.replace_if_unchanged([(pending, attempted)])  # gone


async def test_of_two_runs_recording_one_attempt_at_once_one_writes(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    _, delivery = await a_delivery(uow_factory)
    later = START + timedelta(seconds=1)
    outcomes = [AttemptOutcome(204, None), AttemptOutcome(500, "answered 500")]
    changes = [delivery.attempted(o, later, RetrySchedule()) for o in outcomes]

    async def record(changed: Delivery) -> bool:
        async with uow_factory(autocommit=True) as uow:
            return delivery.id in await uow.deliveries.replace_if_unchanged([(delivery, changed)])

    written = await asyncio.gather(*(record(c) for c in changes))
    assert sorted(written) == [False, True]
    async with uow_factory(read_only=True) as uow:
        assert await uow.deliveries.get(delivery.id) == changes[written.index(True)]


class ScriptedSender:
    """Answers each send with the next outcome; ``meanwhile`` runs while a send is on the
    wire (what another run of the job, or the owner, does in that time)."""

    def __init__(
        self, outcomes: list[AttemptOutcome], meanwhile: Callable[[], Awaitable[None]]
    ) -> None:
        self.outcomes, self.meanwhile, self.sent = outcomes, meanwhile, 0

    async def refusal(self, url: str) -> str | None:
        return None

    async def send(self, *_: object, **__: object) -> AttemptOutcome:
        self.sent += 1
        await self.meanwhile()
        return self.outcomes.pop(0)


def deliverer(uow_factory: AnyUnitOfWorkFactory, sender: ScriptedSender) -> WebhookUseCases:
    deps = WebhooksDeps(
        uow=uow_factory, feed=feed_of(uow_factory), webhook_sender=sender,
        clock=ManualClock(START + timedelta(seconds=5)), allow_private_targets=True,
        retries=RetrySchedule(),
    )  # fmt: skip
    return WebhookUseCases.build(deps)


async def stored(uow_factory: AnyUnitOfWorkFactory, delivery: Delivery) -> Delivery | None:
    async with uow_factory(read_only=True) as uow:
        return await uow.deliveries.get(delivery.id)


async def test_an_attempt_a_redelivery_overtook_is_not_counted(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    _, delivery = await a_delivery(uow_factory)
    again = delivery.redelivered(START + timedelta(seconds=1))  # the same attempts: 0

    async def owner_redelivers() -> None:
        async with uow_factory() as uow:
            await uow.deliveries.update(again)
            await uow.commit()

    sender = ScriptedSender([AttemptOutcome(500, "answered 500")], owner_redelivers)
    assert await deliverer(uow_factory, sender).deliver_webhook(delivery.id) is None
    assert await stored(uow_factory, delivery) == again  # its own job sends it afresh


async def test_of_two_runs_of_one_attempt_the_later_asks_for_the_same_retry(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    _, delivery = await a_delivery(uow_factory)
    first = delivery.attempted(AttemptOutcome(503, "answered 503"), START, RetrySchedule())

    async def the_other_run_records() -> None:
        async with uow_factory(autocommit=True) as uow:
            assert await uow.deliveries.replace_if_unchanged([(delivery, first)])

    sender = ScriptedSender([AttemptOutcome(500, "answered 500")], the_other_run_records)
    recorded = await deliverer(uow_factory, sender).deliver_webhook(delivery.id)
    assert recorded == first == await stored(uow_factory, delivery)
    assert recorded.due and recorded.next_attempt_at is not None  # its job asks to retry too


async def test_a_paused_endpoints_delivery_is_skipped_unsent(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    endpoint, delivery = await a_delivery(uow_factory)
    async with uow_factory() as uow:
        await uow.webhooks.update(endpoint.changed(START, active=False))
        await uow.commit()

    async def nothing() -> None:
        return None

    sender = ScriptedSender([], nothing)
    skipped = await deliverer(uow_factory, sender).deliver_webhook(delivery.id)
    assert skipped is not None and skipped.status is DeliveryStatus.SKIPPED and sender.sent == 0
    assert await stored(uow_factory, delivery) == skipped
    assert await deliverer(uow_factory, sender).deliver_webhook(delivery.id) is None


async def test_dispatch_makes_one_delivery_per_wanting_endpoint_per_event_once(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    clock = ManualClock(START)
    webhooks = use_cases(uow_factory, clock)
    await webhooks.dispatch_webhooks()  # whatever earlier tests left in the feed
    everyone = await an_endpoint(uow_factory, Role.ADMIN)
    artist = await add_bookable_artist(uow_factory, deposit=DEPOSIT)
    owner = await add_user(uow_factory, Role.ARTIST)
    own = WebhookEndpoint.register(owner, "https://a.example/in", ["booking.requested"], START)
    theirs = WebhookEndpoint.register(
        dataclasses.replace(owner, user_id=artist.user_id), "https://b.example/in", ["*"], START
    )
    async with uow_factory() as uow:
        await uow.webhooks.add(own)
        await uow.webhooks.add(theirs)
        await uow.commit()
    customer = await add_user(uow_factory)
    booking, requested = a_booking(artist, customer)
    await store(uow_factory, booking, requested)
    assert await webhooks.dispatch_webhooks() == 2  # the admin's and the booking artist's
    assert await webhooks.dispatch_webhooks() == 0  # once
    async with uow_factory(read_only=True) as uow:
        for endpoint, expected in ((everyone, 1), (theirs, 1), (own, 0)):
            page = await uow.deliveries.page(endpoint.id, PageRequest(1, 50))
            mine = [d for d in page.items if d.subject == f"booking/{booking.id}"]
            assert len(mine) == expected
            assert all(d.body["subject"] == f"booking/{booking.id}" for d in mine)


async def test_racing_dispatchers_deliver_each_event_once_and_never_move_back(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    """Several dispatchers (as in several workers) poll while bookings commit: every turn
    starts from the position the previous turn committed, whoever took it."""
    clock = ManualClock(START)
    webhooks = use_cases(uow_factory, clock)
    await webhooks.dispatch_webhooks()  # whatever earlier tests left in the feed
    endpoint = await an_endpoint(uow_factory, Role.ADMIN)
    artist = await add_bookable_artist(uow_factory, deposit=DEPOSIT)
    customer = await add_user(uow_factory)
    writing = True

    async def dispatcher() -> None:
        while writing:
            await webhooks.dispatch_webhooks(batch_size=2)
            await asyncio.sleep(0)

    async def writer() -> None:
        nonlocal writing
        for k in range(60):
            await store(uow_factory, *a_booking(artist, customer, SLOT + timedelta(hours=k)))
        writing = False

    await asyncio.gather(writer(), *(dispatcher() for _ in range(3)))
    await webhooks.dispatch_webhooks()
    async with uow_factory(read_only=True) as uow:
        page = await uow.deliveries.page(endpoint.id, PageRequest(1, 100))
    assert page.total == 60
    assert len({d.event_id for d in page.items}) == 60


async def test_the_dispatch_position_only_moves_forward(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    artist = await add_bookable_artist(uow_factory, deposit=DEPOSIT)
    await store(uow_factory, *a_booking(artist, await add_user(uow_factory)))
    await use_cases(uow_factory, ManualClock(START)).dispatch_webhooks()
    items = await everything(feed_of(uow_factory))
    async with uow_factory() as uow:
        position = await uow.dispatch_cursor.claim()
        assert position is not None and position.after == items[-1].cursor
        for backwards in (items[-1].cursor, items[0].cursor):
            with pytest.raises(ConflictError):
                await uow.dispatch_cursor.advance(backwards)


async def test_registration_waits_until_a_running_dispatch_batch_ends(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    """Every batch either ended before an endpoint existed or sees it: a batch cannot pass
    an event the endpoint should hear without seeing the endpoint."""
    if isinstance(uow_factory, InMemoryUnitOfWorkFactory):
        pytest.skip("in memory, units of work that write run one at a time")
    assert isinstance(uow_factory, PostgresUnitOfWorkFactory)
    webhooks = use_cases(uow_factory, ManualClock(START))
    owner = await add_user(uow_factory, Role.ARTIST)
    async with uow_factory() as batch:
        assert await batch.dispatch_cursor.claim() is not None  # a batch has the turn
        registering = asyncio.create_task(
            webhooks.register_webhook(owner, "https://hooks.example.com/in", ["*"])
        )
        waited = await until_a_lock_is_awaited(uow_factory, advisory=True)
        assert waited, "the registration never waited for the dispatch turn"
        assert not registering.done()
        await batch.commit()
    endpoint = await asyncio.wait_for(registering, 30)
    async with uow_factory(read_only=True) as uow:
        assert await uow.webhooks.get(endpoint.id) == endpoint


async def _jobs_for(database_url: str, delivery: Delivery) -> int:
    async with await psycopg.AsyncConnection.connect(database_url) as conn:
        row = await (
            await conn.execute(
                "SELECT count(*) FROM procrastinate_jobs WHERE args->>'delivery_id' = %s"
                " AND lock = %s",
                (str(delivery.id), delivery.order_key),
            )
        ).fetchone()
    return int(row[0]) if row else 0


async def test_a_delivery_and_its_job_commit_together_and_roll_back_together(
    uow_factory: AnyUnitOfWorkFactory, request: pytest.FixtureRequest
) -> None:
    if isinstance(uow_factory, InMemoryUnitOfWorkFactory):
        pytest.skip("the job queue is PostgreSQL's")
    assert isinstance(uow_factory, PostgresUnitOfWorkFactory)
    database_url = request.getfixturevalue("database_url")
    endpoint = await an_endpoint(uow_factory)
    artist = await add_bookable_artist(uow_factory, deposit=DEPOSIT)
    customer = await add_user(uow_factory)
    booking, requested = a_booking(artist, customer)
    await store(uow_factory, booking, requested)
    event = next(
        i.event
        for i in await everything(feed_of(uow_factory))
        if i.event.subject.endswith(str(booking.id))
    )
    rolled_back = Delivery.of(endpoint, event, START)
    async with uow_factory() as uow:
        await uow.deliveries.add_many([rolled_back])
        await uow.delivery_queue.enqueue([rolled_back])
        await uow.rollback()
    async with uow_factory(read_only=True) as uow:
        assert await uow.deliveries.get(rolled_back.id) is None
    assert await _jobs_for(database_url, rolled_back) == 0
    committed = Delivery.of(endpoint, event, START)
    async with uow_factory() as uow:
        await uow.deliveries.add_many([committed])
        await uow.delivery_queue.enqueue([committed])
        await uow.commit()
    async with uow_factory(read_only=True) as uow:
        assert await uow.deliveries.get(committed.id) == committed
    assert await _jobs_for(database_url, committed) == 1
