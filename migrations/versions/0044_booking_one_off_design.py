"""Bookings keep the one-off flash design they book (``bookings.one_off_design_id``), taken
from the service when the booking is made, so that the artist's approval and a deposit's
payment claim the design only for such bookings: a booking of any other service runs no
claim statement when it is confirmed.

The column is nullable, with no default (adding it rewrites nothing). Bookings already made
of a size of a one-off design get it from their service here (``services.flash_one_off``
and ``flash_design_id``, migration 0043, released together with this one: no release before
made such bookings, so none is written without it during a rolling deploy).

Revision ID: 0044_booking_one_off_design
Revises: 0043_flash
Create Date: 2026-11-26 10:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0044_booking_one_off_design"
down_revision: str | None = "0043_flash"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None
# The release still running during a rolling deploy must survive this migration: no drop,
# rename, type change or new NOT NULL it could not live with. A migration that takes an old
# shape away names here the expand step, released before, that added its replacement
# (docs/deployment.md, "Migrations and rolling deploys").
contract_of: str | None = None

_UP = """
ALTER TABLE bookings ADD COLUMN one_off_design_id uuid;
ALTER TABLE bookings ADD CONSTRAINT fk_bookings_one_off_design_id_flash_designs
    FOREIGN KEY (one_off_design_id) REFERENCES flash_designs (id);
CREATE INDEX ix_bookings_one_off_design_id ON bookings (one_off_design_id)
    WHERE one_off_design_id IS NOT NULL;
UPDATE bookings b SET one_off_design_id = s.flash_design_id
  FROM services s
 WHERE s.id = b.service_id AND s.flash_one_off AND s.flash_design_id IS NOT NULL;
"""

_DOWN = """
DROP INDEX ix_bookings_one_off_design_id;
ALTER TABLE bookings DROP CONSTRAINT fk_bookings_one_off_design_id_flash_designs;
ALTER TABLE bookings DROP COLUMN one_off_design_id;
"""


def upgrade() -> None:
    op.execute(_UP)


def downgrade() -> None:
    op.execute(_DOWN)
