"""Each artist's search thumbnails kept ready: ``search_thumbnails`` holds, per artist, the
JSON of their first three portfolio pieces by (position, id), each ``[id, images]``, and
statement-level triggers on ``portfolio_items`` keep it (an insert, a delete, or an update
that moves a piece, changes its pictures or its artist; likes do not count). A search
page's cards read one row per artist by key instead of three pieces each and building their
JSON (a third of the cards query: ``docs/performance.md``, search).

Two writers of one artist's pieces: each refreshes the row after its own write, holding the
row's lock, and reads the pieces in a statement that starts once the lock is held (READ
COMMITTED takes a snapshot per statement), so the later one sees the earlier one's pieces.
Artists' ids without a row have no pieces.

Revision ID: 0022_search_thumbnails
Revises: 0021_search_walks_index_only
Create Date: 2026-11-24 20:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0022_search_thumbnails"
down_revision: str | None = "0021_search_walks_index_only"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_UP = """
CREATE TABLE search_thumbnails (
    artist_id uuid NOT NULL,
    thumbnails text NOT NULL,
    CONSTRAINT pk_search_thumbnails PRIMARY KEY (artist_id)
);

-- The domain's THUMBNAILS (booking_domain.search.results): three.
CREATE FUNCTION inkslot_thumbnails_of(artist uuid) RETURNS text
    LANGUAGE sql STABLE
    BEGIN ATOMIC
        SELECT coalesce(json_agg(json_build_array(p.id, p.images) ORDER BY p.position, p.id),
                        '[]'::json)::text
          FROM (SELECT p.id, p.images, p.position FROM portfolio_items p
                 WHERE p.artist_id = artist ORDER BY p.position, p.id LIMIT 3) p;
    END;

CREATE FUNCTION search_thumbnails_refresh(artists uuid[]) RETURNS void
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

-- Inserts and deletes: both triggers name their transition table "touched".
CREATE FUNCTION portfolio_items_thumbnails_touched() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM search_thumbnails_refresh(ARRAY(SELECT artist_id FROM touched));
    RETURN NULL;
END
$$;
CREATE FUNCTION portfolio_items_thumbnails_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM search_thumbnails_refresh(ARRAY(
        SELECT unnest(ARRAY[n.artist_id, o.artist_id])
          FROM after_rows n JOIN before_rows o ON o.id = n.id
         WHERE (n.position, n.images, n.artist_id) IS DISTINCT FROM
               (o.position, o.images, o.artist_id)));
    RETURN NULL;
END
$$;
CREATE TRIGGER tr_portfolio_items_thumbnails_added AFTER INSERT ON portfolio_items
    REFERENCING NEW TABLE AS touched
    FOR EACH STATEMENT EXECUTE FUNCTION portfolio_items_thumbnails_touched();
CREATE TRIGGER tr_portfolio_items_thumbnails_removed AFTER DELETE ON portfolio_items
    REFERENCING OLD TABLE AS touched
    FOR EACH STATEMENT EXECUTE FUNCTION portfolio_items_thumbnails_touched();
CREATE TRIGGER tr_portfolio_items_thumbnails_changed AFTER UPDATE ON portfolio_items
    REFERENCING NEW TABLE AS after_rows OLD TABLE AS before_rows
    FOR EACH STATEMENT EXECUTE FUNCTION portfolio_items_thumbnails_changed();

INSERT INTO search_thumbnails (artist_id, thumbnails)
SELECT a.artist_id, inkslot_thumbnails_of(a.artist_id)
  FROM (SELECT DISTINCT artist_id FROM portfolio_items) a;
"""

_DOWN = """
DROP TRIGGER tr_portfolio_items_thumbnails_changed ON portfolio_items;
DROP TRIGGER tr_portfolio_items_thumbnails_removed ON portfolio_items;
DROP TRIGGER tr_portfolio_items_thumbnails_added ON portfolio_items;
DROP FUNCTION portfolio_items_thumbnails_changed();
DROP FUNCTION portfolio_items_thumbnails_touched();
DROP FUNCTION search_thumbnails_refresh(uuid[]);
DROP FUNCTION inkslot_thumbnails_of(uuid);
DROP TABLE search_thumbnails;
"""


def upgrade() -> None:
    op.execute(_UP)


def downgrade() -> None:
    op.execute(_DOWN)
