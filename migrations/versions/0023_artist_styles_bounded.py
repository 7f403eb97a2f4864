"""The database holds an artist's styles to the profile rules too: a CHECK calls
``inkslot_styles_fit`` (at most 20 styles of 1 to 40 characters, 400 characters in all,
the bound of ``booking_domain.catalog.use_cases.profiles``), so no writer, the application
or plain SQL, can store styles the search index (migration 0021) could not carry. Rows
stored under the older, looser rule are cut first (``migrations/sql/trim-artist-styles.sql``:
the leading styles that fit; not put back on downgrade).

``search_thumbnails`` rows go with their artist (a foreign key, cascading), and a refresh
skips artists that no longer exist: deleting an artist deletes their pieces, whose trigger
would otherwise write a row for an artist that is gone.

Revision ID: 0023_artist_styles_bounded
Revises: 0022_search_thumbnails
Create Date: 2026-11-25 02:00:00
"""

from collections.abc import Sequence
from pathlib import Path

from alembic import op

revision: str = "0023_artist_styles_bounded"
down_revision: str | None = "0022_search_thumbnails"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TRIM_STYLES = Path(__file__).parents[1] / "sql" / "trim-artist-styles.sql"

_UP = """
CREATE FUNCTION inkslot_styles_fit(styles text[]) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    BEGIN ATOMIC
        SELECT coalesce(cardinality(styles), 0) <= 20
               AND coalesce(sum(char_length(s)), 0) <= 400
               AND coalesce(bool_and(char_length(s) BETWEEN 1 AND 40), true)
          FROM unnest(styles) AS u(s);
    END;
ALTER TABLE artists ADD CONSTRAINT ck_artists_styles_bounded CHECK (inkslot_styles_fit(styles));

DELETE FROM search_thumbnails t WHERE NOT EXISTS (SELECT 1 FROM artists a WHERE a.id = t.artist_id);
ALTER TABLE search_thumbnails ADD CONSTRAINT fk_search_thumbnails_artist_id_artists
    FOREIGN KEY (artist_id) REFERENCES artists (id) ON DELETE CASCADE;

CREATE OR REPLACE FUNCTION search_thumbnails_refresh(artists uuid[]) RETURNS void
    LANGUAGE plpgsql AS $$
DECLARE
    artist uuid;
BEGIN
    -- In id order, so that two statements touching the same artists lock them alike; an
    -- artist deleted in this transaction (their pieces cascading) has nothing to show.
    FOR artist IN SELECT DISTINCT a FROM unnest(artists) AS a
                   WHERE a IS NOT NULL AND EXISTS (SELECT 1 FROM artists r WHERE r.id = a)
                   ORDER BY a
    LOOP
        INSERT INTO search_thumbnails (artist_id, thumbnails) VALUES (artist, '[]')
            ON CONFLICT (artist_id) DO NOTHING;
        PERFORM 1 FROM search_thumbnails WHERE artist_id = artist FOR UPDATE;
        UPDATE search_thumbnails SET thumbnails = inkslot_thumbnails_of(artist)
         WHERE artist_id = artist;
    END LOOP;
END
$$;
"""

_DOWN = """
CREATE OR REPLACE FUNCTION search_thumbnails_refresh(artists uuid[]) RETURNS void
    LANGUAGE plpgsql AS $$
DECLARE
    artist uuid;
BEGIN
    -- In id order, so that two statements touching the same artists lock them alike.
    FOR artist IN SELECT DISTINCT a FROM unnest(artists) AS a WHERE a IS NOT NULL ORDER BY a
    LOOP
        INSERT INTO search_thumbnails (artist_id, thumbnails) VALUES (artist, '[]')
            ON CONFLICT (artist_id) DO NOTHING;
        PERFORM 1 FROM search_thumbnails WHERE artist_id = artist FOR UPDATE;
        UPDATE search_thumbnails SET thumbnails = inkslot_thumbnails_of(artist)
         WHERE artist_id = artist;
    END LOOP;
END
$$;
ALTER TABLE search_thumbnails DROP CONSTRAINT fk_search_thumbnails_artist_id_artists;
ALTER TABLE artists DROP CONSTRAINT ck_artists_styles_bounded;
DROP FUNCTION inkslot_styles_fit(text[]);
"""


def upgrade() -> None:
    op.execute(_TRIM_STYLES.read_text())
    op.execute(_UP)


def downgrade() -> None:
    op.execute(_DOWN)
