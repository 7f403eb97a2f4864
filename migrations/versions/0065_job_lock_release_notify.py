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
next job waiting on the lock, whenever a job of that lock leaves ``doing`` (finished and
deleted, finished and kept, failed, or back to ``todo`` for a retry). The lookup walks
procrastinate's partial index ``procrastinate_jobs_id_lock_idx_v1``; the notification goes
at the commit of the job's end, so a woken worker finds the lock free.

Rolling-deploy safe: a function and a trigger on the job table; the release before runs
beside it unchanged (its workers are woken as well). The downgrade drops both.

Revision ID: 0065_job_lock_release_notify
Revises: 0064_held_notifications
Create Date: 2026-11-29 05:10:00
"""

from collections.abc import Sequence

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
    IF TG_OP = 'UPDATE' AND NEW.status = 'doing' THEN
        RETURN NULL;
    END IF;
    SELECT id, queue_name INTO next_job
      FROM procrastinate_jobs
     WHERE lock = OLD.lock AND status = 'todo' AND id <> OLD.id
     ORDER BY id
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


def upgrade() -> None:
    op.execute(_FUNCTION)
    op.execute(_TRIGGER)


def downgrade() -> None:
    op.execute("DROP TRIGGER inkslot_jobs_notify_lock_released ON procrastinate_jobs")
    op.execute("DROP FUNCTION inkslot_notify_lock_released()")
