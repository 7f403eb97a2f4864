"""Commissions: tattoo requests (a customer's idea for an artist), their reference pictures
(uploads, each used once) and their threads of messages.

Revision ID: 0042_commissions
Revises: 0041_free_starts_external
Create Date: 2026-11-26 09:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0042_commissions"
down_revision: str | None = "0041_free_starts_external"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "tattoo_requests",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("customer_id", sa.Uuid(), nullable=False),
        sa.Column("artist_id", sa.Uuid(), nullable=False),
        sa.Column("artist_user_id", sa.Uuid(), nullable=False),
        sa.Column("idea", sa.Text(), nullable=False),
        sa.Column("body_area", sa.Text(), nullable=False),
        sa.Column("placement_text", sa.Text(), nullable=False),
        sa.Column("size_cm", sa.Integer(), nullable=False),
        sa.Column("colour", sa.Text(), nullable=False),
        sa.Column("budget_min", sa.BigInteger(), nullable=False),
        sa.Column("budget_max", sa.BigInteger(), nullable=False),
        sa.Column("currency", sa.Text(), nullable=False),
        sa.Column("preferred_dates", postgresql.ARRAY(sa.Date()), nullable=False),
        sa.Column("first_tattoo", sa.Boolean(), nullable=False),
        sa.Column("status", sa.Text(), nullable=False),
        sa.Column("turn", sa.Text(), nullable=False),
        sa.Column("turn_since", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("message_count", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "status IN ('open', 'accepted', 'declined', 'withdrawn')",
            name="ck_tattoo_requests_status",
        ),
        sa.CheckConstraint("turn IN ('artist', 'customer')", name="ck_tattoo_requests_turn"),
        sa.CheckConstraint(
            "colour IN ('colour', 'black_and_grey')", name="ck_tattoo_requests_colour"
        ),
        sa.CheckConstraint(
            "0 <= budget_min AND budget_min <= budget_max", name="ck_tattoo_requests_budget"
        ),
        sa.CheckConstraint("size_cm BETWEEN 1 AND 300", name="ck_tattoo_requests_size_cm"),
        sa.CheckConstraint("version >= 1 AND message_count >= 0", name="ck_tattoo_requests_counts"),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["users.id"],
            name="fk_tattoo_requests_customer_id_users",
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["artist_id"],
            ["artists.id"],
            name="fk_tattoo_requests_artist_id_artists",
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["artist_user_id"],
            ["users.id"],
            name="fk_tattoo_requests_artist_user_id_users",
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_tattoo_requests"),
    )
    op.create_index(
        "ix_tattoo_requests_customer_created",
        "tattoo_requests",
        ["customer_id", sa.text("created_at DESC"), sa.text("id DESC")],
    )
    op.create_index(
        "ix_tattoo_requests_artist_user_status", "tattoo_requests", ["artist_user_id", "status"]
    )
    op.create_index("ix_tattoo_requests_artist_id", "tattoo_requests", ["artist_id"])
    op.create_table(
        "tattoo_request_images",
        sa.Column("request_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.SmallInteger(), nullable=False),
        sa.Column("upload_id", sa.Uuid(), nullable=False),
        sa.Column("images", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.ForeignKeyConstraint(
            ["request_id"],
            ["tattoo_requests.id"],
            name="fk_tattoo_request_images_request_id_tattoo_requests",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["upload_id"], ["uploads.id"], name="fk_tattoo_request_images_upload_id_uploads"
        ),
        sa.PrimaryKeyConstraint("request_id", "position", name="pk_tattoo_request_images"),
        sa.UniqueConstraint("upload_id", name="uq_tattoo_request_images_upload_id"),
    )
    op.create_table(
        "tattoo_request_messages",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("request_id", sa.Uuid(), nullable=False),
        sa.Column("author_id", sa.Uuid(), nullable=False),
        sa.Column("author_role", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("upload_id", sa.Uuid(), nullable=True),
        sa.Column(
            "images",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default=sa.text("'[]'::jsonb"),
            nullable=False,
        ),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "author_role IN ('customer', 'artist')",
            name="ck_tattoo_request_messages_author_role",
        ),
        sa.ForeignKeyConstraint(
            ["request_id"],
            ["tattoo_requests.id"],
            name="fk_tattoo_request_messages_request_id_tattoo_requests",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["author_id"],
            ["users.id"],
            name="fk_tattoo_request_messages_author_id_users",
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["upload_id"], ["uploads.id"], name="fk_tattoo_request_messages_upload_id_uploads"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_tattoo_request_messages"),
        sa.UniqueConstraint("upload_id", name="uq_tattoo_request_messages_upload_id"),
    )
    op.create_index(
        "ix_tattoo_request_messages_request",
        "tattoo_request_messages",
        ["request_id", "created_at", "id"],
    )


def downgrade() -> None:
    op.drop_index("ix_tattoo_request_messages_request", table_name="tattoo_request_messages")
    op.drop_table("tattoo_request_messages")
    op.drop_table("tattoo_request_images")
    op.drop_index("ix_tattoo_requests_artist_id", table_name="tattoo_requests")
    op.drop_index("ix_tattoo_requests_artist_user_status", table_name="tattoo_requests")
    op.drop_index("ix_tattoo_requests_customer_created", table_name="tattoo_requests")
    op.drop_table("tattoo_requests")
