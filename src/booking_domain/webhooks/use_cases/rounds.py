"""Sending a round: the deliveries one dispatch batch made for one endpoint, in one job.

Two reads (the endpoint with its deliveries, and which of their subjects have a delivery's
job queued or running), then the chains of the round's subjects side by side, each in order
(booking_domain/webhooks/rounds.py says when a chain stops), a few attempts at a time. The
outcomes are written a batch at a time, each only over the delivery as read (as a single
attempt's is, ``replace_if_unchanged``), and in the same transaction what must wait is
handed to jobs of its own: a delivery to be tried again (at its moment: its write goes at
once), then the rest of its chain, in order. A paused endpoint's deliveries are skipped,
but a subject held back keeps waiting behind its job (which decides when it runs). A
worker killed mid-round leaves what it had not written pending; the round's job runs again
and sends those again (a receiver drops a repeat by its ``webhook-id``), and what was
written is not sent again.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass, field

from booking_domain.shared.use_case import UseCase
from booking_domain.webhooks.deliveries import Delivery, DeliveryId
from booking_domain.webhooks.endpoints import WebhookId
from booking_domain.webhooks.rounds import DeliveryRound
from booking_domain.webhooks.use_cases.deliveries import attempt
from booking_domain.webhooks.use_cases.deps import WebhooksDeps

SENDS_AT_ONCE = 8  # attempts of one round on the wire at a time (different subjects)
WRITE_EVERY = 32  # outcomes written together; a killed round sends at most these again


@dataclass(frozen=True, slots=True)
class RoundReport:
    """What a round did: the deliveries it recorded (as written), and those it handed to
    jobs of their own, in the order queued."""

    recorded: tuple[Delivery, ...] = ()
    handed_over: tuple[Delivery, ...] = ()


@dataclass(slots=True)
class _Entry:
    seen: Delivery | None  # None: handed over unsent
    changed: Delivery | None
    then: Sequence[Delivery] = ()  # the rest of its chain, to queue behind it


@dataclass(slots=True)
class _Writes:
    pending: list[_Entry] = field(default_factory=list)
    recorded: list[Delivery] = field(default_factory=list)
    handed_over: list[Delivery] = field(default_factory=list)
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)


class DeliverWebhookRound(UseCase[WebhooksDeps]):
    """Send a round (a dispatch batch's new deliveries to one endpoint); returns what was
    recorded and what was handed over. Safe to run twice: only deliveries still pending as
    read are recorded, and a delivery recorded is not sent again."""

    async def __call__(
        self, endpoint_id: WebhookId, delivery_ids: Sequence[DeliveryId]
    ) -> RoundReport:
        async with self._deps.uow(read_only=True) as uow:
            found = await uow.webhooks.round_of(endpoint_id, delivery_ids)
            keys = {d.order_key for d in found.deliveries} if found else set()
            held = await uow.delivery_queue.held_back(keys) if keys else frozenset()
        if found is None:
            return RoundReport()
        writes = _Writes()
        if not found.endpoint.active:  # paused: skipped, but not ahead of a job of its subject
            now = self._deps.clock.now()
            for chain in found.chains():
                if chain[0].order_key in held:
                    writes.pending.append(_Entry(None, None, chain))
                else:
                    writes.pending += [_Entry(d, d.skipped(now)) for d in chain]
        else:
            sending = asyncio.Semaphore(SENDS_AT_ONCE)
            # A task group: when a write fails, the other chains stop too (no attempt goes
            # out that the round's next run would not know of) before the failure is raised.
            try:
                async with asyncio.TaskGroup() as chains:
                    for chain in found.chains():
                        walk = self._walk(found, chain, held, sending, writes)
                        chains.create_task(walk)
            except* Exception as failed:
                raise failed.exceptions[0] from failed
        await self._write(writes)
        return RoundReport(tuple(writes.recorded), tuple(writes.handed_over))

    async def _walk(
        self,
        found: DeliveryRound,
        chain: list[Delivery],
        held: frozenset[str],
        sending: asyncio.Semaphore,
        writes: _Writes,
    ) -> None:
        """One subject's deliveries in order, until one must wait."""
        if chain[0].order_key in held:  # behind a job of its subject: all of it queues
            writes.pending.append(_Entry(None, None, chain))
            return
        for i, delivery in enumerate(chain):
            async with sending:
                outcome = await attempt(self._deps.webhook_sender, found.endpoint, delivery)
            now = self._deps.clock.now()
            changed = delivery.attempted(outcome, now, self._deps.retries)
            waits = changed.due  # to be tried again: the rest of its subject waits behind it
            writes.pending.append(_Entry(delivery, changed, chain[i + 1 :] if waits else ()))
            # A retry's job is queued at once: it runs on its schedule, counted from now.
            if waits or len(writes.pending) >= WRITE_EVERY:
                await self._write(writes)
            if waits:
                break

    async def _write(self, writes: _Writes) -> None:
        """The outcomes gathered so far in one write, and the jobs of what must wait in the
        same transaction (none to queue: the write alone, in autocommit)."""
        async with writes.lock:
            entries, writes.pending = writes.pending, []
            if not entries:
                return
            changes = [(e.seen, e.changed) for e in entries if e.seen and e.changed]
            queue_any = any(e.then or (e.changed and e.changed.due) for e in entries)
            async with self._deps.uow(autocommit=not queue_any) as uow:
                written = await uow.deliveries.replace_if_unchanged(changes) if changes else ()
                to_queue = _to_queue(entries, frozenset(written))
                if to_queue:
                    await uow.delivery_queue.enqueue(to_queue)
                if queue_any:
                    await uow.commit()
            writes.recorded += [c for _, c in changes if c.id in written]
            writes.handed_over += to_queue


def _to_queue(entries: Sequence[_Entry], written: frozenset[DeliveryId]) -> list[Delivery]:
    """What must wait, in the order of its chains: a delivery to be tried again (if its
    outcome was written: else another run, or a redelivery, queued it already), then the
    rest of its chain."""
    queued: list[Delivery] = []
    for entry in entries:
        if entry.changed is not None and entry.changed.due and entry.changed.id in written:
            queued.append(entry.changed)
        queued += entry.then
    return queued
