"""Notifications: one row per (event or reminder, recipient, channel), the in-app inbox,
per-user channel choices, per-artist reminder offsets, and the planning position in the
outbox's feed."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql as pg

from adapters.postgres.tables.base import ConstraintErrors, metadata, refers_to, timestamps

notifications = sa.Table(
    "notifications",
    metadata,
    sa.Column("id", sa.Uuid, primary_key=True),  # uuid7
    sa.Column("key", sa.Text, nullable=False, unique=True),  # one notification per key
    sa.Column("kind", sa.Text, nullable=False),
    sa.Column("category", sa.Text, nullable=False),
    sa.Column("channel", sa.Text, nullable=False),
    refers_to("recipient_id", "users.id", nullable=True),
    # Or an artist's client record (a booking's walk-in or phone client): exactly one.
    refers_to("client_id", "clients.id", nullable=True),
    sa.Column("party", sa.Text, nullable=False),
    sa.Column("event_id", sa.Uuid),
    sa.Column("booking_id", sa.Uuid),  # no foreign key: a message outlives nothing it names
    sa.Column("data", pg.JSONB, nullable=False),
    sa.Column("send_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("reminder_for", sa.DateTime(timezone=True)),
    sa.Column("status", sa.Text, nullable=False),
    sa.Column("attempts", sa.Integer, nullable=False),
    sa.Column("last_error", sa.Text),
    sa.Column("skip_reason", sa.Text),
    sa.Column("reference", sa.Text),
    sa.Column("next_attempt_at", sa.DateTime(timezone=True)),
    # A sent text: what its provider last reported (migration 0031).
    sa.Column("delivery_status", sa.Text),
    sa.Column("delivery_error", sa.Text),
    sa.Column("delivery_reported_at", sa.DateTime(timezone=True)),
    # Planned with no job yet: a message of a later moment, whose job a sweep queues shortly
    # before it (adapters/postgres/notification_queue.py; migration 0064).
    sa.Column("held", sa.Boolean, nullable=False, server_default=sa.text("false")),
    *timestamps(),
    sa.CheckConstraint("status IN ('pending', 'sent', 'failed', 'skipped')", name="status"),
    sa.CheckConstraint("channel IN ('email', 'sms', 'in_app', 'telegram')", name="channel"),
    sa.CheckConstraint(
        "delivery_status IN ('queued', 'sent', 'delivered', 'undelivered', 'failed')",
        name="delivery_status",
    ),
    # Admins' list of failures, newest first.
    sa.Index(
        "ix_notifications_failed", sa.text("id DESC"), postgresql_where=sa.text("status = 'failed'")
    ),
    sa.Index("ix_notifications_recipient_id", "recipient_id"),
    # A provider's delivery report finds its text by the reference the send got.
    sa.Index(
        "ix_notifications_sms_reference",
        "reference",
        postgresql_where=sa.text("channel = 'sms' AND reference IS NOT NULL"),
    ),
    sa.Index("ix_notifications_client_id", "client_id"),
    # The held messages by moment: what the release sweep walks.
    sa.Index(
        "ix_notifications_held",
        "next_attempt_at",
        postgresql_where=sa.text("held AND status = 'pending'"),
    ),
    # A booking's messages, in the order they were made (migration 0057).
    sa.Index(
        "ix_notifications_booking_id",
        "booking_id",
        "id",
        postgresql_where=sa.text("booking_id IS NOT NULL"),
    ),
    sa.CheckConstraint("(recipient_id IS NULL) <> (client_id IS NULL)", name="addressee"),
)

inbox_items = sa.Table(
    "inbox_items",
    metadata,
    sa.Column("id", sa.Uuid, primary_key=True),  # the in-app notification's id (uuid7)
    refers_to("user_id", "users.id"),
    sa.Column("kind", sa.Text, nullable=False),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("body", sa.Text, nullable=False),
    sa.Column("link", sa.Text),
    sa.Column("booking_id", sa.Uuid),
    sa.Column("read_at", sa.DateTime(timezone=True)),
    *timestamps(),
    sa.Index("ix_inbox_items_user_id_id", "user_id", sa.text("id DESC")),
    sa.Index(
        "ix_inbox_items_unread",
        "user_id",
        sa.text("id DESC"),
        postgresql_where=sa.text("read_at IS NULL"),
    ),
)

notification_preferences = sa.Table(
    "notification_preferences",
    metadata,
    refers_to("user_id", "users.id", primary_key=True),
    sa.Column("email", sa.Boolean, nullable=False),
    sa.Column("sms", sa.Boolean, nullable=False),
    sa.Column("in_app", sa.Boolean, nullable=False),
    *timestamps(),
    # Migration 0050; on by default: it carries anything only once a chat is linked.
    sa.Column("telegram", sa.Boolean, nullable=False, server_default=sa.text("true")),
)

reminder_offsets = sa.Table(
    "reminder_offsets",
    metadata,
    refers_to("artist_id", "artists.id", primary_key=True),
    sa.Column("offsets_minutes", pg.ARRAY(sa.Integer), nullable=False),
    *timestamps(),
)

notification_dispatch = sa.Table(
    "notification_dispatch",
    metadata,
    sa.Column("name", sa.Text, primary_key=True),  # one row, 'notifications' (migration 0015)
    sa.Column("after", sa.Text),  # the feed cursor of the last event planned
    sa.Column(
        "updated_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.text("now()")
    ),
)

# Texts charged to the account whose action caused them, per UTC day
# (booking_domain/notifications/text_allowance.py; migration 0054).
text_allowance = sa.Table(
    "text_allowance",
    metadata,
    refers_to("account_id", "users.id", primary_key=True),
    sa.Column("day", sa.Date, primary_key=True),
    sa.Column("texts", sa.Integer, nullable=False),
    *timestamps(),
    sa.CheckConstraint("texts >= 0", name="texts"),
    # Purging old days.
    sa.Index("ix_text_allowance_day", "day"),
)


# What a violation of each unique or exclusion constraint above means (``base.ConstraintErrors``).
CONSTRAINT_ERRORS: ConstraintErrors = {
    "uq_notifications_key": None,  # written ON CONFLICT DO NOTHING
}
