"""Analytics: the rollup's date index also carries each row's artist, currency and
booking count, so ranking every artist over a range of dates reads the index alone.

The platform's question ranks all artists by bookings over the range; where the range cuts
across months it reads the clipped dates' rollup rows (about 40,000 for 30 days of 2,000
artists). Through the plain date index each row cost a heap visit on a page of its own
(rows of one date are spread over the table): 34 ms of a 38 ms question. Covering, it is
an index-only scan: 17 ms. The index replaces the plain one (same name, same key), so the
rollup's writes keep their number of index entries. The build holds the rollup's write
lock (so booking writes that touch it wait): a few seconds for a million rows.

Revision ID: 0039_analytics_ranking
Revises: 0038_analytics_summaries
Create Date: 2026-11-26 06:20:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0039_analytics_ranking"
down_revision: str | None = "0038_analytics_summaries"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.drop_index("ix_analytics_days_day", table_name="analytics_days")
    op.create_index(
        "ix_analytics_days_day",
        "analytics_days",
        ["day"],
        postgresql_include=["artist_id", "currency", "bookings"],
    )


def downgrade() -> None:
    op.drop_index("ix_analytics_days_day", table_name="analytics_days")
    op.create_index("ix_analytics_days_day", "analytics_days", ["day"])
