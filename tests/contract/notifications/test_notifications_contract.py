"""Notification storage and sending on every adapter: planning makes one notification per
(event, recipient, channel) however often it runs, sending records once, the inbox, channel
choices and reminder offsets; on PostgreSQL, send jobs commit with their notifications."""

from __future__ import annotations

import asyncio
import dataclasses
from dataclasses import dataclass
from datetime import datetime, timedelta
from uuid import UUID

import pytest
from procrastinate import PsycopgConnector
from procrastinate.manager import JobManager

from adapters.notifications.rendering import BabelRenderer
from adapters.postgres.database import Database
from adapters.postgres.notification_queue import (
    EVERY_MOMENT,
    REMINDER_PRIORITY,
    release_all_held,
    release_held,
    release_until,
)
from adapters.postgres.notifications import RELEASE_LEAD
from adapters.security.phones import LibPhoneNumbers
from adapters.system.clock import ManualClock
from booking_domain.bookings import (
    BookedFor,
    BookingNotFoundError,
    new_client,
    record_change,
    request_booking,
)
from booking_domain.bookings.lifecycle import cancel
from booking_domain.catalog import FixedDeposit
from booking_domain.catalog.errors import ArtistNotFoundError
from booking_domain.notifications import (
    REMINDER,
    Channel,
    Notification,
    NotificationId,
    NotificationNotFoundError,
    NotificationPreferences,
    NotificationStatus,
    Party,
    ReminderOffsets,
    RetrySchedule,
    SendOutcome,
    SkipReason,
)
from booking_domain.notifications.notifications import Attempted
from booking_domain.notifications.use_cases import NotificationsDeps, NotificationUseCases
from booking_domain.scheduling import BusyTimeline
from booking_domain.shared import Actor, BookingId, Money, Role, new_uuid7
from booking_domain.shared.pages import PageRequest
from booking_domain.testing.builders import open_all_week
from tests.contract.bookings.test_bookings_contract import SLOT, a_booking, store
from tests.contract.outbox.test_outbox_contract import everything, feed_of
from tests.support.builders import START, TEST_SECRETS
from tests.support.catalog import BookableArtist, add_bookable_artist, add_user
from tests.support.channels import RecordingEmail, RecordingSms
from tests.support.storage import (
    AnyUnitOfWorkFactory,
    InMemoryUnitOfWorkFactory,
    postgres_units,
    postgres_units_at,
)

pytestmark = pytest.mark.anyio


@dataclass
class World:
    uow: AnyUnitOfWorkFactory
    clock: ManualClock
    email: RecordingEmail
    sms: RecordingSms
    notifications: NotificationUseCases
    artist: BookableArtist
    customer: Actor


async def world(uow_factory: AnyUnitOfWorkFactory) -> World:
    clock, email, sms = ManualClock(START), RecordingEmail(), RecordingSms()
    deps = NotificationsDeps(
        uow=uow_factory, feed=feed_of(uow_factory), clock=clock, email=email, sms=sms,
        renderer=BabelRenderer(), retries=RetrySchedule(), app_url="https://app.example",
        mail_domain="inkslot.test", phones=LibPhoneNumbers(),
    )  # fmt: skip
    artist = await add_bookable_artist(uow_factory)
    customer = await add_user(uow_factory)
    return World(uow_factory, clock, email, sms, NotificationUseCases.build(deps), artist, customer)


async def all_notifications(w: World) -> list[Notification]:
    """What planning stored, read back one by one, queued or held."""
    found: list[Notification] = []
    for n_id in await stored_ids(w):
        async with w.uow(read_only=True) as uow:
            n = await uow.notifications.get(n_id)
        assert n is not None
        found.append(n)
    return found


async def queued_ids(w: World) -> list[NotificationId]:
    if isinstance(w.uow, InMemoryUnitOfWorkFactory):
        async with w.uow(read_only=True) as uow:
            return list(uow.notification_queue.queued())
    async with w.uow.database.pool.connection() as conn:
        rows = await (
            await conn.execute(
                "SELECT jsonb_array_elements_text(args->'notification_ids')::uuid AS id"
                "  FROM procrastinate_jobs"
                " WHERE task_name = 'inkslot:send_notification' ORDER BY id"
            )
        ).fetchall()
    return [NotificationId(UUID(str(r["id"]))) for r in rows]


async def stored_ids(w: World) -> list[NotificationId]:
    """Every notification stored (in memory, every one is queued: nothing is held)."""
    if isinstance(w.uow, InMemoryUnitOfWorkFactory):
        return await queued_ids(w)
    async with w.uow.database.pool.connection() as conn:
        rows = await (await conn.execute("SELECT id FROM notifications ORDER BY id")).fetchall()
    return [NotificationId(UUID(str(r["id"]))) for r in rows]


async def release(w: World) -> int:
    """The worker's minute sweep at the clock's time: PostgreSQL's queue holds a later
    moment's messages back until it (in memory, nothing is held)."""
    if isinstance(w.uow, InMemoryUnitOfWorkFactory):
        return 0
    async with w.uow() as uow:
        released = await release_held(uow.connection, uow.jobs, release_until(w.clock.now()))
        await uow.commit()
    return released


async def book(w: World, days_ahead: int = 3) -> None:
    booking, event = a_booking(w.artist, w.customer, start=SLOT + timedelta(days=days_ahead))
    await store(w.uow, booking, event)


async def test_planning_makes_each_notification_once_and_queues_its_job(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    w = await world(uow_factory)
    await book(w)
    made = await w.notifications.plan_notifications()
    assert made == 5 + 8  # booking.confirmed: 3 + 2 channels; reminders: 2 x (3 + 1)
    assert await w.notifications.plan_notifications() == 0
    stored = await all_notifications(w)
    assert len(stored) == made and len({n.key for n in stored}) == made
    w.clock.set(max(n.send_at for n in stored))
    await release(w)
    assert sorted(await queued_ids(w)) == sorted(n.id for n in stored)  # each in one job
    assert {n.recipient_id for n in stored} == {w.customer.user_id, w.artist.user_id}
    async with w.uow() as uow:  # planning the same keys again stores nothing new
        again = await uow.notifications.add_new(stored)
        await uow.commit()
    assert again == []


async def test_a_later_moments_messages_are_queued_by_that_moment_and_only_once(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    """Whether a queue holds a reminder back or queues it at once, by each moment the
    worker's sweep (run each minute, here just before the moment) has queued everything due
    then, each message in one job."""
    w = await world(uow_factory)
    await book(w, days_ahead=4)
    await w.notifications.plan_notifications()
    reminders = [n for n in await all_notifications(w) if n.kind == REMINDER]
    moments = sorted({n.send_at for n in reminders})
    assert len(moments) == 2
    for moment in moments:
        w.clock.set(moment - timedelta(minutes=1))
        await release(w)
        assert await release(w) == 0  # nothing released twice
        queued = await queued_ids(w)
        assert len(queued) == len(set(queued))
        assert {n.id for n in reminders if n.send_at <= moment} <= set(queued)


async def test_planners_running_at_once_plan_every_event_once(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    w = await world(uow_factory)
    for days in range(1, 6):
        await book(w, days)
    counts = await asyncio.gather(*(w.notifications.plan_notifications() for _ in range(4)))
    counts = [*counts, await w.notifications.plan_notifications()]
    stored = await all_notifications(w)
    assert sum(counts) == len(stored) == len({n.key for n in stored}) == 5 * 13


async def test_a_client_record_hears_by_text_and_email_and_the_artist_by_its_name(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    """The artist booked a walk-in (no account): the artist's messages are sent with the
    client record's name; the client record itself hears by text and email (its own
    contacts, its artist's language), never in an inbox, and no customer is planned for."""
    w = await world(uow_factory)
    async with w.uow() as uow:  # the artist reads Mongolian: so does their client
        owner = await uow.users.get(w.artist.user_id)
        assert owner is not None
        await uow.users.update(owner.with_profile(START, name=None, phone=None, locale="mn"))
        await uow.commit()
    client = new_client(
        artist_id=w.artist.profile.id, name="Bat Walk-in", phone="88112233",
        email="bat@example.com", now=START,
    )  # fmt: skip
    async with w.uow() as uow:
        await uow.clients.add(client)
        await uow.commit()
    booking, entry = request_booking(
        by=w.artist.actor, service=w.artist.service, artist_user_id=w.artist.user_id,
        policy=w.artist.profile.policy, schedule=open_all_week(), busy=BusyTimeline(),
        start=SLOT, now=START, party=BookedFor(client_id=client.id), deposit=False,
    )  # fmt: skip
    await store(w.uow, booking, entry)
    await w.notifications.plan_notifications()
    planned = [n for n in await all_notifications(w) if n.kind != REMINDER]
    assert {n.recipient_id for n in planned} == {w.artist.user_id, None}
    told = {(n.client_id, n.channel) for n in planned if n.recipient_id is None}
    assert told == {(client.id, Channel.EMAIL), (client.id, Channel.SMS)}
    await send_all(w)
    to_client = [m for m in w.email.sent if m.to_address == "bat@example.com"]
    artist_mail = [m for m in w.email.sent if m not in to_client and "Bat Walk-in" in m.text]
    assert len(artist_mail) == 1, [m.text for m in w.email.sent]
    assert len(to_client) == 1 and to_client[0].to_name == "Bat Walk-in"
    assert to_client[0].locale == "mn" and "/bookings/" not in to_client[0].text
    assert [m.to for m in w.sms.sent] == ["+97688112233"]
    assert booking.reference in w.sms.sent[0].text
    page, _ = await w.notifications.list_inbox(w.artist.actor, PageRequest())
    assert page.total >= 1  # the artist's inbox; the client record has none


async def send_all(w: World) -> list[Notification | None]:
    """A round over every stored notification, held or queued (one not due waits)."""
    results = []
    for n_id in await stored_ids(w):
        results.append(await w.notifications.send_notification(n_id))
    return results


@pytest.mark.parametrize("needs_approval", [False, True])
async def test_a_request_tells_its_artist_whether_there_is_anything_to_approve(
    uow_factory: AnyUnitOfWorkFactory, needs_approval: bool
) -> None:
    """The booking's facts as storage reads them say whether its request needs the artist's
    approval: one waiting only for its deposit asks the artist to approve nothing."""
    w = await world(uow_factory)
    w.artist = await add_bookable_artist(
        uow_factory, deposit=FixedDeposit(Money(20_000, "MNT")), needs_approval=needs_approval
    )
    await book(w)
    await w.notifications.plan_notifications()
    await send_all(w)
    async with w.uow(read_only=True) as uow:
        artist = await uow.users.get(w.artist.user_id)
    assert artist is not None
    (mail,) = [m for m in w.email.sent if m.to_address == artist.email]
    assert ("Approve or decline it in the app." in mail.text) is needs_approval
    assert ("nothing for you to approve" in mail.text) is not needs_approval


async def test_sending_files_in_app_once_emails_and_texts_with_stable_keys(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    w = await world(uow_factory)
    async with w.uow() as uow:  # the customer has a proven phone for texts
        user = await uow.users.get(w.customer.user_id)
        assert user is not None
        await uow.users.update(user.with_verified_phone("+97688112233", START))
        await uow.commit()
    await book(w)
    await w.notifications.plan_notifications()
    first = await send_all(w)
    sent_now = [n for n in first if n is not None and n.status is NotificationStatus.SENT]
    assert {n.kind for n in sent_now} == {"booking.confirmed"} and len(sent_now) == 5
    early = [n for n in first if n is not None and n.kind == REMINDER]
    assert len(early) == 8 and all(n.due and n.attempts == 0 for n in early)  # they wait
    again = await send_all(w)
    assert all(n is None or n.kind == REMINDER for n in again)  # nothing is sent twice
    assert len(w.sms.sent) == len({m.key for m in w.sms.sent})
    assert {m.to for m in w.sms.sent} == {"+97688112233"}
    assert len({m.message_id for m in w.email.sent}) == len(w.email.sent)
    assert all(m.message_id.endswith("@inkslot.test>") for m in w.email.sent)
    page, unread = await w.notifications.list_inbox(w.customer, PageRequest())
    assert unread == page.total >= 1
    assert all(item.user_id == w.customer.user_id for item in page.items)
    events = [i.event for i in await everything(feed_of(w.uow))]
    created = [e for e in events if e.type == "notification.created"]
    assert len(created) == len({e.subject for e in created}) >= 2  # one per inbox item


async def one(w: World, channel: Channel, recipient: Actor | None = None) -> Notification:
    who = (recipient or w.customer).user_id
    return next(
        n
        for n in await all_notifications(w)
        if n.channel is channel and n.recipient_id == who and n.kind != REMINDER
    )


async def test_failures_wait_by_the_schedule_and_admins_see_what_failed_for_good(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    w = await world(uow_factory)
    await book(w)
    await w.notifications.plan_notifications()
    email = await one(w, Channel.EMAIL)
    w.email.answers = [SendOutcome.failed("451 busy"), SendOutcome.failed("550 no", permanent=True)]
    waiting = await w.notifications.send_notification(email.id)
    assert waiting is not None and waiting.due and waiting.attempts == 1
    assert waiting.next_attempt_at == START + RetrySchedule().delays[0]
    early = await w.notifications.send_notification(email.id)  # not before its next attempt
    assert early is not None and early.attempts == 1 and len(w.email.sent) == 1
    w.clock.advance(RetrySchedule().delays[0])
    failed = await w.notifications.send_notification(email.id)
    assert failed is not None and failed.status is NotificationStatus.FAILED
    admin = Actor(w.artist.user_id, Role.ADMIN)
    listed = await w.notifications.list_failed_notifications(admin, PageRequest())
    assert [n.id for n in listed.items] == [email.id] and listed.total == 1
    again = await w.notifications.retry_notification(admin, email.id)
    assert again.due and again.attempts == 0
    assert email.id in await queued_ids(w)
    sent = await w.notifications.send_notification(email.id)
    assert sent is not None and sent.status is NotificationStatus.SENT
    assert [m.message_id for m in w.email.sent].count(f"<{email.id}@inkslot.test>") == 3


async def test_a_round_sends_an_events_group_together_and_waits_for_what_is_not_due(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    w = await world(uow_factory)
    await book(w)
    await w.notifications.plan_notifications()
    stored = await all_notifications(w)
    w.email.answers = [SendOutcome.failed("451 busy")]  # the first email waits for a retry
    done = await w.notifications.send_notifications([n.id for n in stored])
    assert {n.kind for n in done.waiting} == {REMINDER} and len(done.waiting) == 8
    assert len(done.recorded) == 5 and len(w.email.sent) == 2
    assert done.retry_in == RetrySchedule().delays[0]  # the failed email's, not a reminder's
    again = await w.notifications.send_notifications([n.id for n in stored])
    assert again.recorded == () and len(w.email.sent) == 2  # nothing is due before then


class WorkerDiedError(Exception):
    """The worker is gone in the middle of a send (what a SIGKILL leaves, as far as the
    store can tell: the round ends there)."""


@pytest.mark.parametrize("repeat_reaches_no_one", [False, True])
async def test_a_group_that_could_reach_someone_twice_is_recorded_before_the_next_goes(
    uow_factory: AnyUnitOfWorkFactory, repeat_reaches_no_one: bool
) -> None:
    w = await world(uow_factory)
    await book(w, days_ahead=3)
    await book(w, days_ahead=4)
    await w.notifications.plan_notifications()
    due = sorted((n for n in await all_notifications(w) if n.kind != REMINDER), key=lambda n: n.id)
    first = [n for n in due if n.event_id == due[0].event_id]
    assert len(first) == 5 and len(due) == 10  # two groups: the two bookings' confirmations
    sent = SendOutcome.ok("ref", repeat_reaches_no_one=repeat_reaches_no_one)
    w.email.answers = [sent, sent, WorkerDiedError()]  # the first group's two, then the second's
    w.sms.answers = [sent, sent]
    with pytest.raises(WorkerDiedError):
        await w.notifications.send_notifications([n.id for n in due])
    async with w.uow(read_only=True) as uow:
        after = await uow.notifications.get_many([n.id for n in first])
    if repeat_reaches_no_one:  # nothing recorded: the next run sends it again, harmlessly
        assert all(n.status is NotificationStatus.PENDING and n.attempts == 0 for n in after)
    else:  # recorded before the second group went: never sent twice
        assert all(n.status is not NotificationStatus.PENDING for n in after)
        assert NotificationStatus.SENT in {n.status for n in after}
    again = await w.notifications.send_notifications([n.id for n in due])
    assert len(again.recorded) == (10 if repeat_reaches_no_one else 5)
    assert NotificationStatus.PENDING not in {n.status for n in again.recorded}


async def test_opted_out_channels_are_skipped_but_payment_messages_still_go(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    w = await world(uow_factory)
    quiet = await w.notifications.update_preferences(w.customer, email=False, sms=None, in_app=None)
    assert (quiet.email, quiet.sms, quiet.in_app) == (False, True, True)
    assert await w.notifications.get_preferences(w.customer) == quiet
    booking, event = a_booking(w.artist, w.customer, start=SLOT + timedelta(days=3))
    await store(w.uow, booking, event)
    cancelled, change = cancel(booking, w.customer, START, w.artist.profile.policy)
    async with w.uow() as uow:
        await record_change(uow, cancelled, change)
        await uow.commit()
    await w.notifications.plan_notifications()
    outcomes = {
        (n.kind, n.channel): n
        for n in await send_all(w)
        if n is not None and n.recipient_id == w.customer.user_id and n.kind != REMINDER
    }
    confirmed = outcomes[("booking.confirmed", Channel.EMAIL)]
    assert confirmed.status is NotificationStatus.SKIPPED
    assert confirmed.skip_reason is SkipReason.OPTED_OUT
    refund_mail = outcomes[("booking.cancelled", Channel.EMAIL)]  # a payment message
    assert refund_mail.status is NotificationStatus.SENT
    no_phone = outcomes[("booking.cancelled", Channel.SMS)]
    assert no_phone.skip_reason is SkipReason.NO_ADDRESS
    to_customer = [m.subject for m in w.email.sent if m.to_address.startswith("customer-")]
    assert to_customer == [f"Booking {booking.reference} is cancelled"]


async def test_a_reminder_of_a_cancelled_booking_is_skipped_when_its_moment_comes(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    w = await world(uow_factory)
    booking, event = a_booking(w.artist, w.customer, start=SLOT + timedelta(days=3))
    await store(w.uow, booking, event)
    await w.notifications.plan_notifications()
    reminders = [n for n in await all_notifications(w) if n.kind == REMINDER]
    cancelled, change = cancel(booking, w.customer, START, w.artist.profile.policy)
    async with w.uow() as uow:
        await record_change(uow, cancelled, change)
        await uow.commit()
    w.clock.set(max(n.send_at for n in reminders))
    results = [await w.notifications.send_notification(n.id) for n in reminders]
    assert all(r is not None and r.skip_reason is SkipReason.STALE for r in results)
    assert w.email.sent == [] and w.sms.sent == []


async def test_the_inbox_is_read_by_its_owner_only(uow_factory: AnyUnitOfWorkFactory) -> None:
    w = await world(uow_factory)
    for days in (1, 2):
        await book(w, days)
    await w.notifications.plan_notifications()
    for n in await all_notifications(w):
        if n.channel is Channel.IN_APP and n.kind != REMINDER:
            await w.notifications.send_notification(n.id)
    page, unread = await w.notifications.list_inbox(w.customer, PageRequest(page_size=1))
    assert (page.total, unread, len(page.items)) == (2, 2, 1)
    newest = page.items[0]
    stranger = await add_user(uow_factory)
    with pytest.raises(NotificationNotFoundError):
        await w.notifications.mark_read(stranger, newest.id)
    read = await w.notifications.mark_read(w.customer, newest.id)
    assert read.read_at == START and not read.unread
    assert await w.notifications.count_unread(w.customer) == 1
    unread_page, _ = await w.notifications.list_inbox(w.customer, PageRequest(), unread_only=True)
    assert [i.id for i in unread_page.items] != [newest.id] and unread_page.total == 1
    assert await w.notifications.mark_all_read(w.customer) == 1
    assert await w.notifications.count_unread(w.customer) == 0
    assert await w.notifications.count_unread(w.artist.actor) == 2


async def test_reminder_offsets_are_the_owners_and_default_to_24_and_2_hours(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    w = await world(uow_factory)
    default = await w.notifications.get_reminder_offsets(w.artist.actor, w.artist.id)
    assert default.minutes == (1440, 120)
    with pytest.raises(ArtistNotFoundError):
        await w.notifications.set_reminder_offsets(w.customer, w.artist.id, [60])
    chosen = await w.notifications.set_reminder_offsets(w.artist.actor, w.artist.id, [60, 2880])
    assert chosen.minutes == (2880, 60)
    read = await w.notifications.get_reminder_offsets(w.artist.actor, w.artist.id)
    assert read.minutes == (2880, 60)
    await book(w, days_ahead=5)
    await w.notifications.plan_notifications()
    start = SLOT + timedelta(days=5)
    moments = {n.send_at for n in await all_notifications(w) if n.kind == REMINDER}
    assert moments == {start - timedelta(minutes=2880), start - timedelta(minutes=60)}


async def test_preferences_default_to_every_channel(uow_factory: AnyUnitOfWorkFactory) -> None:
    w = await world(uow_factory)
    assert await w.notifications.get_preferences(w.customer) == NotificationPreferences(
        w.customer.user_id
    )
    async with w.uow(read_only=True) as uow:
        assert await uow.reminder_offsets.of_artists([w.artist.id]) == {}
        assert isinstance(await uow.reminder_offsets.of_artists([]), dict)
    assert ReminderOffsets(w.artist.id).minutes == (1440, 120)


async def test_on_postgres_a_send_job_commits_and_rolls_back_with_its_notification(
    database_url: str,
) -> None:
    database = Database(database_url, min_size=1, max_size=4)
    await database.open()
    try:
        factory = postgres_units(database, secrets=TEST_SECRETS)
        w = await world(factory)
        await book(w)
        planned = await w.notifications.plan_notifications()
        w.clock.set(START + timedelta(days=6))
        assert await release(w) == 8  # the reminders, two moments, days after planning
        async with database.pool.connection() as conn:
            rows = await (
                await conn.execute(
                    "SELECT j.lock, j.scheduled_at, n.kind, n.send_at FROM procrastinate_jobs j,"
                    " jsonb_array_elements_text(j.args->'notification_ids') AS one(id)"
                    " JOIN notifications n ON n.id = one.id::uuid"
                )
            ).fetchall()
        assert len(rows) == planned
        assert all(row["lock"] is None for row in rows)  # a retry waits alone
        for row in rows:
            expected = row["send_at"] if row["kind"] == REMINDER else None
            assert row["scheduled_at"] == expected  # a reminder waits for its moment
        stored = await all_notifications(w)
        fresh = [
            dataclasses.replace(n, id=NotificationId(new_uuid7()), key=n.key + ":again")
            for n in stored[:2]
        ]
        async with factory() as uow:
            made = await uow.notifications.add_new(fresh)
            await uow.notification_queue.enqueue(made)
            # no commit: both the rows and their jobs are gone
        assert len(await queued_ids(w)) == planned
    finally:
        await database.close()


async def jobs_of(database: Database) -> dict[NotificationId, tuple[datetime | None, int]]:
    """Each queued notification's job: when it is to run, and its priority."""
    async with database.pool.connection() as conn:
        rows = await (
            await conn.execute(
                "SELECT one.id::uuid AS id, j.scheduled_at, j.priority FROM procrastinate_jobs j,"
                " jsonb_array_elements_text(j.args->'notification_ids') AS one(id)"
            )
        ).fetchall()
    jobs: dict[NotificationId, tuple[datetime | None, int]] = {}
    for r in rows:
        scheduled, priority = r["scheduled_at"], r["priority"]
        assert scheduled is None or isinstance(scheduled, datetime)
        assert isinstance(priority, int)
        jobs[NotificationId(UUID(str(r["id"])))] = (scheduled, priority)
    return jobs


async def test_on_postgres_reminders_days_ahead_wait_without_a_job_until_minutes_before(
    database_url: str,
) -> None:
    """The queue's fetch walks every waiting job: a reminder days ahead is held with no job,
    and the sweep queues it ``RELEASE_LEAD`` before its moment, to run at the moment; a
    sweep rolled back releases nothing; a reminder planned within the lead is queued at
    once."""
    async with postgres_units_at(database_url) as factory:
        database = factory.database
        w = await world(factory)
        await book(w)
        await w.notifications.plan_notifications()
        stored = await all_notifications(w)
        reminders = sorted((n for n in stored if n.kind == REMINDER), key=lambda n: n.send_at)
        assert set(await jobs_of(database)) == {n.id for n in stored if n.kind != REMINDER}
        first = reminders[0].send_at
        w.clock.set(first - RELEASE_LEAD - timedelta(seconds=1))
        assert await release(w) == 0
        w.clock.set(first - RELEASE_LEAD)
        async with factory() as uow:
            until = release_until(w.clock.now())
            assert await release_held(uow.connection, uow.jobs, until) == 4
            # no commit: still held, for the next sweep
        assert await release(w) == 4
        jobs = await jobs_of(database)
        for n in reminders:
            assert jobs.get(n.id) == (
                (n.send_at, REMINDER_PRIORITY) if n.send_at == first else None
            )
        # Planned five minutes before a reminder's moment (the 2-hour one of a booking
        # whose event is read late), inside the lead: queued at once.
        booking, event = a_booking(w.artist, w.customer, start=SLOT + timedelta(days=4))
        await store(w.uow, booking, event)
        w.clock.set(SLOT + timedelta(days=4, hours=-2, minutes=-5))
        await w.notifications.plan_notifications()
        soon = [
            n
            for n in await all_notifications(w)
            if n.kind == REMINDER and n.booking_id == booking.id and n.send_at > w.clock.now()
        ]
        queued = await jobs_of(database)
        assert soon and all(n.id in queued for n in soon)


async def test_a_bookings_messages_are_read_by_booking_in_order_and_shown_to_its_people(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    """``of_booking``: the booking's notifications only, oldest first, up to a limit; and
    ``ListBookingMessages``: all to its artist and admins, the customer's own to the
    customer, nothing to a stranger (not found); addresses masked, never the message."""
    w = await world(uow_factory)
    first, event = a_booking(w.artist, w.customer, start=SLOT + timedelta(days=3))
    await store(w.uow, first, event)
    other, event = a_booking(w.artist, w.customer, start=SLOT + timedelta(days=4))
    await store(w.uow, other, event)
    await w.notifications.plan_notifications()
    everything = await all_notifications(w)
    mine = sorted((n for n in everything if n.booking_id == first.id), key=lambda n: n.id)
    assert len(mine) >= 3 and {n.recipient_id for n in mine} == {
        w.customer.user_id,
        w.artist.user_id,
    }
    async with w.uow(read_only=True) as uow:
        assert list(await uow.notifications.of_booking(first.id, 500)) == mine
        assert list(await uow.notifications.of_booking(first.id, 2)) == mine[:2]
        assert list(await uow.notifications.of_booking(BookingId(new_uuid7()), 500)) == []
    shown = w.notifications.list_booking_messages
    admin = Actor(new_uuid7(), Role.ADMIN)  # type: ignore[arg-type]
    for reader in (w.artist.actor, admin):
        assert [m.id for m in await shown(reader, first.id)] == [n.id for n in mine]
    own = await shown(w.customer, first.id)
    assert [m.id for m in own] == [n.id for n in mine if n.recipient_id == w.customer.user_id]
    assert {m.party for m in own} == {Party.CUSTOMER}
    emails = [m for m in own if m.channel is Channel.EMAIL]
    async with w.uow(read_only=True) as uow:
        customer = await uow.users.get(w.customer.user_id)
    assert customer is not None and customer.email is not None and emails
    assert {m.address for m in emails} == {f"{customer.email[0]}***@example.com"}
    assert all(m.address is None for m in own if m.channel is Channel.IN_APP)
    stranger = await add_user(uow_factory)
    other_artist = await add_bookable_artist(uow_factory)
    for nobody in (stranger, other_artist.actor):
        with pytest.raises(BookingNotFoundError):
            await shown(nobody, first.id)


async def test_a_record_locks_the_notifications_it_read_as_they_are_now(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    """``lock_current``: those still stored, in id order, with the state another writer gave
    them since they were read (the send round records onto that), and what they were
    planned with as read; one never stored is left out."""
    w = await world(uow_factory)
    await book(w)
    await w.notifications.plan_notifications()
    seen = sorted(await all_notifications(w), key=lambda n: n.id)[:3]
    assert len(seen) == 3
    later = w.clock.now() + timedelta(minutes=5)
    changed = seen[1].apply(Attempted(SendOutcome.failed("busy")), later, RetrySchedule())
    changed = dataclasses.replace(changed, reference="elsewhere")
    async with w.uow() as uow:
        await uow.notifications.update(changed)
        await uow.commit()
    never_stored = dataclasses.replace(seen[0], id=NotificationId(new_uuid7()))
    async with w.uow() as uow:
        current = await uow.notifications.lock_current([seen[2], never_stored, *seen[:2]])
        stored = [await uow.notifications.get(n.id) for n in seen]
    assert list(current) == stored == [seen[0], changed, seen[2]]
    assert changed.status is NotificationStatus.PENDING and changed.attempts == 1


async def test_on_postgres_sweeps_at_once_release_each_held_message_once_in_batches(
    database_url: str,
) -> None:
    """Two sweeps at once, in batches of 3 (each its transaction): every held message of
    three bookings gets one job, whichever sweep took it; and every one, whatever its
    moment, for the command run before a rollback."""
    async with postgres_units_at(database_url) as factory:
        w = await world(factory)
        for days in (4, 5, 6):
            await book(w, days_ahead=days)
        await w.notifications.plan_notifications()
        reminders = [n for n in await all_notifications(w) if n.kind == REMINDER]
        first_day = [n for n in reminders if n.send_at < SLOT + timedelta(days=4)]
        assert len(reminders) == 24 and first_day
        pool, manager = factory.database.pool, JobManager(PsycopgConnector())
        now = min(n.send_at for n in reminders) + timedelta(hours=1)
        swept = await asyncio.gather(
            *(release_all_held(pool, manager, release_until(now), batch=3) for _ in range(2))
        )
        due = {n.id for n in reminders if n.send_at <= now + RELEASE_LEAD}
        assert sum(swept) == len(due)
        jobs = await jobs_of(factory.database)
        assert set(jobs) & {n.id for n in reminders} == due
        rest = await release_all_held(pool, manager, EVERY_MOMENT, batch=3)
        assert rest == len(reminders) - len(due)
        assert {n.id for n in reminders} <= set(await jobs_of(factory.database))
        assert await release_all_held(pool, manager, EVERY_MOMENT) == 0
