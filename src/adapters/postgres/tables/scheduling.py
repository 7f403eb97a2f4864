"""Scheduling: the artists' weekly rules and date overrides."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql as pg

from adapters.postgres.tables.base import ConstraintErrors, metadata, refers_to, timestamps

weekly_rules = sa.Table(
    "weekly_rules",
    metadata,
    sa.Column("id", sa.Uuid, primary_key=True),
    refers_to("artist_id", "artists.id", index=True),
    sa.Column("day", sa.SmallInteger, nullable=False),
    sa.Column("start_minute", sa.SmallInteger, nullable=False),
    sa.Column("end_minute", sa.SmallInteger, nullable=False),
    *timestamps(),
    sa.CheckConstraint("day BETWEEN 0 AND 6", name="day"),
    sa.CheckConstraint(
        "0 <= start_minute AND start_minute < end_minute AND end_minute <= 1440", name="minutes"
    ),
)

date_overrides = sa.Table(
    "date_overrides",
    metadata,
    sa.Column("id", sa.Uuid, primary_key=True),
    sa.Column(
        "artist_id", sa.Uuid, sa.ForeignKey("artists.id", ondelete="CASCADE"), nullable=False
    ),
    sa.Column("on_date", sa.Date, nullable=False),
    # [[start_minute, end_minute], ...]; empty = closed that day.
    sa.Column("windows", pg.JSONB, nullable=False, server_default=sa.text("'[]'")),
    *timestamps(),
    sa.UniqueConstraint("artist_id", "on_date"),
)


# What a violation of each unique or exclusion constraint above means (``base.ConstraintErrors``).
CONSTRAINT_ERRORS: ConstraintErrors = {
    "uq_date_overrides_artist_id_on_date": None,  # written ON CONFLICT DO UPDATE
}
