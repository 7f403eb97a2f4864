"""External calendars (scheduling): the iCal feeds artists connect by their secret URL, the
outcome of each one's last fetch, and the busy spans last read from it
(booking_domain/scheduling/external.py, docs/external-calendars.md).

``external_calendars.url`` is sealed by the secret box, like webhook secrets. The busy spans
carry their artist, and a GiST index on ``(artist_id, span)`` (``btree_gist``, migration
0001) serves the slot query's overlap search the way the bookings' exclusion constraint's
index serves theirs.

Revision ID: 0035_external_calendars
Revises: 0034_calendar_feeds
Create Date: 2026-11-26 12:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0035_external_calendars"
down_revision: str | None = "0034_calendar_feeds"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_UP = """
CREATE TABLE external_calendars (
    id uuid NOT NULL,
    artist_id uuid NOT NULL,
    name text NOT NULL,
    url text NOT NULL,
    fetched_at timestamptz,
    busy_count integer NOT NULL DEFAULT 0,
    fetch_error text,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_external_calendars PRIMARY KEY (id),
    CONSTRAINT fk_external_calendars_artist_id_artists FOREIGN KEY (artist_id)
        REFERENCES artists (id) ON DELETE CASCADE
);
CREATE INDEX ix_external_calendars_artist_id_created_at
    ON external_calendars (artist_id, created_at);
CREATE INDEX ix_external_calendars_fetched_at ON external_calendars (fetched_at);

CREATE TABLE external_busy (
    calendar_id uuid NOT NULL,
    artist_id uuid NOT NULL,
    span tstzrange NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_external_busy PRIMARY KEY (calendar_id, span),
    CONSTRAINT fk_external_busy_calendar_id_external_calendars FOREIGN KEY (calendar_id)
        REFERENCES external_calendars (id) ON DELETE CASCADE,
    CONSTRAINT fk_external_busy_artist_id_artists FOREIGN KEY (artist_id)
        REFERENCES artists (id) ON DELETE CASCADE,
    CONSTRAINT ck_external_busy_span CHECK (NOT isempty(span))
);
CREATE INDEX ix_external_busy_artist_id_span ON external_busy USING gist (artist_id, span);
"""

_DOWN = """
DROP TABLE external_busy;
DROP TABLE external_calendars;
"""


def upgrade() -> None:
    op.execute(_UP)


def downgrade() -> None:
    op.execute(_DOWN)
