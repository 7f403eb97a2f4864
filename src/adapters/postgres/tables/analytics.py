"""Analytics: the daily rollup, one row per artist, local date (in the artist's zone) and
currency, kept by triggers of migration 0037 from bookings, received payments and refunds
(docs/analytics.md: what counts, and why triggers)."""

from __future__ import annotations

import sqlalchemy as sa

from adapters.postgres.tables.base import metadata, refers_to


def _sum(name: str) -> sa.Column[int]:
    return sa.Column(name, sa.BigInteger, nullable=False, server_default=sa.text("0"))


SUMS = (
    "bookings", "booked_seconds", "cancelled", "no_shows", "lead_seconds",
    "deposits_paid", "balances_paid", "refunded", "awaiting_settlement",
)  # fmt: skip

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
    # Set by the trigger's upsert, cleared by the worker's fold (migration 0038).
    sa.Column("changed", sa.Boolean, nullable=False, server_default=sa.text("false")),
    # The platform's questions read a range of dates across artists; ranking them by
    # bookings reads this index alone (migration 0039).
    sa.Index(
        "ix_analytics_days_day", "day", postgresql_include=["artist_id", "currency", "bookings"]
    ),
    sa.Index("ix_analytics_days_changed", "day", postgresql_where=sa.text("changed")),
)

# The summaries the worker folds changed rollup rows into (migration 0038): each rollup
# row's copy as last folded (and the city it was folded under), per city and local date,
# per artist and month, per artist and year.
analytics_days_folded = sa.Table(
    "analytics_days_folded",
    metadata,
    sa.Column("artist_id", sa.Uuid, primary_key=True),
    sa.Column("day", sa.Date, primary_key=True),
    sa.Column("currency", sa.Text, primary_key=True),
    sa.Column("city", sa.Text, nullable=False),
    *(_sum(c) for c in SUMS),
)
analytics_city_days = sa.Table(
    "analytics_city_days",
    metadata,
    sa.Column("city", sa.Text, primary_key=True),
    sa.Column("day", sa.Date, primary_key=True),
    sa.Column("currency", sa.Text, primary_key=True),
    *(_sum(c) for c in SUMS),
    sa.Index("ix_analytics_city_days_day", "day"),
)
analytics_artist_months = sa.Table(
    "analytics_artist_months",
    metadata,
    sa.Column("artist_id", sa.Uuid, primary_key=True),
    sa.Column("month", sa.Date, primary_key=True),
    sa.Column("currency", sa.Text, primary_key=True),
    *(_sum(c) for c in SUMS),
    sa.Index("ix_analytics_artist_months_month", "month"),
)
analytics_artist_years = sa.Table(
    "analytics_artist_years",
    metadata,
    sa.Column("artist_id", sa.Uuid, primary_key=True),
    sa.Column("year", sa.Date, primary_key=True),
    sa.Column("currency", sa.Text, primary_key=True),
    *(_sum(c) for c in SUMS),
    sa.Index("ix_analytics_artist_years_year", "year"),
)
