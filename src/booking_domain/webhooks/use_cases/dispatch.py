"""Dispatch: turning committed events into deliveries, exactly once.

One dispatcher at a time (across processes) reads the outbox's feed from the dispatch
position; for each event and each active endpoint that wants it, it makes a delivery, queues
one round's job per endpoint for the batch's deliveries (rounds.py), and moves the position
past the batch, all in one transaction. A crash between two batches repeats nothing and
skips nothing: the next dispatcher starts from the committed position.
"""

from __future__ import annotations

from booking_domain.shared.use_case import UseCase, in_batches
from booking_domain.webhooks.deliveries import Delivery
from booking_domain.webhooks.use_cases.deps import WebhooksDeps

BATCH = 200


class DispatchWebhooks(UseCase[WebhooksDeps]):
    """Dispatch what the feed holds now, in batches; returns how many deliveries were made
    (0 also when another dispatcher is at work)."""

    async def __call__(self, *, batch_size: int = BATCH) -> int:
        return await in_batches(self._one_batch, batch_size)

    async def _one_batch(self, batch_size: int) -> tuple[int, bool]:
        """Deliveries made by one batch, and whether the feed may hold more now."""
        async with self._deps.uow() as uow:
            position = await uow.dispatch_cursor.claim()
            if position is None:
                return 0, False
            endpoints = await uow.webhooks.active()
            if not endpoints:  # nobody to deliver to: move past what is there, unread
                tail = await self._deps.feed.tail()
                if tail is not None and (position.after is None or tail > position.after):
                    await uow.dispatch_cursor.advance(tail)
                    await uow.commit()
                return 0, False
            items = await self._deps.feed.read(position.after, limit=batch_size)
            if not items:
                return 0, False
            now = self._deps.clock.now()
            deliveries = [
                Delivery.of(endpoint, item.event, now)
                for item in items
                for endpoint in endpoints
                if endpoint.wants(item.event)
            ]
            if deliveries:
                await uow.deliveries.add_many(deliveries)
                if self._deps.rounds:
                    await uow.delivery_queue.enqueue_rounds(deliveries)
                else:
                    await uow.delivery_queue.enqueue(deliveries)
            await uow.dispatch_cursor.advance(items[-1].cursor)
            await uow.commit()
        return len(deliveries), len(items) == batch_size
