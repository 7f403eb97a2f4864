"""Flash designs (catalog): ``flash_designs`` (an artist's sheet: title, image, tags, one-off,
the booking that claimed a one-off design), and on ``services`` the design a service is a
size of (``flash_design_id``, ``size_label``, ``size_cm``) with the design's one-off and
taken marks, read with the service. Every new column is nullable or has a default, so the
release before keeps inserting services as it did. An artist's search words now include
the tags of their flash designs (``artists_search_row`` again, and a trigger on
``flash_designs`` that recomputes its artist's row, as studios' does).

Revision ID: 0043_flash
Revises: 0042_commissions
Create Date: 2026-11-26 07:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0043_flash"
down_revision: str | None = "0042_commissions"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_UP = """
CREATE TABLE flash_designs (
    id uuid NOT NULL,
    artist_id uuid NOT NULL,
    title text NOT NULL,
    upload_id uuid NOT NULL,
    images jsonb NOT NULL,
    tags text[] NOT NULL DEFAULT '{}',
    one_off boolean NOT NULL,
    claimed_by_booking_id uuid,
    removed boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_flash_designs PRIMARY KEY (id),
    CONSTRAINT fk_flash_designs_artist_id_artists FOREIGN KEY (artist_id)
        REFERENCES artists (id) ON DELETE CASCADE,
    CONSTRAINT fk_flash_designs_upload_id_uploads FOREIGN KEY (upload_id)
        REFERENCES uploads (id),
    CONSTRAINT uq_flash_designs_upload_id UNIQUE (upload_id),
    CONSTRAINT fk_flash_designs_claimed_by_booking_id_bookings
        FOREIGN KEY (claimed_by_booking_id) REFERENCES bookings (id) ON DELETE SET NULL,
    CONSTRAINT ck_flash_designs_claimed_one_off CHECK (claimed_by_booking_id IS NULL OR one_off)
);
CREATE INDEX ix_flash_designs_artist_id_created_at_id
    ON flash_designs (artist_id, created_at, id);
CREATE INDEX ix_flash_designs_claimed_by_booking_id ON flash_designs (claimed_by_booking_id);

ALTER TABLE services ADD COLUMN flash_design_id uuid;
ALTER TABLE services ADD COLUMN size_label text;
ALTER TABLE services ADD COLUMN size_cm integer;
ALTER TABLE services ADD COLUMN flash_one_off boolean NOT NULL DEFAULT false;
ALTER TABLE services ADD COLUMN flash_taken boolean NOT NULL DEFAULT false;
ALTER TABLE services ADD CONSTRAINT fk_services_flash_design_id_flash_designs
    FOREIGN KEY (flash_design_id) REFERENCES flash_designs (id);
CREATE INDEX ix_services_flash_design_id ON services (flash_design_id)
    WHERE flash_design_id IS NOT NULL;

-- Search: an artist's words include the tags of the designs on their flash sheet.
CREATE OR REPLACE FUNCTION artists_search_row() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    studio record;
    flash text;
BEGIN
    SELECT s.name, s.city, s.lat, s.lng INTO studio FROM studios s WHERE s.id = NEW.studio_id;
    SELECT string_agg(array_to_string(d.tags, ' '), ' ') INTO flash
      FROM flash_designs d WHERE d.artist_id = NEW.id AND NOT d.removed;
    NEW.search_words := inkslot_words(
        inkslot_artist_document(NEW.display_name, NEW.styles, NEW.city, NEW.bio)
        || coalesce(' ' || studio.name, '') || coalesce(' ' || flash, ''));
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
CREATE FUNCTION flash_designs_search_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE artists SET studio_id = studio_id WHERE id = NEW.artist_id;
    RETURN NULL;
END
$$;
CREATE TRIGGER tr_flash_designs_search_rows
    AFTER INSERT OR UPDATE OF tags, removed ON flash_designs
    FOR EACH ROW EXECUTE FUNCTION flash_designs_search_rows();
"""

# Going back forgets every flash design; their sizes stay as plain services.
_DOWN = """
DROP TRIGGER tr_flash_designs_search_rows ON flash_designs;
DROP FUNCTION flash_designs_search_rows();
CREATE OR REPLACE FUNCTION artists_search_row() RETURNS trigger LANGUAGE plpgsql AS $$
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
DROP INDEX ix_services_flash_design_id;
ALTER TABLE services DROP CONSTRAINT fk_services_flash_design_id_flash_designs;
ALTER TABLE services DROP COLUMN flash_taken;
ALTER TABLE services DROP COLUMN flash_one_off;
ALTER TABLE services DROP COLUMN size_cm;
ALTER TABLE services DROP COLUMN size_label;
ALTER TABLE services DROP COLUMN flash_design_id;
DROP TABLE flash_designs;
"""


def upgrade() -> None:
    op.execute(_UP)


def downgrade() -> None:
    op.execute(_DOWN)
