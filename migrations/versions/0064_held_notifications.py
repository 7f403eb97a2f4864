"""Notifications held back from the job queue until shortly before their moment.

A reminder (an aftercare message, a review request) waits days for its moment. As a job
deferred to that moment it sat in the queue the whole time, and every fetch of a job with
nothing else due walked past all of them. Such a message is now planned with ``held`` set
and no job; a sweep queues its job a few minutes before its moment
(adapters/postgres/notification_queue.py), through the partial index below.

Rolling-deploy safe: a new column with a default (the release still running inserts
without it and gets ``false``: it queues its reminders' jobs at once, as before) and a
partial index that holds no row when it is built (one scan of the table; writes to the
table wait for it, reads do not). The sweep runs in the new release's workers only: with
the release before still planning beside it, its reminders are queued at once, as they
were. Going back to the release before by its code alone (docs/deployment.md, "Rolling
back") leaves held messages with no job: `inkslot jobs release-held` queues them all first.
Going back by this downgrade queues the job of every message still held.

Revision ID: 0064_held_notifications
Revises: 0063_api_keys
Create Date: 2026-11-28 15:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0064_held_notifications"
down_revision: str | None = "0063_api_keys"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "notifications",
        sa.Column("held", sa.Boolean(), server_default=sa.text("false"), nullable=False),
    )
    op.create_index(
        "ix_notifications_held",
        "notifications",
        ["next_attempt_at"],
        unique=False,
        postgresql_where=sa.text("held AND status = 'pending'"),
    )


# Going back to a release that never holds: every message still held gets its job, deferred
# to its moment (a job per message: the release before grouped them by moment, and either
# way a job sends only what is due), or it would never be sent.
_QUEUE_HELD = """
SELECT procrastinate_defer_jobs_v1(coalesce(array_agg(ROW(
         'notifications', 'inkslot:send_notification', -1, NULL, NULL,
         jsonb_build_object('notification_ids', jsonb_build_array(id::text)), next_attempt_at
       )::procrastinate_job_to_defer_v1), '{}'))
  FROM notifications
 WHERE held AND status = 'pending'
"""


def downgrade() -> None:
    # No sweep nor planner may release or hold a message between the jobs queued here and
    # the column's end: writes wait for the downgrade's commit.
    op.execute("LOCK TABLE notifications IN EXCLUSIVE MODE")
    op.execute(_QUEUE_HELD)
    op.drop_index("ix_notifications_held", table_name="notifications")
    op.drop_column("notifications", "held")
