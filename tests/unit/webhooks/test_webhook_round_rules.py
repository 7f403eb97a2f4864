"""The rules of a webhook round, for any batch: each subject's deliveries go out in the order
dispatched; nothing of a subject goes after one of its deliveries that must wait; whatever
was not sent is handed to jobs of its own in the order dispatched; nothing is lost."""

from __future__ import annotations

import asyncio

from hypothesis import given, settings
from hypothesis import strategies as st

from booking_domain.webhooks import DeliveryStatus
from tests.contract.webhooks.test_webhook_rounds_contract import (
    Receiver,
    dispatched,
    webhooks,
)
from tests.contract.webhooks.test_webhooks_contract import an_endpoint
from tests.support.storage import memory_units

SUBJECTS = "abcd"


@settings(max_examples=60, deadline=None)
@given(
    subjects=st.lists(st.sampled_from(SUBJECTS), min_size=1, max_size=48),  # 32 a write
    refused=st.sets(st.integers(0, 47)),
    held=st.sets(st.sampled_from(SUBJECTS)),
)
def test_a_round_keeps_each_subjects_order_and_loses_nothing(
    subjects: list[str], refused: set[int], held: set[str]
) -> None:
    asyncio.run(_check(subjects, refused, held))


async def _check(subjects: list[str], refused: set[int], held: set[str]) -> None:
    units = memory_units()
    endpoint = await an_endpoint(units)
    waiting = await dispatched(units, endpoint, sorted(held))  # each held by a job of its own
    async with units() as uow:
        await uow.delivery_queue.enqueue(waiting)
        await uow.commit()
    deliveries = await dispatched(units, endpoint, subjects)
    receiver = Receiver(refuse=refused)
    report = await webhooks(units, receiver).deliver_webhook_round(
        endpoint.id, [d.id for d in deliveries]
    )
    async with units(read_only=True) as uow:
        after = {d.id: await uow.deliveries.get(d.id) for d in deliveries}
        queued = [j.delivery_ids[0] for j in uow.delivery_queue.queued() if not j.endpoint_id]
    handed = [d.id for d in report.handed_over]
    subject_of = {d.id: d.subject for d in deliveries}
    assert queued[len(waiting) :] == handed  # the round queued what it handed over, in order
    for subject in SUBJECTS:
        chain = [n for n, d in enumerate(deliveries) if d.subject == subject]
        sent = [n for n in receiver.came if n in chain]
        stop = next((i for i, n in enumerate(chain) if n in refused), len(chain) - 1)
        expected = [] if subject in held else chain[: stop + 1]
        assert sent == expected  # in order, and nothing after one that must wait
        rest = [deliveries[n].id for n in chain[len(sent) :]]
        retry = [deliveries[chain[stop]].id] if sent and chain[stop] in refused else []
        assert [i for i in handed if subject_of[i] == subject] == retry + rest
        for n in chain:
            stored = after[deliveries[n].id]
            assert stored is not None
            if n in sent and n not in refused:
                assert stored.status is DeliveryStatus.DELIVERED and stored.attempts == 1
            else:  # never lost: pending, with a job of its own
                assert stored.due and stored.id in handed
