"""Planning: turning committed events into notifications, exactly once.

One planner at a time (across processes) reads the outbox's feed from its position; for
each event it stores the notifications the table asks for (one per key) and queues their
send jobs, and moves the position past the event, all in one transaction. A crash between
two batches repeats nothing and skips nothing. With the Telegram bot on, a batch asks once
which of the accounts its events tell have a chat with the bot (one indexed read).
"""

from __future__ import annotations

from booking_domain.notifications.planning import accounts_told, artist_of, plan
from booking_domain.notifications.reminders import ReminderOffsets
from booking_domain.notifications.use_cases.deps import NotificationsDeps
from booking_domain.shared.ids import ArtistId, UserId
from booking_domain.shared.use_case import UseCase, in_batches

BATCH = 200


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

            def offsets_of(artist_id: ArtistId) -> ReminderOffsets:
                return offsets.get(artist_id) or ReminderOffsets(artist_id)

            telegram: frozenset[UserId] = frozenset()
            if self._deps.telegram_sender is not None:
                told = accounts_told(item.event for item in items)
                telegram = await uow.telegram_chats.reachable_among(told) if told else telegram
            now = self._deps.clock.now()
            planned = [n for item in items for n in plan(item.event, now, offsets_of, telegram)]
            made = await uow.notifications.add_new(planned) if planned else []
            if made:
                await uow.notification_queue.enqueue(made)
            await uow.notification_cursor.advance(items[-1].cursor)
            await uow.commit()
        return len(made), len(items) == batch_size
