"""Flash designs (catalog): ``flash_designs`` (an artist's sheet: title, image, tags, one-off,
the booking that claimed a one-off design), and on ``services`` the design a service is a
size of (``flash_design_id``, ``size_label``, ``size_cm``) with the design's one-off and
taken marks, read with the service. Every new column is nullable or has a default, so the
release before keeps inserting services as it did.

Revision ID: 0039_flash
Revises: 0038_analytics_summaries
Create Date: 2026-11-26 07:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0039_flash"
down_revision: str | None = "0038_analytics_summaries"
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
"""

# Going back forgets every flash design; their sizes stay as plain services.
_DOWN = """
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
