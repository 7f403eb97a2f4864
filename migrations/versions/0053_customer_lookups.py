"""Artists' customer lookups per hour: ``customer_lookups`` holds, per account, the window it
last looked customers up in and how many (one row per account, moved on by an upsert).
Additive only: the release still running never reads or writes it.

Revision ID: 0053_customer_lookups
Revises: 0052_booking_link_visitors
Create Date: 2026-11-27 13:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0053_customer_lookups"
down_revision: str | None = "0052_booking_link_visitors"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_UP = """
CREATE TABLE customer_lookups (
    user_id uuid NOT NULL,
    window_start timestamptz NOT NULL,
    lookups integer NOT NULL,
    CONSTRAINT pk_customer_lookups PRIMARY KEY (user_id),
    CONSTRAINT fk_customer_lookups_user_id_users FOREIGN KEY (user_id)
        REFERENCES users (id) ON DELETE CASCADE
);
"""


def upgrade() -> None:
    op.execute(_UP)


def downgrade() -> None:
    op.execute("DROP TABLE customer_lookups;")
