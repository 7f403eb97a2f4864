"""Deliveries: the log an owner reads, redelivering one, and sending one (a job's work).

Sending follows the house shape with the network call outside any transaction: read the
delivery with its endpoint, send, then record the outcome only if the delivery is still as
it was read (a job run twice after a killed worker records once; the receiver may see the
message twice and drops the repeat by its ``webhook-id``, as Standard Webhooks asks of
receivers). Whatever goes wrong in an attempt is recorded as a failed attempt with its
error: a delivery is never left pending with no trace.
"""

from __future__ import annotations

from booking_domain.shared.identity import Actor
from booking_domain.shared.pages import Page, PageRequest
from booking_domain.shared.use_case import UseCase
from booking_domain.webhooks.deliveries import AttemptOutcome, Delivery, DeliveryId
from booking_domain.webhooks.endpoints import WebhookEndpoint, WebhookId
from booking_domain.webhooks.errors import DeliveryNotFoundError
from booking_domain.webhooks.ports import WebhookSender
from booking_domain.webhooks.use_cases.deps import WebhooksDeps
from booking_domain.webhooks.use_cases.endpoints import visible_endpoint


class ListDeliveries(UseCase[WebhooksDeps]):
    async def __call__(
        self, actor: Actor, webhook_id: WebhookId, page: PageRequest
    ) -> Page[Delivery]:
        async with self._deps.uow(read_only=True) as uow:
            await visible_endpoint(uow, actor, webhook_id)
            return await uow.deliveries.page(webhook_id, page)


class Redeliver(UseCase[WebhooksDeps]):
    """Queue one delivery again (a fresh schedule of attempts), whatever became of it; one
    still waiting for its first attempt is left as it is: its round, or its own job, sends
    it in its subject's order (a job of its own now could overtake an earlier event)."""

    async def __call__(
        self, actor: Actor, webhook_id: WebhookId, delivery_id: DeliveryId
    ) -> Delivery:
        async with self._deps.uow() as uow:
            await visible_endpoint(uow, actor, webhook_id)
            delivery = await uow.deliveries.get(delivery_id)
            if delivery is None or delivery.endpoint_id != webhook_id:
                raise DeliveryNotFoundError()
            if delivery.due and delivery.attempts == 0:
                return delivery
            again = delivery.redelivered(self._deps.clock.now())
            await uow.deliveries.update(again)
            await uow.delivery_queue.enqueue([again])
            await uow.commit()
        return again


class DeliverWebhook(UseCase[WebhooksDeps]):
    """One attempt of a due delivery; returns the delivery as recorded (still ``pending``
    with ``next_attempt_at`` when it must be tried again), or None when there is nothing
    to do (delivered already, skipped, gone, or redelivered meanwhile).

    Two statements around the attempt: the delivery read with its endpoint, and the
    outcome written only if the delivery is still as read (``replace_if_unchanged``: a
    second run of the job, or a redelivery meanwhile, makes it a no-op)."""

    async def __call__(self, delivery_id: DeliveryId) -> Delivery | None:
        async with self._deps.uow(read_only=True) as uow:
            found = await uow.webhooks.with_delivery(delivery_id)
        if found is None or not found[1].due:
            return None
        endpoint, delivery = found
        if not endpoint.active:
            return await self._record(delivery, delivery.skipped(self._deps.clock.now()))
        outcome = await attempt(self._deps.webhook_sender, endpoint, delivery)
        now = self._deps.clock.now()
        return await self._record(delivery, delivery.attempted(outcome, now, self._deps.retries))

    async def _record(self, seen: Delivery, changed: Delivery) -> Delivery | None:
        """``changed`` once written; when another run wrote first, the delivery as that run
        left it if it was an attempt of the same schedule (more attempts, still due: both
        runs then ask for the same retry, whichever finishes its job first), else None (a
        redelivery took over, with a job of its own)."""
        async with self._deps.uow(autocommit=True) as uow:
            if await uow.deliveries.replace_if_unchanged([(seen, changed)]):
                return changed
            current = await uow.deliveries.get(seen.id)
        if current is not None and current.due and current.attempts > seen.attempts:
            return current
        return None


async def attempt(
    sender: WebhookSender, endpoint: WebhookEndpoint, delivery: Delivery
) -> AttemptOutcome:
    """One attempt of ``delivery`` to ``endpoint``, signed afresh under its event's id."""
    try:
        return await sender.send(
            endpoint.url,
            secret=endpoint.secret,
            message_id=str(delivery.event_id),
            body=delivery.body,
        )
    # Not only the target's failures: a fault of the sender itself is an attempt that failed
    # too, so the delivery is recorded and retried, never left pending unseen.
    except Exception as exc:
        return AttemptOutcome(None, f"the attempt failed ({type(exc).__name__})")
