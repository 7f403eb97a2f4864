"""Catalog: portfolio items, each made of one finished upload.

Revision ID: 0009_portfolio
Revises: 0008_uploads
Create Date: 2026-11-23 13:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql as pg

revision: str = "0009_portfolio"
down_revision: str | None = "0008_uploads"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "portfolio_items",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("artist_id", sa.Uuid(), nullable=False),
        sa.Column("upload_id", sa.Uuid(), nullable=False),
        sa.Column("images", pg.JSONB(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("style_tags", pg.ARRAY(sa.Text()), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        *[
            sa.Column(name, sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False)
            for name in ("created_at", "updated_at")
        ],
        sa.ForeignKeyConstraint(
            ["artist_id"], ["artists.id"], name="fk_portfolio_items_artist_id_artists",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["upload_id"], ["uploads.id"], name="fk_portfolio_items_upload_id_uploads"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_portfolio_items"),
        sa.UniqueConstraint("upload_id", name="uq_portfolio_items_upload_id"),
    )  # fmt: skip
    op.create_index(
        "ix_portfolio_items_artist_id_position_id",
        "portfolio_items",
        ["artist_id", "position", "id"],
    )


def downgrade() -> None:
    op.drop_table("portfolio_items")
