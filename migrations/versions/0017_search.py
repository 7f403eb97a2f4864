"""Search: text folding, the artists' search row and indexes, the free-starts projection
behind "free within N days", portfolio likes.

- ``inkslot_fold(text)``: the Python twin is ``booking_domain.search.text.fold`` (a test
  holds them equal). Cyrillic is transliterated to Latin (so ``Өлзий``, ``өлзий`` and
  ``Olzii`` meet, and the straight u and barred o, U+04AF and U+04E9, which ``unaccent``
  leaves alone, fold to ``u``/``o``)
  before ``unaccent`` and ``lower``. Transliterating also keeps trigrams working on a
  database created with ``LC_CTYPE=C`` (the embedded server's), where pg_trgm sees no
  letters in Cyrillic at all. SQL-standard bodies bind the functions they call when
  created, so index expressions do not depend on ``search_path`` (autovacuum's is empty).
- ``inkslot_words(text)``: the distinct folded words (runs of ``a-z0-9``) of a text; the
  Python twin is ``booking_domain.search.text.words``. Artists and portfolio items keep
  theirs in ``search_words`` (GIN), and every word ever indexed is in
  ``search_vocabulary`` (trigram GIN), which turns a mistyped word into the known words
  near it before the exact index is asked: a word-similarity test of every matching row
  costs ~12 us, too much for thousands of rows.
- ``inkslot_earth_point(lat, lng)``: earthdistance's ``ll_to_earth`` written out with
  schema-qualified calls, for the same reason.
- The artist's search row (``search_words``, ``search_lat``/``search_lng``, ``search_city``:
  the artist's own place and city, else their studio's), kept by triggers on artists and
  studios for every writer.
- ``search_free_starts``: per artist and active service, the bookable starts of the next
  ``COVER`` days as runs on the slot grid; ``search_calendars``: when each artist's rows
  were computed, from which ``catalog_version``, and until when they hold (the first hold
  to expire). ``search_feed_position``: the outbox position of the projection's follower.
- Date overrides now move ``artists.catalog_version`` too (they are part of the calendar).

Revision ID: 0017_search
Revises: 0016_reviews
Create Date: 2026-11-23 14:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0017_search"
down_revision: str | None = "0016_reviews"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

EXTENSIONS = ("pg_trgm", "unaccent", "cube", "earthdistance")

# Keep in step with booking_domain.search.text.CYRILLIC (tests/contract/search checks it).
MULTI = (
    ("Ё", "yo"), ("ё", "yo"), ("Ц", "ts"), ("ц", "ts"), ("Ч", "ch"), ("ч", "ch"),
    ("Ш", "sh"), ("ш", "sh"), ("Щ", "sh"), ("щ", "sh"), ("Ю", "yu"), ("ю", "yu"),
    ("Я", "ya"), ("я", "ya"),
)  # fmt: skip
SINGLE_FROM = "АаБбВвГгДдЕеЖжЗзИиЙйКкЛлМмНнОоӨөПпРрСсТтУуҮүФфХхЫыЭэЪъЬь"
SINGLE_TO = "aabbvvggddeejjzziiiikkllmmnnoooopprrssttuuuuffhhyyee"


def _folding_sql(ext: str, cube: str) -> str:
    value = "value"
    for source, target in MULTI:
        value = f"replace({value}, '{source}', '{target}')"
    # Constant text of this module only: no value from outside reaches this SQL.
    return f"""
CREATE FUNCTION inkslot_fold(value text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN lower({ext}.unaccent('{ext}.unaccent'::regdictionary,
                 translate({value}, '{SINGLE_FROM}', '{SINGLE_TO}')));

CREATE FUNCTION inkslot_artist_document(display_name text, styles text[], city text, bio text)
    RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN inkslot_fold(display_name || ' ' || array_to_string(styles, ' ') || ' '
                        || coalesce(city, '') || ' ' || bio);

CREATE FUNCTION inkslot_portfolio_document(description text, style_tags text[])
    RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN inkslot_fold(array_to_string(style_tags, ' ') || ' ' || description);

CREATE FUNCTION inkslot_words(value text) RETURNS text[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN ARRAY(SELECT DISTINCT m[1]
                   FROM regexp_matches(inkslot_fold(value), '([a-z0-9]+)', 'g') AS m
                  ORDER BY 1);

CREATE FUNCTION inkslot_earth_point(lat double precision, lng double precision)
    RETURNS {ext}.earth LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN {cube}.cube({cube}.cube({cube}.cube(
               6378168 * cos(radians(lat)) * cos(radians(lng))),
               6378168 * cos(radians(lat)) * sin(radians(lng))),
               6378168 * sin(radians(lat)))::{ext}.earth;

-- The first start of a run set (runs on a grid of step_seconds) at or after lo. A
-- multirange unnests in ascending order.
CREATE FUNCTION inkslot_first_start(starts tstzmultirange, step_seconds integer,
                                    lo timestamptz)
    RETURNS timestamptz LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    BEGIN ATOMIC
        SELECT CASE WHEN lower(r) >= lo THEN lower(r)
                    ELSE lower(r) + make_interval(secs => step_seconds * ceil(
                             extract(epoch FROM lo - lower(r)) / step_seconds))
               END
          FROM unnest(starts) AS r
         WHERE upper(r) >= lo
         LIMIT 1;
    END;
"""


TABLES = """
-- The artist's search row, kept by triggers for every writer: the folded document (name,
-- styles, city, bio and studio name), and the place and city (the artist's own, else their
-- studio's). An index reaches each; a studio's change reaches its artists.
CREATE TABLE search_vocabulary (
    word text NOT NULL CONSTRAINT pk_search_vocabulary PRIMARY KEY
);
CREATE INDEX ix_search_vocabulary_word_trgm ON search_vocabulary USING gin (word gin_trgm_ops);

ALTER TABLE artists ADD COLUMN search_words text[] NOT NULL DEFAULT '{}',
                    ADD COLUMN search_lat double precision,
                    ADD COLUMN search_lng double precision,
                    ADD COLUMN search_city text;
CREATE FUNCTION artists_search_row() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    studio record;
BEGIN
    SELECT s.name, s.city, s.lat, s.lng INTO studio FROM studios s WHERE s.id = NEW.studio_id;
    NEW.search_words := inkslot_words(
        inkslot_artist_document(NEW.display_name, NEW.styles, NEW.city, NEW.bio)
        || coalesce(' ' || studio.name, ''));
    INSERT INTO search_vocabulary (word) SELECT unnest(NEW.search_words)
        ON CONFLICT DO NOTHING;
    IF NEW.lat IS NOT NULL THEN
        NEW.search_lat := NEW.lat;
        NEW.search_lng := NEW.lng;
    ELSE
        NEW.search_lat := studio.lat;
        NEW.search_lng := studio.lng;
    END IF;
    NEW.search_city := inkslot_fold(coalesce(NEW.city, studio.city));
    RETURN NEW;
END
$$;
CREATE TRIGGER tr_artists_search_row
    BEFORE INSERT OR UPDATE OF display_name, styles, city, bio, lat, lng, studio_id ON artists
    FOR EACH ROW EXECUTE FUNCTION artists_search_row();
CREATE FUNCTION studios_search_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE artists SET studio_id = studio_id WHERE studio_id = NEW.id;
    RETURN NULL;
END
$$;
CREATE TRIGGER tr_studios_search_rows
    AFTER UPDATE OF name, city, lat, lng ON studios
    FOR EACH ROW EXECUTE FUNCTION studios_search_rows();
UPDATE artists SET studio_id = studio_id;

CREATE INDEX ix_artists_search_words ON artists USING gin (search_words)
    WHERE status = 'approved' AND NOT suspended;
CREATE INDEX ix_artists_search_styles ON artists USING gin (styles)
    WHERE status = 'approved' AND NOT suspended;
-- A radius search narrows by the circle's latitude-longitude box: plain B-trees, whose
-- statistics tell the planner how many artists are inside (a GiST on earth points gives
-- it none, and it then walks thousands of rows where a rating-ordered walk reads dozens).
CREATE INDEX ix_artists_search_lat ON artists (search_lat)
    WHERE status = 'approved' AND NOT suspended;
CREATE INDEX ix_artists_search_lng ON artists (search_lng)
    WHERE status = 'approved' AND NOT suspended;
CREATE INDEX ix_artists_search_city ON artists (search_city)
    WHERE status = 'approved' AND NOT suspended;
CREATE INDEX ix_artists_search_rating ON artists
    ((coalesce(rating_total::float8 / nullif(review_count, 0), 0)), id)
    WHERE status = 'approved' AND NOT suspended;
CREATE INDEX ix_services_artist_active_price ON services (artist_id, currency, price_amount)
    WHERE active;

ALTER TABLE portfolio_items ADD COLUMN search_words text[] NOT NULL
    GENERATED ALWAYS AS (inkslot_words(inkslot_portfolio_document(description, style_tags)))
    STORED;
CREATE INDEX ix_portfolio_items_search_words ON portfolio_items USING gin (search_words);
CREATE FUNCTION portfolio_items_vocabulary() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO search_vocabulary (word) SELECT unnest(NEW.search_words)
        ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;
CREATE TRIGGER tr_portfolio_items_vocabulary
    AFTER INSERT OR UPDATE OF description, style_tags ON portfolio_items
    FOR EACH ROW EXECUTE FUNCTION portfolio_items_vocabulary();
INSERT INTO search_vocabulary (word)
SELECT DISTINCT unnest(search_words) FROM portfolio_items ON CONFLICT DO NOTHING;
CREATE INDEX ix_portfolio_items_search_tags ON portfolio_items USING gin (style_tags);

ALTER TABLE portfolio_items ADD COLUMN like_count integer NOT NULL DEFAULT 0;
CREATE TABLE portfolio_likes (
    item_id uuid NOT NULL CONSTRAINT fk_portfolio_likes_item_id_portfolio_items
        REFERENCES portfolio_items (id) ON DELETE CASCADE,
    user_id uuid NOT NULL CONSTRAINT fk_portfolio_likes_user_id_users
        REFERENCES users (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_portfolio_likes PRIMARY KEY (item_id, user_id)
);
CREATE INDEX ix_portfolio_likes_user_id ON portfolio_likes (user_id, created_at);

-- One row per artist: the catalogue version the projection was computed from, the latest
-- version (kept by the trigger below, so a change to rules, overrides, settings or services
-- marks the artist due at once), and until when the projection holds. Due artists are two
-- index lookups away, never a scan of every artist.
CREATE TABLE search_calendars (
    artist_id uuid NOT NULL CONSTRAINT fk_search_calendars_artist_id_artists
        REFERENCES artists (id) ON DELETE CASCADE,
    catalog_version bigint NOT NULL,
    wanted_version bigint NOT NULL,
    computed_at timestamptz NOT NULL,
    valid_until timestamptz NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_search_calendars PRIMARY KEY (artist_id)
);
CREATE INDEX ix_search_calendars_valid_until ON search_calendars (valid_until);
CREATE INDEX ix_search_calendars_artist_id ON search_calendars (artist_id)
    WHERE catalog_version < wanted_version;
INSERT INTO search_calendars (artist_id, catalog_version, wanted_version, computed_at,
                              valid_until)
SELECT id, 0, catalog_version, now(), '-infinity' FROM artists;
CREATE FUNCTION artists_search_calendar() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO search_calendars (artist_id, catalog_version, wanted_version, computed_at,
                                  valid_until)
    VALUES (NEW.id, 0, NEW.catalog_version, now(), '-infinity')
    ON CONFLICT (artist_id) DO UPDATE SET wanted_version = excluded.wanted_version;
    RETURN NULL;
END
$$;
-- Not "UPDATE OF catalog_version": that fires only when a statement names the column, and
-- the catalogue's own updates leave it to 0003's BEFORE trigger.
CREATE TRIGGER tr_artists_search_calendar_new
    AFTER INSERT ON artists
    FOR EACH ROW EXECUTE FUNCTION artists_search_calendar();
CREATE TRIGGER tr_artists_search_calendar
    AFTER UPDATE ON artists
    FOR EACH ROW WHEN (NEW.catalog_version IS DISTINCT FROM OLD.catalog_version)
    EXECUTE FUNCTION artists_search_calendar();
CREATE TABLE search_free_starts (
    artist_id uuid NOT NULL CONSTRAINT fk_search_free_starts_artist_id_search_calendars
        REFERENCES search_calendars (artist_id) ON DELETE CASCADE,
    service_id uuid NOT NULL CONSTRAINT fk_search_free_starts_service_id_services
        REFERENCES services (id) ON DELETE CASCADE,
    step_seconds integer NOT NULL
        CONSTRAINT ck_search_free_starts_step_seconds CHECK (step_seconds > 0),
    starts tstzmultirange NOT NULL,
    -- The first of the starts: the answer while it is at least the minimum notice away.
    first_start timestamptz,
    CONSTRAINT pk_search_free_starts PRIMARY KEY (artist_id, service_id)
);
CREATE TABLE search_feed_position (
    name text NOT NULL CONSTRAINT pk_search_feed_position PRIMARY KEY,
    after text,
    updated_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO search_feed_position (name, after)
SELECT 'free_starts',
       (SELECT lpad(xid::text, 20, '0') || '-' || lpad(position::text, 20, '0')
          FROM outbox_events
         WHERE xid < pg_snapshot_xmin(pg_current_snapshot())
         ORDER BY xid DESC, position DESC LIMIT 1);

CREATE TRIGGER tr_date_overrides_catalog_version
    AFTER INSERT OR UPDATE OR DELETE ON date_overrides
    FOR EACH ROW EXECUTE FUNCTION artist_catalog_changed();
"""

DROP = """
DROP TRIGGER tr_date_overrides_catalog_version ON date_overrides;
DROP TABLE search_feed_position;
DROP TABLE search_free_starts;
DROP TRIGGER tr_artists_search_calendar ON artists;
DROP TRIGGER tr_artists_search_calendar_new ON artists;
DROP FUNCTION artists_search_calendar();
DROP TABLE search_calendars;
DROP TABLE portfolio_likes;
ALTER TABLE portfolio_items DROP COLUMN like_count;
DROP INDEX ix_portfolio_items_search_tags;
DROP TRIGGER tr_portfolio_items_vocabulary ON portfolio_items;
DROP FUNCTION portfolio_items_vocabulary();
ALTER TABLE portfolio_items DROP COLUMN search_words;
DROP INDEX ix_services_artist_active_price;
DROP INDEX ix_artists_search_styles;
DROP INDEX ix_artists_search_rating;
DROP TRIGGER tr_studios_search_rows ON studios;
DROP FUNCTION studios_search_rows();
DROP TRIGGER tr_artists_search_row ON artists;
DROP FUNCTION artists_search_row();
ALTER TABLE artists DROP COLUMN search_words, DROP COLUMN search_lat,
                    DROP COLUMN search_lng, DROP COLUMN search_city;
DROP TABLE search_vocabulary;
DROP FUNCTION inkslot_first_start(tstzmultirange, integer, timestamptz);
DROP FUNCTION inkslot_earth_point(double precision, double precision);
DROP FUNCTION inkslot_words(text);
DROP FUNCTION inkslot_portfolio_document(text, text[]);
DROP FUNCTION inkslot_artist_document(text, text[], text, text);
DROP FUNCTION inkslot_fold(text);
"""


def upgrade() -> None:
    for name in EXTENSIONS:
        op.execute(f"CREATE EXTENSION IF NOT EXISTS {name}")
    schemas = dict(
        op.get_bind()
        .exec_driver_sql(
            "SELECT extname, quote_ident(extnamespace::regnamespace::text) FROM pg_extension"
        )
        .all()
    )
    if schemas["unaccent"] != schemas["earthdistance"]:
        raise RuntimeError("unaccent and earthdistance must live in one schema")
    op.execute(_folding_sql(schemas["unaccent"], schemas["cube"]))
    op.execute(TABLES)


def downgrade() -> None:
    op.execute(DROP)
    # The extensions stay: other objects of the database may have come to use them.
