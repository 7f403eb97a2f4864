"""Planning: turning committed events into notifications, exactly once.

One planner at a time (across processes) reads the outbox's feed from its position; for
each event it stores the notifications the table asks for (one per key) and queues their
send jobs, and moves the position past the event, all in one transaction. A crash between
two batches repeats nothing and skips nothing. With the Telegram bot on, a batch asks once
which of the accounts its events tell have a chat with the bot (one indexed read). The
texts an account's actions cause are charged to it in the same transaction, and those over
its day's bound are stored already skipped (``text_allowance``: one read and one write,
only for a batch that plans such texts).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from booking_domain.catalog import AftercareSettings
from booking_domain.notifications.notifications import Notification
from booking_domain.notifications.planning import (
    accounts_told,
    artist_of,
    asks_for_consent,
    consent_requests,
    finished_artist_of,
    plan,
)
from booking_domain.notifications.ports import NotificationsUnitOfWork
from booking_domain.notifications.reminders import ReminderOffsets
from booking_domain.notifications.text_allowance import (
    accounts_charged,
    charges_of,
    within_allowance,
)
from booking_domain.notifications.use_cases.deps import NotificationsDeps
from booking_domain.shared.ids import ArtistId, UserId
from booking_domain.shared.outbox import OutboxEvent
from booking_domain.shared.use_case import UseCase, in_batches

BATCH = 200


async def _consent_requests(
    uow: NotificationsUnitOfWork,
    events: list[OutboxEvent],
    now: datetime,
    telegram: frozenset[UserId],
) -> list[Notification]:
    """Requests to sign for the batch's booked or confirmed bookings whose artist requires a
    consent form they lack: one primary-key lookup per such booking, none for a batch
    without them."""
    asked = {b: e for e in events if (b := asks_for_consent(e)) is not None}
    if not asked:
        return []
    unsigned = await uow.consents.unsigned(list(asked))
    return [
        n for b, e in asked.items() if b in unsigned for n in consent_requests(e, now, telegram)
    ]


async def _reachable_chats(
    deps: NotificationsDeps, uow: NotificationsUnitOfWork, events: list[OutboxEvent]
) -> frozenset[UserId]:
    """The accounts the events tell that have a chat with the Telegram bot (none asked for
    while the bot is off)."""
    if deps.telegram_sender is None:
        return frozenset()
    told = accounts_told(events)
    return await uow.telegram_chats.reachable_among(told) if told else frozenset()


async def _within_allowance(
    deps: NotificationsDeps,
    uow: NotificationsUnitOfWork,
    planned: list[Notification],
    now: datetime,
) -> list[Notification]:
    """The texts planned, charged to the accounts whose actions caused them, and those over
    an account's day skipped (``text_allowance``): one read, only for a batch that plans a
    text some account caused."""
    accounts = accounts_charged(planned)
    if not accounts:
        return planned
    used = await uow.text_allowance.used(accounts, now.date())
    return list(within_allowance(planned, used, deps.daily_texts, now).planned)


class PlanNotifications(UseCase[NotificationsDeps]):
    """Plan what the feed holds now, in batches; returns how many notifications were
    made (0 also when another planner is at work)."""

    async def __call__(self, *, batch_size: int = BATCH) -> int:
        return await in_batches(self._one_batch, batch_size)

    async def _one_batch(self, batch_size: int) -> tuple[int, bool]:
        async with self._deps.uow() as uow:
            position = await uow.notification_cursor.claim()
            if position is None:
                return 0, False
            items = await self._deps.feed.read(position.after, limit=batch_size)
            if not items:
                return 0, False
            artists = {a for item in items if (a := artist_of(item.event)) is not None}
            offsets = await uow.reminder_offsets.of_artists(sorted(artists, key=str))
            finished = {a for item in items if (a := finished_artist_of(item.event)) is not None}
            # Read only when the batch completed a booking: an idle or busy feed of other
            # events costs nothing more.
            aftercare = await uow.aftercare.of_artists(finished) if finished else {}

            def offsets_of(artist_id: ArtistId) -> ReminderOffsets:
                return offsets.get(artist_id) or ReminderOffsets(artist_id)

            def aftercare_of(artist_id: ArtistId) -> AftercareSettings:
                return aftercare.get(artist_id) or AftercareSettings(artist_id)

            events = [item.event for item in items]
            telegram = await _reachable_chats(self._deps, uow, events)
            now = self._deps.clock.now()
            planned = [
                n for e in events for n in plan(e, now, offsets_of, aftercare_of, telegram=telegram)
            ]
            planned += await _consent_requests(uow, events, now, telegram)
            planned = await _within_allowance(self._deps, uow, planned, now)
            made = await uow.notifications.add_new(planned) if planned else []
            if charged := charges_of(made):
                await uow.text_allowance.charge(now.date(), charged)
            if due := [n for n in made if n.due]:  # a text over its bound is made skipped
                await uow.notification_queue.enqueue(due)
            await uow.notification_cursor.advance(items[-1].cursor)
            await uow.commit()
        return len(made), len(items) == batch_size


class PurgeTextAllowance(UseCase[NotificationsDeps]):
    """Forget the texts charged on days before yesterday (UTC); how many account-days. Only
    today's count bounds anything; yesterday's is kept to look into abuse."""

    async def __call__(self) -> int:
        before = self._deps.clock.now().date() - timedelta(days=1)
        async with self._deps.uow() as uow:
            purged = await uow.text_allowance.purge(before)
            await uow.commit()
        return purged
