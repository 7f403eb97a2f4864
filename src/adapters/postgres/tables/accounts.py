"""Accounts: users and their refresh tokens."""

from __future__ import annotations

import sqlalchemy as sa

from adapters.postgres.tables.base import ConstraintErrors, metadata, refers_to, timestamps
from booking_domain.accounts import EmailAlreadyRegisteredError, PhoneAlreadyVerifiedError

users = sa.Table(
    "users",
    metadata,
    sa.Column("id", sa.Uuid, primary_key=True),
    # Stored normalised (trimmed, lower-case), so a plain unique index is case-insensitive.
    # None for an account made by phone code or Telegram (migration 0028).
    sa.Column("email", sa.Text, unique=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("role", sa.Text, nullable=False),
    sa.Column("password_hash", sa.Text),  # None until such an account sets a password
    sa.Column("phone", sa.Text),  # E.164
    sa.Column("phone_verified", sa.Boolean, nullable=False, server_default=sa.text("false")),
    sa.Column("email_verified", sa.Boolean, nullable=False, server_default=sa.text("false")),
    sa.Column("locale", sa.Text, nullable=False, server_default=sa.text("'en'")),
    # An operator's lock of the whole account (failed sign-ins lock pairs: sign_in_attempts).
    sa.Column("locked_until", sa.DateTime(timezone=True)),
    sa.Column("disabled", sa.Boolean, nullable=False, server_default=sa.text("false")),
    # When its owner deleted the account: anonymised, kept for what names it (0032).
    sa.Column("deleted_at", sa.DateTime(timezone=True)),
    # The admins' text search: name and email folded like search folds (migration 0020;
    # its trigram index, ix_users_folded, is in the migration only).
    sa.Column(
        "folded",
        sa.Text,
        sa.Computed("inkslot_fold(name || ' ' || COALESCE(email, ''))", persisted=True),
    ),
    *timestamps(),
    sa.CheckConstraint("role IN ('customer', 'artist', 'admin')", name="role"),
    sa.CheckConstraint("email = lower(email)", name="email_lower"),
    sa.CheckConstraint("locale IN ('en', 'mn')", name="locale"),
    sa.CheckConstraint("phone IS NOT NULL OR NOT phone_verified", name="verified_phone"),
    sa.CheckConstraint("email IS NOT NULL OR NOT email_verified", name="verified_email"),
    sa.CheckConstraint(
        "deleted_at IS NULL OR (email IS NULL AND phone IS NULL AND password_hash IS NULL)",
        name="deleted_anonymous",
    ),
    # A verified number signs in: it is one account's (migration 0028).
    sa.Index(
        "uq_users_verified_phone",
        "phone",
        unique=True,
        postgresql_where=sa.text("phone_verified"),
    ),
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

# One record per session (a refresh-token family; the id is its family_id): the device that
# signed in, the client address then and at the last use, the last use (migration 0029;
# booking_domain/accounts/devices.py). Whether it lives is its tokens' business.
sessions = sa.Table(
    "sessions",
    metadata,
    sa.Column("id", sa.Uuid, primary_key=True),
    refers_to("user_id", "users.id"),
    sa.Column("user_agent", sa.Text, nullable=False, server_default=sa.text("''")),
    sa.Column("address", sa.Text),
    sa.Column("last_address", sa.Text),
    sa.Column("last_used_at", sa.DateTime(timezone=True), nullable=False),
    *timestamps(),
    sa.CheckConstraint("char_length(user_agent) <= 256", name="user_agent_length"),
    sa.CheckConstraint(
        "char_length(address) <= 64 AND char_length(last_address) <= 64", name="address_length"
    ),
    # A user's sessions, the most recently used first.
    sa.Index("ix_sessions_user_id_last_used_at_id", "user_id", "last_used_at", "id"),
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

# Codes sent by text message (booking_domain/accounts/phone_codes.py); only a keyed digest
# of each code and of the asking address is kept.
phone_codes = sa.Table(
    "phone_codes",
    metadata,
    sa.Column("id", sa.Uuid, primary_key=True),
    sa.Column("phone", sa.Text, nullable=False),
    sa.Column("purpose", sa.Text, nullable=False),
    refers_to("user_id", "users.id", nullable=True, index=True),
    sa.Column("code_hash", sa.Text, nullable=False),
    sa.Column("address_key", sa.Text, nullable=False),
    sa.Column("attempts", sa.Integer, nullable=False, server_default=sa.text("0")),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("spent_at", sa.DateTime(timezone=True)),
    sa.CheckConstraint("purpose IN ('sign_in', 'unlock', 'phone_change')", name="purpose"),
    sa.CheckConstraint("attempts >= 0", name="attempts"),
    # A number's codes, newest first: its live one, its sends of the last hour.
    sa.Index("ix_phone_codes_phone_created_at", "phone", "created_at"),
    # An address's sends of the last hour.
    sa.Index("ix_phone_codes_address_key_created_at", "address_key", "created_at"),
    # Purging old codes.
    sa.Index("ix_phone_codes_created_at", "created_at"),
)

# Links sent by email (booking_domain/accounts/email_links.py); only a keyed digest of each
# link's secret is kept.
email_links = sa.Table(
    "email_links",
    metadata,
    sa.Column("id", sa.Uuid, primary_key=True),
    refers_to("user_id", "users.id", index=True),
    sa.Column("purpose", sa.Text, nullable=False),
    sa.Column("email", sa.Text, nullable=False),
    sa.Column("token_hash", sa.Text, nullable=False, unique=True),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("spent_at", sa.DateTime(timezone=True)),
    sa.CheckConstraint("purpose IN ('verify_email', 'reset_password', 'unlock')", name="purpose"),
)

# Integrators' API keys (booking_domain/accounts/api_keys.py): a keyed digest of each secret,
# never the secret; its first characters (``prefix``) to tell keys apart in lists.
api_keys = sa.Table(
    "api_keys",
    metadata,
    sa.Column("id", sa.Uuid, primary_key=True),
    refers_to("user_id", "users.id", index=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("scopes", sa.ARRAY(sa.Text), nullable=False),
    sa.Column("prefix", sa.Text, nullable=False),
    sa.Column("digest", sa.Text, nullable=False, unique=True),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("last_used_at", sa.DateTime(timezone=True)),
    sa.Column("revoked_at", sa.DateTime(timezone=True)),
    sa.CheckConstraint("cardinality(scopes) > 0", name="scopes"),
    sa.CheckConstraint("expires_at > created_at", name="expiry"),
)

# Code messages sent per UTC day, against INKSLOT_SMS_DAILY_LIMIT.
sms_budget = sa.Table(
    "sms_budget",
    metadata,
    sa.Column("day", sa.Date, primary_key=True),
    sa.Column("sent", sa.Integer, nullable=False),
    sa.CheckConstraint("sent >= 0", name="sent"),
)

# Telegram accounts linked to ours, one each way (booking_domain/accounts/telegram.py).
telegram_links = sa.Table(
    "telegram_links",
    metadata,
    sa.Column("telegram_id", sa.BigInteger, primary_key=True, autoincrement=False),
    refers_to("user_id", "users.id", unique=True),
    sa.Column("username", sa.Text),
    sa.Column("linked_at", sa.DateTime(timezone=True), nullable=False),
    *timestamps(),
    sa.CheckConstraint("telegram_id > 0", name="telegram_id"),
)

# Telegram login payloads accepted once: their hash, kept until they would be too old anyway.
telegram_spent_logins = sa.Table(
    "telegram_spent_logins",
    metadata,
    sa.Column("payload_hash", sa.Text, primary_key=True),
    sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column(
        "created_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.text("now()")
    ),
    # Purging the expired ones.
    sa.Index("ix_telegram_spent_logins_expires_at", "expires_at"),
)


# What a violation of each unique or exclusion constraint above means (``base.ConstraintErrors``).
CONSTRAINT_ERRORS: ConstraintErrors = {
    "uq_users_email": EmailAlreadyRegisteredError,
    "uq_users_verified_phone": PhoneAlreadyVerifiedError,
    "uq_refresh_tokens_token_hash": None,  # a token the server draws
    "uq_email_links_token_hash": None,  # a token the server draws
    "uq_api_keys_digest": None,  # a secret the server draws
    "uq_telegram_links_user_id": None,  # written ON CONFLICT DO NOTHING
}
