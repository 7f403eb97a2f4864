"""Calendar feeds: ``calendar_feeds`` holds each person's feed (one at most), keyed by its
owner. The feed's token is never stored: its random nonce is, and the keyed digest of the
token that a request finds the feed by (``uq_calendar_feeds_lookup``; booking_domain/
calendars/feeds.py, docs/calendars.md).

Revision ID: 0034_calendar_feeds
Revises: 0033_balance_invoices
Create Date: 2026-11-26 12:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0034_calendar_feeds"
down_revision: str | None = "0033_balance_invoices"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_UP = """
CREATE TABLE calendar_feeds (
    owner_id uuid CONSTRAINT pk_calendar_feeds PRIMARY KEY
        CONSTRAINT fk_calendar_feeds_owner_id_users REFERENCES users (id) ON DELETE CASCADE,
    nonce text NOT NULL,
    lookup text NOT NULL CONSTRAINT uq_calendar_feeds_lookup UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
"""

_DOWN = """
DROP TABLE calendar_feeds;
"""


def upgrade() -> None:
    op.execute(_UP)


def downgrade() -> None:
    op.execute(_DOWN)
