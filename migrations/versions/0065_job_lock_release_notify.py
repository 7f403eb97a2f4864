"""A job that ends wakes the workers when a job behind its lock can now run.

procrastinate runs the jobs of one ``lock`` one at a time: one endpoint's webhook rounds,
one subject's deliveries. A worker whose fetch found only jobs held back by a lock stops
fetching and waits for a job to be inserted (procrastinate's ``NOTIFY``) or for its
polling interval (5 s). When the job holding the lock ends, nothing is inserted, so
nothing wakes anyone: the next job of the lock waited up to 5 s. Measured
(docs/performance.md): with two workers, one endpoint's rounds ran with gaps of seconds
between them, and a burst's deliveries drained three times slower than with one worker.

This trigger tells procrastinate's listeners, in the words of its own insert trigger
(``job_inserted`` on ``procrastinate_any_queue_v1`` and the queue's channel), about the
next job waiting on the lock (in fetch order: priority, then id) whenever a job of that
lock ends (succeeded and deleted, succeeded and kept, failed, aborted), at the commit of
that end, when the lock is free. A job put back to ``todo`` for a retry still holds its
lock (procrastinate's fetch keeps the later jobs behind it), so it tells nobody. The
lookup reads a partial index of the waiting jobs that have a lock, by lock
(``ix_procrastinate_jobs_waiting_lock``: only locked jobs are in it, so the rest of the
queue pays nothing for it).

A wake can still be missed by a worker whose fetch is in flight when it comes (procrastinate
clears its wake-up flag after each fetch); that worker's poll (5 s) remains the fallback.

A later procrastinate migration that alters ``procrastinate_jobs.status`` or ``lock`` must
drop this trigger first and create it again after (its condition names both columns).

Rolling-deploy safe: a function, a trigger and a partial index on the job table (the job
table is small: finished jobs are deleted; writes to it wait for the index's build); the
release before runs beside it unchanged (its workers are woken as well). The downgrade drops
all three.

Revision ID: 0065_job_lock_release_notify
Revises: 0064_held_notifications
Create Date: 2026-11-29 05:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0065_job_lock_release_notify"
down_revision: str | None = "0064_held_notifications"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_FUNCTION = """
CREATE FUNCTION inkslot_notify_lock_released() RETURNS trigger
    LANGUAGE plpgsql
AS $$
DECLARE
    next_job RECORD;
    payload TEXT;
BEGIN
    -- Still running (an abort asked), or back to todo for a retry: the lock is still held.
    IF TG_OP = 'UPDATE' AND NEW.status IN ('doing', 'todo') THEN
        RETURN NULL;
    END IF;
    SELECT id, queue_name INTO next_job
      FROM procrastinate_jobs
     WHERE lock = OLD.lock AND lock IS NOT NULL AND status = 'todo' AND id <> OLD.id
     ORDER BY priority DESC, id
     LIMIT 1;
    IF FOUND THEN
        payload := json_build_object('type', 'job_inserted', 'job_id', next_job.id)::text;
        PERFORM pg_notify('procrastinate_queue_v1#' || next_job.queue_name, payload);
        PERFORM pg_notify('procrastinate_any_queue_v1', payload);
    END IF;
    RETURN NULL;
END;
$$
"""

_TRIGGER = """
CREATE TRIGGER inkslot_jobs_notify_lock_released
    AFTER DELETE OR UPDATE OF status ON procrastinate_jobs
    FOR EACH ROW WHEN (OLD.status = 'doing' AND OLD.lock IS NOT NULL)
    EXECUTE FUNCTION inkslot_notify_lock_released()
"""


_INDEX = "ix_procrastinate_jobs_waiting_lock"


def upgrade() -> None:
    op.create_index(
        _INDEX,
        "procrastinate_jobs",
        ["lock", sa.text("priority DESC"), "id"],
        postgresql_where=sa.text("status = 'todo' AND lock IS NOT NULL"),
    )
    op.execute(_FUNCTION)
    op.execute(_TRIGGER)


def downgrade() -> None:
    op.execute("DROP TRIGGER inkslot_jobs_notify_lock_released ON procrastinate_jobs")
    op.execute("DROP FUNCTION inkslot_notify_lock_released()")
    op.drop_index(_INDEX, table_name="procrastinate_jobs")
