"""Booking links (catalog): ``booking_links`` (one general link per artist and one per
service, each with its sealed token and the token's keyed digest), ``booking_link_retired``
(the digests of replaced tokens: they answer 410), ``booking_link_days`` (visits and slot
views per link and day, one upserted row each), and ``bookings.booking_link_id`` (the link
a booking was made through; nullable without a default, so no table rewrite).

Revision ID: 0036_booking_links
Revises: 0035_external_calendars
Create Date: 2026-11-26 12:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0036_booking_links"
down_revision: str | None = "0035_external_calendars"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_UP = """
CREATE TABLE booking_links (
    id uuid NOT NULL,
    artist_id uuid NOT NULL,
    service_id uuid,
    token_sealed text NOT NULL,
    token_digest text NOT NULL,
    token_created_at timestamptz NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_booking_links PRIMARY KEY (id),
    CONSTRAINT fk_booking_links_artist_id_artists FOREIGN KEY (artist_id)
        REFERENCES artists (id) ON DELETE CASCADE,
    CONSTRAINT fk_booking_links_service_id_services FOREIGN KEY (service_id)
        REFERENCES services (id) ON DELETE CASCADE,
    CONSTRAINT uq_booking_links_token_digest UNIQUE (token_digest),
    CONSTRAINT uq_booking_links_artist_id_service_id UNIQUE (artist_id, service_id)
);
CREATE INDEX ix_booking_links_service_id ON booking_links (service_id);
CREATE UNIQUE INDEX ix_booking_links_general ON booking_links (artist_id)
    WHERE service_id IS NULL;

CREATE TABLE booking_link_retired (
    token_digest text NOT NULL,
    link_id uuid NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_booking_link_retired PRIMARY KEY (token_digest),
    CONSTRAINT fk_booking_link_retired_link_id_booking_links FOREIGN KEY (link_id)
        REFERENCES booking_links (id) ON DELETE CASCADE
);
CREATE INDEX ix_booking_link_retired_link_id ON booking_link_retired (link_id);

CREATE TABLE booking_link_days (
    link_id uuid NOT NULL,
    day date NOT NULL,
    visits integer NOT NULL DEFAULT 0,
    slot_views integer NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_booking_link_days PRIMARY KEY (link_id, day),
    CONSTRAINT fk_booking_link_days_link_id_booking_links FOREIGN KEY (link_id)
        REFERENCES booking_links (id) ON DELETE CASCADE
);

ALTER TABLE bookings ADD COLUMN booking_link_id uuid;
ALTER TABLE bookings ADD CONSTRAINT fk_bookings_booking_link_id_booking_links
    FOREIGN KEY (booking_link_id) REFERENCES booking_links (id) ON DELETE SET NULL;
CREATE INDEX ix_bookings_booking_link_id ON bookings (booking_link_id)
    WHERE booking_link_id IS NOT NULL;
"""

# Going back forgets every link, its counts, and which bookings came through one.
_DOWN = """
DROP INDEX ix_bookings_booking_link_id;
ALTER TABLE bookings DROP CONSTRAINT fk_bookings_booking_link_id_booking_links;
ALTER TABLE bookings DROP COLUMN booking_link_id;
DROP TABLE booking_link_days;
DROP TABLE booking_link_retired;
DROP TABLE booking_links;
"""


def upgrade() -> None:
    op.execute(_UP)


def downgrade() -> None:
    op.execute(_DOWN)
