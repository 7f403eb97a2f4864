"""Deliveries: the log an owner reads, redelivering one, and sending one (a job's work).

Sending follows the house shape with the network call outside any transaction: read the
delivery and its endpoint, send, then record the outcome under the delivery's row lock,
only if the delivery is still due (a job run twice after a killed worker records once;
the receiver may see the message twice and drops the repeat by its ``webhook-id``, as
Standard Webhooks asks of receivers). Whatever goes wrong in an attempt is recorded as a
failed attempt with its error: a delivery is never left pending with no trace.
"""

from __future__ import annotations

from collections.abc import Callable

from booking_domain.shared.identity import Actor
from booking_domain.shared.pages import Page, PageRequest
from booking_domain.shared.use_case import UseCase
from booking_domain.webhooks.deliveries import AttemptOutcome, Delivery, DeliveryId
from booking_domain.webhooks.endpoints import WebhookEndpoint, WebhookId
from booking_domain.webhooks.errors import DeliveryNotFoundError
from booking_domain.webhooks.use_cases.deps import WebhooksDeps
from booking_domain.webhooks.use_cases.endpoints import visible_endpoint

_Change = Callable[[Delivery], Delivery]


class ListDeliveries(UseCase[WebhooksDeps]):
    async def __call__(
        self, actor: Actor, webhook_id: WebhookId, page: PageRequest
    ) -> Page[Delivery]:
        async with self._deps.uow(read_only=True) as uow:
            await visible_endpoint(uow, actor, webhook_id)
            return await uow.deliveries.page(webhook_id, page)


class Redeliver(UseCase[WebhooksDeps]):
    """Queue one delivery again (a fresh schedule of attempts), whatever became of it."""

    async def __call__(
        self, actor: Actor, webhook_id: WebhookId, delivery_id: DeliveryId
    ) -> Delivery:
        async with self._deps.uow() as uow:
            await visible_endpoint(uow, actor, webhook_id)
            delivery = await uow.deliveries.get(delivery_id)
            if delivery is None or delivery.endpoint_id != webhook_id:
                raise DeliveryNotFoundError()
            again = delivery.redelivered(self._deps.clock.now())
            await uow.deliveries.update(again)
            await uow.delivery_queue.enqueue([again])
            await uow.commit()
        return again


class DeliverWebhook(UseCase[WebhooksDeps]):
    """One attempt of a due delivery; returns the delivery as recorded (still ``pending``
    with ``next_attempt_at`` when it must be tried again), or None when there is nothing
    to do (delivered already, skipped, gone)."""

    async def __call__(self, delivery_id: DeliveryId) -> Delivery | None:
        async with self._deps.uow(read_only=True) as uow:
            delivery = await uow.deliveries.get(delivery_id)
            endpoint = None if delivery is None else await uow.webhooks.get(delivery.endpoint_id)
        if delivery is None or not delivery.due:
            return None
        if endpoint is None or not endpoint.active:
            return await self._record(delivery_id, lambda d: d.skipped(self._deps.clock.now()))
        outcome = await self._attempt(endpoint, delivery)
        return await self._record(
            delivery_id,
            lambda d: d.attempted(outcome, self._deps.clock.now(), self._deps.retries),
        )

    async def _attempt(self, endpoint: WebhookEndpoint, delivery: Delivery) -> AttemptOutcome:
        try:
            return await self._deps.webhook_sender.send(
                endpoint.url,
                secret=endpoint.secret,
                message_id=str(delivery.event_id),
                body=delivery.body,
            )
        # Not only the target's failures: a fault of the sender itself is an attempt that
        # failed too, so the delivery is recorded and retried, never left pending unseen.
        except Exception as exc:
            return AttemptOutcome(None, f"the attempt failed ({type(exc).__name__})")

    async def _record(self, delivery_id: DeliveryId, change: _Change) -> Delivery | None:
        async with self._deps.uow() as uow:
            current = await uow.deliveries.lock(delivery_id)
            if current is None or not current.due:
                return None
            changed = change(current)
            await uow.deliveries.update(changed)
            await uow.commit()
        return changed
