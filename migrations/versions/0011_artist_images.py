"""Catalog: an artist's avatar and cover images (variants of finished uploads).

Revision ID: 0011_artist_images
Revises: 0010_booking_ideas
Create Date: 2026-11-23 15:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql as pg

revision: str = "0011_artist_images"
down_revision: str | None = "0010_booking_ideas"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    for column in ("avatar_images", "cover_images"):
        op.add_column(
            "artists",
            sa.Column(column, pg.JSONB(), server_default=sa.text("'[]'"), nullable=False),
        )


def downgrade() -> None:
    for column in ("avatar_images", "cover_images"):
        op.drop_column("artists", column)
