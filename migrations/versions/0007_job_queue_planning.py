"""The job queue keeps taking jobs at full speed through a burst.

procrastinate's ``procrastinate_fetch_job_v2`` picks the first ``todo`` job in
``(priority DESC, id)`` order. A queue table is empty most of the time, so its statistics say
"no todo rows"; when a burst arrives before the next ANALYZE, the planner, trusting them,
reads every todo row with a bitmap scan and sorts them all, in each fetch: draining N jobs
costs N^2. Measured (docs/performance.md): 2,000 no-op jobs behind a burst of webhook
deliveries ran at 32 jobs/s until autovacuum's next visit, 1,012 jobs/s with this revision.

- The fetch function is planned without bitmap scans and sorts: it walks
  ``procrastinate_jobs_priority_idx_v1``, which is already in the order wanted, and stops
  at the first job it can take, whatever the statistics say.
- The table is vacuumed and analysed after every 1,000 changed rows (the default waits for
  a fifth of the table, and a queue's size swings far more than that).

A later procrastinate migration that replaces the function drops these settings;
``tests/jobs/test_queue_planning.py`` notices.

Revision ID: 0007_job_queue_planning
Revises: 0006_webhooks
Create Date: 2026-11-23 10:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0007_job_queue_planning"
down_revision: str | None = "0006_webhooks"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FETCH = "procrastinate_fetch_job_v2(character varying[], bigint)"
CHURN = (
    "autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000,"
    " autovacuum_analyze_scale_factor = 0, autovacuum_analyze_threshold = 1000"
)


def upgrade() -> None:
    op.execute(f"ALTER FUNCTION {FETCH} SET enable_bitmapscan = off SET enable_sort = off")
    op.execute(f"ALTER TABLE procrastinate_jobs SET ({CHURN})")


def downgrade() -> None:
    op.execute(f"ALTER FUNCTION {FETCH} RESET ALL")
    op.execute(
        "ALTER TABLE procrastinate_jobs RESET (autovacuum_vacuum_scale_factor,"
        " autovacuum_vacuum_threshold, autovacuum_analyze_scale_factor,"
        " autovacuum_analyze_threshold)"
    )
