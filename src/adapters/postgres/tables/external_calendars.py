"""Scheduling's external calendars (migration 0035): the feeds artists connected, their
last fetch's outcome, and the busy spans last read from each."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql as pg

from adapters.postgres.tables.base import metadata, refers_to, timestamps

external_calendars = sa.Table(
    "external_calendars",
    metadata,
    sa.Column("id", sa.Uuid, primary_key=True),
    refers_to("artist_id", "artists.id"),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("url", sa.Text, nullable=False),  # sealed (adapters.security.secret_box)
    sa.Column("fetched_at", sa.DateTime(timezone=True)),  # the last fetch; NULL: none yet
    sa.Column("busy_count", sa.Integer, nullable=False, server_default=sa.text("0")),
    sa.Column("fetch_error", sa.Text),  # the last fetch's failure; NULL: it succeeded
    *timestamps(),
    sa.Index("ix_external_calendars_artist_id_created_at", "artist_id", "created_at"),
    sa.Index("ix_external_calendars_fetched_at", "fetched_at"),
)

# One row per merged busy span; artist_id is the calendar's, kept here so that the slot
# query's (artist_id =, span &&) search is one GiST index scan.
external_busy = sa.Table(
    "external_busy",
    metadata,
    refers_to("calendar_id", "external_calendars.id", primary_key=True),
    refers_to("artist_id", "artists.id"),
    sa.Column("span", pg.TSTZRANGE, primary_key=True),
    sa.Column(
        "created_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.text("now()")
    ),
    sa.CheckConstraint("NOT isempty(span)", name="span"),
    sa.Index("ix_external_busy_artist_id_span", "artist_id", "span", postgresql_using="gist"),
)
