"""The outbox and the job queue.

``outbox_events`` holds every event of every change, written in the change's transaction
(``adapters/postgres/tables/outbox.py``). No trigger NOTIFYs on it: PostgreSQL serialises the
commits of all transactions that NOTIFY (a database-wide lock held through the commit's WAL
flush), which cost a third of the booking creation rate; readers poll instead.

procrastinate's schema is applied from the frozen copy of version 3.10.0's ``schema.sql``
in ``migrations/sql/`` (never from the installed package: this revision must keep meaning
what it meant). Upgrading procrastinate means a new revision applying its migration files
between the two versions.

Revision ID: 0005_outbox_and_jobs
Revises: 0004_sign_in_attempts
Create Date: 2026-11-22 15:00:00
"""

from collections.abc import Sequence
from pathlib import Path

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql as pg

revision: str = "0005_outbox_and_jobs"
down_revision: str | None = "0004_sign_in_attempts"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_PROCRASTINATE_SCHEMA = Path(__file__).parents[1] / "sql" / "procrastinate-3.10.0-schema.sql"


def _run_script(sql: str) -> None:
    """Run a multi-statement script as is (no parameter parsing: it contains ``%``)."""
    driver = op.get_bind().connection.driver_connection
    assert driver is not None
    driver.execute(sql)


def upgrade() -> None:
    op.create_table(
        "outbox_events",
        sa.Column("position", sa.BigInteger(), sa.Identity(always=True), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("type", sa.Text(), nullable=False),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("data", pg.JSONB(), nullable=False),
        sa.Column("audience", pg.ARRAY(sa.Uuid()), nullable=False),
        sa.Column("xid", sa.Text(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("position", name="pk_outbox_events"),
        sa.UniqueConstraint("id", name="uq_outbox_events_id"),
        sa.UniqueConstraint("subject", "sequence", name="uq_outbox_events_subject_sequence"),
    )
    # xid8 has no SQLAlchemy type: the column is made as text above and changed here.
    op.execute(
        "ALTER TABLE outbox_events ALTER COLUMN xid TYPE xid8 USING xid::xid8, "
        "ALTER COLUMN xid SET DEFAULT pg_current_xact_id()"
    )
    op.create_index("ix_outbox_events_xid_position", "outbox_events", ["xid", "position"])
    op.create_index("ix_outbox_events_created_at", "outbox_events", ["created_at"])
    _run_script(_PROCRASTINATE_SCHEMA.read_text())


def downgrade() -> None:
    _run_script(
        """
        DO $$
        DECLARE item record;
        BEGIN
            FOR item IN SELECT tablename FROM pg_tables
                        WHERE schemaname = current_schema() AND tablename LIKE 'procrastinate%'
            LOOP
                EXECUTE format('DROP TABLE IF EXISTS %I CASCADE', item.tablename);
            END LOOP;
            FOR item IN SELECT p.oid::regprocedure AS signature FROM pg_proc p
                        JOIN pg_namespace n ON n.oid = p.pronamespace
                        WHERE n.nspname = current_schema() AND p.proname LIKE 'procrastinate%'
            LOOP
                EXECUTE format('DROP FUNCTION IF EXISTS %s CASCADE', item.signature);
            END LOOP;
            FOR item IN SELECT t.typname FROM pg_type t
                        JOIN pg_namespace n ON n.oid = t.typnamespace
                        WHERE n.nspname = current_schema() AND t.typname LIKE 'procrastinate%'
                          AND t.typtype IN ('e', 'c')
            LOOP
                EXECUTE format('DROP TYPE IF EXISTS %I CASCADE', item.typname);
            END LOOP;
        END;
        $$;
        """
    )
    op.drop_table("outbox_events")
