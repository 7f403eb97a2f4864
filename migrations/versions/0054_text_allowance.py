"""The texts charged to each account a UTC day (``text_allowance``): what one account's
actions may make the platform send is bounded (booking_domain/notifications/
text_allowance.py).

Rolling-deploy safe: a new table, which the release still running neither reads nor writes.

Revision ID: 0054_text_allowance
Revises: 0053_customer_lookups
Create Date: 2026-11-27 12:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0054_text_allowance"
down_revision: str | None = "0053_customer_lookups"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_UP = """
CREATE TABLE text_allowance (
    account_id uuid NOT NULL,
    day date NOT NULL,
    texts integer NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_text_allowance PRIMARY KEY (account_id, day),
    CONSTRAINT fk_text_allowance_account_id_users FOREIGN KEY (account_id)
        REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT ck_text_allowance_texts CHECK (texts >= 0)
);
CREATE INDEX ix_text_allowance_day ON text_allowance (day);
"""
_DOWN = "DROP TABLE text_allowance;"


def upgrade() -> None:
    op.execute(_UP)


def downgrade() -> None:
    op.execute(_DOWN)
