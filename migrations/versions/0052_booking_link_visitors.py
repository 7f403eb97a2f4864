"""Booking links count each visitor once a day: ``booking_link_visitors`` holds, per link,
UTC day and use (visit, slot view), the keyed digest of each visitor counted (never an
address); its primary key is what makes a second load of the same visitor count nothing.
Additive only: the release still running counts as before until it is replaced.

Revision ID: 0052_booking_link_visitors
Revises: 0051_loyalty
Create Date: 2026-11-27 12:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0052_booking_link_visitors"
down_revision: str | None = "0051_loyalty"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_UP = """
CREATE TABLE booking_link_visitors (
    link_id uuid NOT NULL,
    day date NOT NULL,
    use text NOT NULL,
    visitor text NOT NULL,
    CONSTRAINT pk_booking_link_visitors PRIMARY KEY (link_id, day, use, visitor),
    CONSTRAINT fk_booking_link_visitors_link_id_booking_links FOREIGN KEY (link_id)
        REFERENCES booking_links (id) ON DELETE CASCADE
);
"""


def upgrade() -> None:
    op.execute(_UP)


def downgrade() -> None:
    op.execute("DROP TABLE booking_link_visitors;")
