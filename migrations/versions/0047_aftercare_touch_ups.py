"""Aftercare and touch-ups: each artist's aftercare settings (``artist_aftercare``: the
aftercare text, the delays of the aftercare message and of the review request, the
touch-up window), and the link of a free touch-up to its original booking
(``bookings.touch_up_of``), at most one live (not cancelled) touch-up per original.

Additive only: a new table, and a nullable column with no default (adding it rewrites
nothing) with its partial unique index, which no row of an older release fills.

Revision ID: 0047_aftercare_touch_ups
Revises: 0046_consent_forms
Create Date: 2026-11-26 14:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0047_aftercare_touch_ups"
down_revision: str | None = "0046_consent_forms"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None
# The release still running during a rolling deploy must survive this migration: no drop,
# rename, type change or new NOT NULL it could not live with (docs/deployment.md,
# "Migrations and rolling deploys").
contract_of: str | None = None

_UP = """
CREATE TABLE artist_aftercare (
    artist_id uuid NOT NULL,
    text text NOT NULL,
    aftercare_delay_minutes integer NOT NULL,
    review_delay_minutes integer NOT NULL,
    touch_up_days integer NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_artist_aftercare PRIMARY KEY (artist_id),
    CONSTRAINT fk_artist_aftercare_artist_id_artists FOREIGN KEY (artist_id)
        REFERENCES artists (id) ON DELETE CASCADE,
    CONSTRAINT ck_artist_aftercare_delays CHECK (
        aftercare_delay_minutes BETWEEN 0 AND 43200
        AND review_delay_minutes BETWEEN 0 AND 43200),
    CONSTRAINT ck_artist_aftercare_touch_up_days CHECK (touch_up_days BETWEEN 0 AND 730)
);
ALTER TABLE bookings ADD COLUMN touch_up_of uuid;
ALTER TABLE bookings ADD CONSTRAINT fk_bookings_touch_up_of_bookings
    FOREIGN KEY (touch_up_of) REFERENCES bookings (id);
CREATE UNIQUE INDEX uq_bookings_touch_up_of ON bookings (touch_up_of)
    WHERE touch_up_of IS NOT NULL AND status <> 'cancelled';
"""

_DOWN = """
DROP INDEX uq_bookings_touch_up_of;
ALTER TABLE bookings DROP CONSTRAINT fk_bookings_touch_up_of_bookings;
ALTER TABLE bookings DROP COLUMN touch_up_of;
DROP TABLE artist_aftercare;
"""


def upgrade() -> None:
    op.execute(_UP)


def downgrade() -> None:
    op.execute(_DOWN)
