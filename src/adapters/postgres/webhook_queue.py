"""The webhook delivery queue: procrastinate jobs deferred on the unit of work's own
connection, so a delivery and its job commit or vanish together.

Jobs of one delivery ``order_key`` share a procrastinate ``lock``: procrastinate runs the
jobs of a lock one at a time in id order, and a job waiting for its retry still holds back
the later ones (its ``fetch_job``). A round's job (a dispatch batch's deliveries to one
endpoint) holds the endpoint's round lock, so one endpoint's rounds run one at a time in the
order queued.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

import procrastinate
from procrastinate import jobs as job_states
from procrastinate.manager import JobManager
from procrastinate.types import JSONValue
from sqlalchemy import Text, any_, bindparam, column, select, table
from sqlalchemy.dialects.postgresql import ARRAY

from adapters.postgres.database import Connection
from adapters.postgres.sql import Statement, constant
from booking_domain.webhooks import Delivery, WebhookId
from booking_domain.webhooks.ports import DeliveryQueue

# Registered by entrypoints/worker/webhooks.py.
DELIVER_WEBHOOK_TASK = "inkslot:deliver_webhook"
DELIVER_WEBHOOK_ROUND_TASK = "inkslot:deliver_webhook_round"
WEBHOOK_QUEUE = "webhooks"


def job_manager() -> JobManager:
    """procrastinate's job manager for deferring on connections we hand it: its own
    connector is never opened."""
    return JobManager(procrastinate.PsycopgConnector())


# procrastinate's job table (its own schema, not in our metadata): what ``held_back`` reads.
_JOBS = table("procrastinate_jobs", column("lock", Text), column("status", Text))
# No index leads with the lock: this scans the partial index procrastinate_jobs_id_lock_idx_v1
# (every job to do or running, all queues): about 0.1 ms with 500 of them, once per round.
_HELD_BACK = Statement(
    lambda: (
        select(_JOBS.c.lock)
        .distinct()
        .where(
            _JOBS.c.status.in_([constant("todo"), constant("doing")]),
            _JOBS.c.lock == any_(bindparam("locks", type_=ARRAY(Text()))),
        )
    )
)


class ProcrastinateDeliveryQueue(DeliveryQueue):
    def __init__(self, manager: JobManager, connection: Connection) -> None:
        self._manager = manager
        self._conn = connection

    async def enqueue(self, deliveries: Sequence[Delivery]) -> None:
        # The queue's own clock schedules it (procrastinate compares with the database's
        # now): a delivery's wait is a span, not a moment of the domain's clock.
        now = datetime.now(UTC)
        jobs = [
            job_states.Job(
                id=None,
                lock=d.order_key,
                queueing_lock=None,
                task_name=DELIVER_WEBHOOK_TASK,
                queue=WEBHOOK_QUEUE,
                task_kwargs={"delivery_id": str(d.id)},
                scheduled_at=now + d.wait if d.wait else None,
            )
            for d in deliveries
        ]
        await self._manager.batch_defer_jobs_async(jobs, connection=self._conn)

    async def held_back(self, order_keys: Collection[str]) -> frozenset[str]:
        cursor = await self._conn.execute(_HELD_BACK.text, {"locks": list(order_keys)})
        rows: Sequence[Mapping[str, Any]] = await cursor.fetchall()
        return frozenset(str(r["lock"]) for r in rows)

    async def enqueue_rounds(self, deliveries: Sequence[Delivery]) -> None:
        by_endpoint: dict[WebhookId, list[JSONValue]] = {}
        for d in deliveries:
            by_endpoint.setdefault(d.endpoint_id, []).append(str(d.id))
        jobs = [
            job_states.Job(
                id=None,
                lock=f"webhook-round:{endpoint_id}",
                queueing_lock=None,
                task_name=DELIVER_WEBHOOK_ROUND_TASK,
                queue=WEBHOOK_QUEUE,
                task_kwargs={"endpoint_id": str(endpoint_id), "delivery_ids": ids},
            )
            for endpoint_id, ids in by_endpoint.items()
        ]
        await self._manager.batch_defer_jobs_async(jobs, connection=self._conn)
