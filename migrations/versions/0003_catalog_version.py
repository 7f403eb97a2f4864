"""A version stamp on each artist's scheduling catalogue: ``artists.catalog_version`` changes
whenever the artist row, one of their services or one of their weekly rules changes.

Triggers keep it, so it holds for every writer (the application, an admin's SQL, a future
service). Serving processes cache an artist's profile, services and weekly rules and reuse
them for as long as this stamp has not moved (see adapters/postgres/scheduling.py).

Revision ID: 0003_catalog_version
Revises: 0002_catalog_bookings
Create Date: 2026-11-21 12:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003_catalog_version"
down_revision: str | None = "0002_catalog_bookings"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CREATE_TRIGGERS = """
CREATE FUNCTION artists_catalog_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.catalog_version := OLD.catalog_version + 1;
    RETURN NEW;
END
$$;

CREATE TRIGGER tr_artists_catalog_version BEFORE UPDATE ON artists
    FOR EACH ROW EXECUTE FUNCTION artists_catalog_version_bump();

-- A service or weekly rule changed: bump its artist (both artists if one moved).
CREATE FUNCTION artist_catalog_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        UPDATE artists SET catalog_version = catalog_version + 1 WHERE id = OLD.artist_id;
    END IF;
    IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.artist_id <> OLD.artist_id) THEN
        UPDATE artists SET catalog_version = catalog_version + 1 WHERE id = NEW.artist_id;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER tr_services_catalog_version AFTER INSERT OR UPDATE OR DELETE ON services
    FOR EACH ROW EXECUTE FUNCTION artist_catalog_changed();

CREATE TRIGGER tr_weekly_rules_catalog_version AFTER INSERT OR UPDATE OR DELETE ON weekly_rules
    FOR EACH ROW EXECUTE FUNCTION artist_catalog_changed();
"""

DROP_TRIGGERS = """
DROP TRIGGER tr_weekly_rules_catalog_version ON weekly_rules;
DROP TRIGGER tr_services_catalog_version ON services;
DROP TRIGGER tr_artists_catalog_version ON artists;
DROP FUNCTION artist_catalog_changed();
DROP FUNCTION artists_catalog_version_bump();
"""


def upgrade() -> None:
    op.add_column(
        "artists",
        sa.Column("catalog_version", sa.BigInteger(), server_default=sa.text("1"), nullable=False),
    )
    op.execute(CREATE_TRIGGERS)


def downgrade() -> None:
    op.execute(DROP_TRIGGERS)
    op.drop_column("artists", "catalog_version")
