"""Accounts: users and their refresh tokens."""

from __future__ import annotations

import sqlalchemy as sa

from adapters.postgres.tables.base import metadata, refers_to, timestamps

users = sa.Table(
    "users",
    metadata,
    sa.Column("id", sa.Uuid, primary_key=True),
    # Stored normalised (trimmed, lower-case), so a plain unique index is case-insensitive.
    sa.Column("email", sa.Text, nullable=False, unique=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("role", sa.Text, nullable=False),
    sa.Column("password_hash", sa.Text, nullable=False),
    sa.Column("phone", sa.Text),  # E.164
    sa.Column("locale", sa.Text, nullable=False, server_default=sa.text("'en'")),
    # An operator's lock of the whole account (failed sign-ins lock pairs: sign_in_attempts).
    sa.Column("locked_until", sa.DateTime(timezone=True)),
    sa.Column("disabled", sa.Boolean, nullable=False, server_default=sa.text("false")),
    # The admins' text search: name and email folded like search folds (migration 0020;
    # its trigram index, ix_users_folded, is in the migration only).
    sa.Column("folded", sa.Text, sa.Computed("inkslot_fold(name || ' ' || email)", persisted=True)),
    *timestamps(),
    sa.CheckConstraint("role IN ('customer', 'artist', 'admin')", name="role"),
    sa.CheckConstraint("email = lower(email)", name="email_lower"),
    sa.CheckConstraint("locale IN ('en', 'mn')", name="locale"),
    # The admins' list, oldest first, all or by role (migration 0020).
    sa.Index("ix_users_created_at_id", "created_at", "id"),
    sa.Index(
        "ix_users_role_created_at_id",
        "role",
        "created_at",
        "id",
        postgresql_include=["locked_until", "disabled"],
    ),
    # An artist finding a customer by phone to book them in (migration 0026).
    sa.Index("ix_users_phone", "phone"),
)

refresh_tokens = sa.Table(
    "refresh_tokens",
    metadata,
    sa.Column("id", sa.Uuid, primary_key=True),
    sa.Column("family_id", sa.Uuid, nullable=False, index=True),
    refers_to("user_id", "users.id"),
    sa.Column("token_hash", sa.Text, nullable=False, unique=True),
    sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("spent_at", sa.DateTime(timezone=True)),
    refers_to("replaced_by", "refresh_tokens.id", ondelete="SET NULL", nullable=True),
    sa.Column("revoked_at", sa.DateTime(timezone=True)),
    *timestamps(),
    # Serves "revoke every live session of a user" without touching dead tokens.
    sa.Index(
        "ix_refresh_tokens_user_live", "user_id", postgresql_where=sa.text("revoked_at IS NULL")
    ),
)

# Failed sign-ins per (email, client address) pair: the key is a digest of both.
sign_in_attempts = sa.Table(
    "sign_in_attempts",
    metadata,
    sa.Column("key", sa.Text, primary_key=True),
    sa.Column("failures", sa.Integer, nullable=False, server_default=sa.text("0")),
    sa.Column("locked_until", sa.DateTime(timezone=True)),
    *timestamps(),
    sa.CheckConstraint("failures >= 0", name="failures"),
    # Serves purging pairs nobody has tried for a while.
    sa.Index("ix_sign_in_attempts_updated_at", "updated_at"),
)
