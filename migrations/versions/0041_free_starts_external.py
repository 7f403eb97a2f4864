"""The search's free-starts projection sees external calendars' busy time: a change of an
artist's external busy spans makes the artist's projection due at once.

The projection (``search_calendars``, ``search_free_starts``) is recomputed when the
artist's catalogue moves (``wanted_version``) or when it no longer holds (``valid_until``).
External spans are written by the worker's fetch (replaced, in one transaction, every ten
minutes per calendar) and deleted with their calendar; neither moves the catalogue. So two
statement-level triggers on ``external_busy`` (one per event: a trigger with transition
tables serves one event) set the ``valid_until`` of the artists whose spans were inserted
or deleted to the epoch (long past on any clock, the application's or a test's), which
the refresher's ``valid_until <= now`` range finds first on its next look; its store sets a
new one. One update per statement, whatever the number of spans. A refresher computing the
artist while a fetch commits may store its answer over the mark; the next fetch (every
ten minutes, each one replacing the spans) marks the artist again, so the lag is bounded.

Revision ID: 0041_free_starts_external
Revises: 0040_booking_price
Create Date: 2026-11-26 06:40:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0041_free_starts_external"
down_revision: str | None = "0040_booking_price"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_UP = """
CREATE FUNCTION external_busy_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        UPDATE search_calendars s SET valid_until = timestamptz 'epoch'
         WHERE s.artist_id IN (SELECT DISTINCT artist_id FROM moved_spans)
           AND s.valid_until > timestamptz 'epoch';
    ELSE
        UPDATE search_calendars s SET valid_until = timestamptz 'epoch'
         WHERE s.artist_id IN (SELECT DISTINCT artist_id FROM gone_spans)
           AND s.valid_until > timestamptz 'epoch';
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER external_busy_inserted AFTER INSERT ON external_busy
    REFERENCING NEW TABLE AS moved_spans
    FOR EACH STATEMENT EXECUTE FUNCTION external_busy_moved();
CREATE TRIGGER external_busy_deleted AFTER DELETE ON external_busy
    REFERENCING OLD TABLE AS gone_spans
    FOR EACH STATEMENT EXECUTE FUNCTION external_busy_moved();
"""
_DOWN = """
DROP TRIGGER external_busy_deleted ON external_busy;
DROP TRIGGER external_busy_inserted ON external_busy;
DROP FUNCTION external_busy_moved();
"""


def upgrade() -> None:
    op.execute(_UP)


def downgrade() -> None:
    op.execute(_DOWN)
