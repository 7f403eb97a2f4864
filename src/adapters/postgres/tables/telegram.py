"""The Telegram bot: the chats linked with it (notifications' Telegram channel), the tokens
that link them, and the updates its webhook received (kept until handled and a day more)."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql as pg

from adapters.postgres.tables.base import ConstraintErrors, metadata, refers_to, timestamps

# One chat per account, one account per chat (booking_domain/notifications/telegram_chats.py).
telegram_chats = sa.Table(
    "telegram_chats",
    metadata,
    refers_to("user_id", "users.id", primary_key=True),
    sa.Column("chat_id", sa.BigInteger, nullable=False, unique=True),  # the bot's updates
    sa.Column("username", sa.Text),
    sa.Column("linked_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("blocked_at", sa.DateTime(timezone=True)),  # switched off since
    *timestamps(),
)

# A token the app gave to link a chat: its keyed digest, one per account.
telegram_chat_tokens = sa.Table(
    "telegram_chat_tokens",
    metadata,
    refers_to("user_id", "users.id", primary_key=True),
    sa.Column("digest", sa.Text, nullable=False, unique=True),  # what /start looks up
    sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column(
        "created_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.text("now()")
    ),
    sa.Index("ix_telegram_chat_tokens_expires_at", "expires_at"),  # the purge
)

# What the webhook received, as the bot reads it (booking_domain/telegram/updates.py).
telegram_updates = sa.Table(
    "telegram_updates",
    metadata,
    sa.Column("update_id", sa.BigInteger, primary_key=True, autoincrement=False),
    sa.Column("chat_id", sa.BigInteger, nullable=False),
    sa.Column("data", pg.JSONB, nullable=False),
    sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("calls", pg.JSONB),  # null until handled: the Bot API calls that answer it
    sa.Column("sent", sa.Integer, nullable=False, server_default=sa.text("0")),
    sa.Column("attempts", sa.Integer, nullable=False, server_default=sa.text("0")),
    sa.Column("handled_at", sa.DateTime(timezone=True)),
    *timestamps(),
    sa.Index("ix_telegram_updates_received_at", "received_at"),  # the purge
)


# What a violation of each unique or exclusion constraint above means (``base.ConstraintErrors``).
CONSTRAINT_ERRORS: ConstraintErrors = {
    "uq_telegram_chats_chat_id": None,  # linking removes the chat from another account first
    "uq_telegram_chat_tokens_digest": None,  # a token the server draws
}
