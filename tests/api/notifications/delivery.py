"""Doing the worker's share in API tests, deterministically: plan what the outbox holds,
queue the jobs of the messages held until near their moment (the worker's minute sweep, at
the test's clock), then run every queued send job once (a job before its moment leaves its
notification waiting, as the worker would)."""

from __future__ import annotations

from uuid import UUID

import psycopg
from procrastinate import PsycopgConnector
from procrastinate.manager import JobManager
from psycopg.rows import dict_row

from adapters.postgres.database import psycopg_url
from adapters.postgres.notification_queue import release_held, release_until
from booking_domain.notifications import Notification, NotificationId
from tests.api.conftest import Api

QUEUED = """
SELECT DISTINCT jsonb_array_elements_text(args->'notification_ids')::uuid AS id
  FROM procrastinate_jobs
 WHERE task_name = 'inkslot:send_notification' ORDER BY id
"""


async def deliver(api: Api) -> list[Notification]:
    """Plan, release what is held, then send whatever is due now; returns what was
    recorded by this round."""
    await api.bundles.notifications.plan_notifications()
    async with await psycopg.AsyncConnection.connect(psycopg_url(api.database_url)) as conn:
        until = release_until(api.clock.now())
        while await release_held(conn, JobManager(PsycopgConnector()), until):
            await conn.commit()
        await conn.commit()
    async with await psycopg.AsyncConnection.connect(
        psycopg_url(api.database_url), autocommit=True
    ) as conn:
        cursor = conn.cursor(row_factory=dict_row)
        await cursor.execute(QUEUED)
        ids = [UUID(str(row["id"])) for row in await cursor.fetchall()]
    recorded = []
    for notification_id in ids:
        done = await api.bundles.notifications.send_notification(NotificationId(notification_id))
        if done is not None and not done.due:
            recorded.append(done)
    return recorded


async def prove_phone(api: Api, user_id: str, phone: str) -> None:
    """The account's number, as proven by a code (texts go only to proven numbers): set in
    the database, as the code's flow would leave it (tests/api/accounts walks that flow)."""
    async with await psycopg.AsyncConnection.connect(
        psycopg_url(api.database_url), autocommit=True
    ) as conn:
        await conn.execute(
            "UPDATE users SET phone = %s, phone_verified = true WHERE id = %s",
            (phone, UUID(user_id)),
        )
