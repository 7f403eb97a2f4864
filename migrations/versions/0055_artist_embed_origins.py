"""The origins of an artist's own website that may embed their booking page
(``artists.embed_origins``: ``booking_domain.catalog.embedding``, at most five normalised
``https`` origins; the page's ``frame-ancestors`` names exactly them).

Rolling-deploy safe: a new column with a default; the release still running neither reads
it nor names it in its writes (its inserts take the default, its updates leave it).

Revision ID: 0055_artist_embed_origins
Revises: 0054_text_allowance
Create Date: 2026-11-28 10:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0055_artist_embed_origins"
down_revision: str | None = "0054_text_allowance"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_UP = """
ALTER TABLE artists ADD COLUMN embed_origins text[] NOT NULL DEFAULT '{}';
ALTER TABLE artists ADD CONSTRAINT ck_artists_embed_origins_bounded
    CHECK (cardinality(embed_origins) <= 5);
"""
_DOWN = """
ALTER TABLE artists DROP CONSTRAINT ck_artists_embed_origins_bounded;
ALTER TABLE artists DROP COLUMN embed_origins;
"""


def upgrade() -> None:
    op.execute(_UP)


def downgrade() -> None:
    op.execute(_DOWN)
