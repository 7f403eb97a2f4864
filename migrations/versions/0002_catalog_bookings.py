"""Catalog and bookings: studios, artists, services, weekly rules, date overrides, bookings
(with the exclusion constraint that makes double booking impossible), booking events and
idempotency keys.

Revision ID: 0002_catalog_bookings
Revises: 0001_accounts
Create Date: 2026-11-21 05:35:22.014359
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0002_catalog_bookings"
down_revision: str | None = "0001_accounts"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "studios",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("city", sa.Text(), nullable=False),
        sa.Column("lat", sa.Double(), nullable=True),
        sa.Column("lng", sa.Double(), nullable=True),
        sa.Column("owner_user_id", sa.Uuid(), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["owner_user_id"],
            ["users.id"],
            name=op.f("fk_studios_owner_user_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_studios")),
    )
    op.create_index(op.f("ix_studios_owner_user_id"), "studios", ["owner_user_id"], unique=False)
    op.create_table(
        "artists",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("display_name", sa.Text(), nullable=False),
        sa.Column("bio", sa.Text(), server_default=sa.text("''"), nullable=False),
        sa.Column(
            "styles", postgresql.ARRAY(sa.Text()), server_default=sa.text("'{}'"), nullable=False
        ),
        sa.Column("city", sa.Text(), nullable=True),
        sa.Column("lat", sa.Double(), nullable=True),
        sa.Column("lng", sa.Double(), nullable=True),
        sa.Column("instagram", sa.Text(), nullable=True),
        sa.Column("studio_id", sa.Uuid(), nullable=True),
        sa.Column("time_zone", sa.Text(), nullable=False),
        sa.Column("status", sa.Text(), server_default=sa.text("'draft'"), nullable=False),
        sa.Column("suspended", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.Column("review_note", sa.Text(), nullable=True),
        sa.Column("slot_step_minutes", sa.Integer(), server_default=sa.text("30"), nullable=False),
        sa.Column(
            "minimum_notice_minutes", sa.Integer(), server_default=sa.text("1440"), nullable=False
        ),
        sa.Column("horizon_days", sa.Integer(), server_default=sa.text("90"), nullable=False),
        sa.Column(
            "deposit_hold_minutes", sa.Integer(), server_default=sa.text("15"), nullable=False
        ),
        sa.Column(
            "approval_hold_minutes", sa.Integer(), server_default=sa.text("2880"), nullable=False
        ),
        sa.Column(
            "free_cancellation_minutes",
            sa.Integer(),
            server_default=sa.text("2880"),
            nullable=False,
        ),
        sa.Column("daily_cap", sa.Integer(), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "status IN ('draft', 'pending', 'approved', 'rejected')", name=op.f("ck_artists_status")
        ),
        sa.ForeignKeyConstraint(
            ["studio_id"],
            ["studios.id"],
            name=op.f("fk_artists_studio_id_studios"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_artists_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_artists")),
        sa.UniqueConstraint("user_id", name=op.f("uq_artists_user_id")),
    )
    op.create_index(op.f("ix_artists_studio_id"), "artists", ["studio_id"], unique=False)
    op.create_table(
        "date_overrides",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("artist_id", sa.Uuid(), nullable=False),
        sa.Column("on_date", sa.Date(), nullable=False),
        sa.Column(
            "windows",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default=sa.text("'[]'"),
            nullable=False,
        ),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["artist_id"],
            ["artists.id"],
            name=op.f("fk_date_overrides_artist_id_artists"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_date_overrides")),
        sa.UniqueConstraint(
            "artist_id", "on_date", name=op.f("uq_date_overrides_artist_id_on_date")
        ),
    )
    op.create_table(
        "services",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("artist_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("duration_minutes", sa.Integer(), nullable=False),
        sa.Column(
            "buffer_before_minutes", sa.Integer(), server_default=sa.text("0"), nullable=False
        ),
        sa.Column(
            "buffer_after_minutes", sa.Integer(), server_default=sa.text("0"), nullable=False
        ),
        sa.Column("price_amount", sa.BigInteger(), nullable=False),
        sa.Column("currency", sa.Text(), nullable=False),
        sa.Column("deposit_kind", sa.Text(), server_default=sa.text("'none'"), nullable=False),
        sa.Column("deposit_value", sa.BigInteger(), server_default=sa.text("0"), nullable=False),
        sa.Column(
            "requires_approval", sa.Boolean(), server_default=sa.text("false"), nullable=False
        ),
        sa.Column("active", sa.Boolean(), server_default=sa.text("true"), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "deposit_kind IN ('none', 'fixed', 'percent')", name=op.f("ck_services_deposit_kind")
        ),
        sa.CheckConstraint(
            "duration_minutes > 0 AND price_amount >= 0 AND deposit_value >= 0",
            name=op.f("ck_services_amounts"),
        ),
        sa.ForeignKeyConstraint(
            ["artist_id"],
            ["artists.id"],
            name=op.f("fk_services_artist_id_artists"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_services")),
    )
    op.create_index(op.f("ix_services_artist_id"), "services", ["artist_id"], unique=False)
    op.create_table(
        "weekly_rules",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("artist_id", sa.Uuid(), nullable=False),
        sa.Column("day", sa.SmallInteger(), nullable=False),
        sa.Column("start_minute", sa.SmallInteger(), nullable=False),
        sa.Column("end_minute", sa.SmallInteger(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "0 <= start_minute AND start_minute < end_minute AND end_minute <= 1440",
            name=op.f("ck_weekly_rules_minutes"),
        ),
        sa.CheckConstraint("day BETWEEN 0 AND 6", name=op.f("ck_weekly_rules_day")),
        sa.ForeignKeyConstraint(
            ["artist_id"],
            ["artists.id"],
            name=op.f("fk_weekly_rules_artist_id_artists"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_weekly_rules")),
    )
    op.create_index(op.f("ix_weekly_rules_artist_id"), "weekly_rules", ["artist_id"], unique=False)
    op.create_table(
        "bookings",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("reference", sa.Text(), nullable=False),
        sa.Column("artist_id", sa.Uuid(), nullable=False),
        sa.Column("artist_user_id", sa.Uuid(), nullable=False),
        sa.Column("customer_id", sa.Uuid(), nullable=False),
        sa.Column("service_id", sa.Uuid(), nullable=False),
        sa.Column("starts_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ends_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("blocked", postgresql.TSTZRANGE(), nullable=False),
        sa.Column("status", sa.Text(), nullable=False),
        sa.Column("payment_status", sa.Text(), nullable=False),
        sa.Column("hold_expires_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("requires_approval", sa.Boolean(), nullable=False),
        sa.Column("approved", sa.Boolean(), nullable=False),
        sa.Column("currency", sa.Text(), nullable=False),
        sa.Column("deposit_amount", sa.BigInteger(), nullable=False),
        sa.Column("amount_paid", sa.BigInteger(), server_default=sa.text("0"), nullable=False),
        sa.Column("amount_refunded", sa.BigInteger(), server_default=sa.text("0"), nullable=False),
        sa.Column("refund_due", sa.BigInteger(), server_default=sa.text("0"), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("status_changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("notes", sa.Text(), server_default=sa.text("''"), nullable=False),
        sa.Column("cancellation_reason", sa.Text(), nullable=True),
        sa.Column("dispute_id", sa.Uuid(), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        postgresql.ExcludeConstraint(
            (sa.column("artist_id"), "="),
            (sa.column("blocked"), "&&"),
            where=sa.text("status IN ('pending', 'confirmed')"),
            using="gist",
            name="ex_bookings_artist_blocked",
        ),
        sa.CheckConstraint(
            "payment_status IN ('unpaid', 'invoiced', 'paid', 'partially_refunded', 'refunded')",
            name=op.f("ck_bookings_payment_status"),
        ),
        sa.CheckConstraint(
            "status IN ('pending', 'confirmed', 'completed', 'cancelled', 'no_show', 'disputed')",
            name=op.f("ck_bookings_status"),
        ),
        sa.CheckConstraint(
            "starts_at < ends_at AND NOT isempty(blocked)", name=op.f("ck_bookings_times")
        ),
        sa.ForeignKeyConstraint(
            ["artist_id"],
            ["artists.id"],
            name=op.f("fk_bookings_artist_id_artists"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["artist_user_id"],
            ["users.id"],
            name=op.f("fk_bookings_artist_user_id_users"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["users.id"],
            name=op.f("fk_bookings_customer_id_users"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["services.id"],
            name=op.f("fk_bookings_service_id_services"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bookings")),
        sa.UniqueConstraint("reference", name=op.f("uq_bookings_reference")),
    )
    op.create_index(
        "ix_bookings_artist_user_start", "bookings", ["artist_user_id", "starts_at"], unique=False
    )
    op.create_index(
        "ix_bookings_customer_start", "bookings", ["customer_id", "starts_at"], unique=False
    )
    op.create_index(
        "ix_bookings_pending_hold",
        "bookings",
        ["hold_expires_at"],
        unique=False,
        postgresql_where=sa.text("status = 'pending'"),
    )
    op.create_index("ix_bookings_service_id", "bookings", ["service_id"], unique=False)
    op.create_index("ix_bookings_starts_at", "bookings", ["starts_at"], unique=False)
    op.create_table(
        "booking_events",
        sa.Column("booking_id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor_id", sa.Uuid(), nullable=True),
        sa.Column("actor_role", sa.Text(), nullable=True),
        sa.Column("from_status", sa.Text(), nullable=True),
        sa.Column("to_status", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("amount", sa.BigInteger(), nullable=True),
        sa.Column("currency", sa.Text(), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["users.id"],
            name=op.f("fk_booking_events_actor_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["booking_id"],
            ["bookings.id"],
            name=op.f("fk_booking_events_booking_id_bookings"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("booking_id", "version", name=op.f("pk_booking_events")),
    )
    op.create_table(
        "idempotency_keys",
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("fingerprint", sa.Text(), nullable=False),
        sa.Column("booking_id", sa.Uuid(), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["booking_id"],
            ["bookings.id"],
            name=op.f("fk_idempotency_keys_booking_id_bookings"),
            ondelete="CASCADE",
            deferrable=True,
            initially="DEFERRED",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_idempotency_keys_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("user_id", "key", name=op.f("pk_idempotency_keys")),
    )
    op.create_index(
        op.f("ix_idempotency_keys_expires_at"), "idempotency_keys", ["expires_at"], unique=False
    )


def downgrade() -> None:

    op.drop_index(op.f("ix_idempotency_keys_expires_at"), table_name="idempotency_keys")
    op.drop_table("idempotency_keys")
    op.drop_table("booking_events")
    op.drop_index("ix_bookings_starts_at", table_name="bookings")
    op.drop_index("ix_bookings_service_id", table_name="bookings")
    op.drop_index(
        "ix_bookings_pending_hold",
        table_name="bookings",
        postgresql_where=sa.text("status = 'pending'"),
    )
    op.drop_index("ix_bookings_customer_start", table_name="bookings")
    op.drop_index("ix_bookings_artist_user_start", table_name="bookings")
    op.drop_table("bookings")
    op.drop_index(op.f("ix_weekly_rules_artist_id"), table_name="weekly_rules")
    op.drop_table("weekly_rules")
    op.drop_index(op.f("ix_services_artist_id"), table_name="services")
    op.drop_table("services")
    op.drop_table("date_overrides")
    op.drop_index(op.f("ix_artists_studio_id"), table_name="artists")
    op.drop_table("artists")
    op.drop_index(op.f("ix_studios_owner_user_id"), table_name="studios")
    op.drop_table("studios")
