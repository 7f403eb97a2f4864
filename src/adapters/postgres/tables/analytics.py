"""Analytics: the daily rollup, one row per artist, local date (in the artist's zone) and
currency, kept by triggers of migration 0037 from bookings, received payments and refunds
(docs/analytics.md: what counts, and why triggers)."""

from __future__ import annotations

import sqlalchemy as sa

from adapters.postgres.tables.base import metadata, refers_to


def _sum(name: str) -> sa.Column[int]:
    return sa.Column(name, sa.BigInteger, nullable=False, server_default=sa.text("0"))


analytics_days = sa.Table(
    "analytics_days",
    metadata,
    refers_to("artist_id", "artists.id", primary_key=True),
    sa.Column("day", sa.Date, primary_key=True),
    sa.Column("currency", sa.Text, primary_key=True),
    _sum("bookings"),
    _sum("booked_seconds"),
    _sum("cancelled"),
    _sum("no_shows"),
    _sum("lead_seconds"),
    _sum("deposits_paid"),
    _sum("balances_paid"),
    _sum("refunded"),
    _sum("awaiting_settlement"),
    # The platform's questions read a range of dates across artists.
    sa.Index("ix_analytics_days_day", "day"),
)
