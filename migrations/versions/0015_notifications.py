"""Notifications: the notifications table, the in-app inbox, channel preferences, reminder
offsets, the planning position; users gain a locale and E.164 phone numbers.

The planning position starts at the outbox's tail as the feed sees it now (below the oldest
running transaction, as adapters/postgres/outbox.py reads it): an existing deployment is
not sent messages about the week of events already kept in its outbox, and an event still
being written during the migration is planned, not skipped.

Revision ID: 0015_notifications
Revises: 0014_refunds
Create Date: 2026-11-23 11:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql as pg

revision: str = "0015_notifications"
down_revision: str | None = "0014_refunds"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _timestamps() -> list[sa.Column[object]]:
    return [
        sa.Column(name, sa.DateTime(timezone=True), server_default=sa.text("now()"),
                  nullable=False)
        for name in ("created_at", "updated_at")
    ]  # fmt: skip


def upgrade() -> None:
    op.add_column(
        "users", sa.Column("locale", sa.Text(), server_default=sa.text("'en'"), nullable=False)
    )
    op.create_check_constraint("ck_users_locale", "users", "locale IN ('en', 'mn')")
    # Phone numbers as E.164, by accounts.users.e164's rule: punctuation dropped, a leading
    # 00 is +, 8 digits alone are Mongolian; anything else is cleared rather than sent texts
    # that cannot arrive. (The downgrade keeps the E.164 form: it cannot know the old one.)
    op.execute(
        r"""
        WITH cleaned AS (
          SELECT id, regexp_replace(regexp_replace(phone, '[\s\u00a0().-]', '', 'g'),
                                    '^00', '+') AS compact
            FROM users WHERE phone IS NOT NULL)
        UPDATE users SET phone = CASE
          WHEN cleaned.compact ~ '^[0-9]{8}$' THEN '+976' || cleaned.compact
          WHEN cleaned.compact ~ '^\+[1-9][0-9]{7,14}$' THEN cleaned.compact
          ELSE NULL END
          FROM cleaned WHERE cleaned.id = users.id
        """
    )
    op.create_table(
        "notifications",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("category", sa.Text(), nullable=False),
        sa.Column("channel", sa.Text(), nullable=False),
        sa.Column("recipient_id", sa.Uuid(), nullable=False),
        sa.Column("party", sa.Text(), nullable=False),
        sa.Column("event_id", sa.Uuid(), nullable=True),
        sa.Column("booking_id", sa.Uuid(), nullable=True),
        sa.Column("data", pg.JSONB(), nullable=False),
        sa.Column("send_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reminder_for", sa.DateTime(timezone=True), nullable=True),
        sa.Column("status", sa.Text(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("skip_reason", sa.Text(), nullable=True),
        sa.Column("reference", sa.Text(), nullable=True),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=True),
        *_timestamps(),
        sa.CheckConstraint(
            "status IN ('pending', 'sent', 'failed', 'skipped')", name="ck_notifications_status"
        ),
        sa.CheckConstraint(
            "channel IN ('email', 'sms', 'in_app')", name="ck_notifications_channel"
        ),
        sa.ForeignKeyConstraint(
            ["recipient_id"],
            ["users.id"],
            name="fk_notifications_recipient_id_users",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_notifications"),
        sa.UniqueConstraint("key", name="uq_notifications_key"),
    )
    op.create_index(
        "ix_notifications_failed", "notifications", [sa.text("id DESC")],
        postgresql_where=sa.text("status = 'failed'"),
    )  # fmt: skip
    op.create_index("ix_notifications_recipient_id", "notifications", ["recipient_id"])
    op.create_table(
        "inbox_items",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("link", sa.Text(), nullable=True),
        sa.Column("booking_id", sa.Uuid(), nullable=True),
        sa.Column("read_at", sa.DateTime(timezone=True), nullable=True),
        *_timestamps(),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name="fk_inbox_items_user_id_users", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_inbox_items"),
    )
    op.create_index("ix_inbox_items_user_id_id", "inbox_items", ["user_id", sa.text("id DESC")])
    op.create_index(
        "ix_inbox_items_unread", "inbox_items", ["user_id", sa.text("id DESC")],
        postgresql_where=sa.text("read_at IS NULL"),
    )  # fmt: skip
    op.create_table(
        "notification_preferences",
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("email", sa.Boolean(), nullable=False),
        sa.Column("sms", sa.Boolean(), nullable=False),
        sa.Column("in_app", sa.Boolean(), nullable=False),
        *_timestamps(),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name="fk_notification_preferences_user_id_users",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("user_id", name="pk_notification_preferences"),
    )
    op.create_table(
        "reminder_offsets",
        sa.Column("artist_id", sa.Uuid(), nullable=False),
        sa.Column("offsets_minutes", pg.ARRAY(sa.Integer()), nullable=False),
        *_timestamps(),
        sa.ForeignKeyConstraint(
            ["artist_id"],
            ["artists.id"],
            name="fk_reminder_offsets_artist_id_artists",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("artist_id", name="pk_reminder_offsets"),
    )
    op.create_table(
        "notification_dispatch",
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("after", sa.Text(), nullable=True),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("name", name="pk_notification_dispatch"),
    )
    op.execute(
        """
        INSERT INTO notification_dispatch (name, after)
        SELECT 'notifications',
               (SELECT lpad(xid::text, 20, '0') || '-' || lpad(position::text, 20, '0')
                  FROM outbox_events
                 WHERE xid < pg_snapshot_xmin(pg_current_snapshot())
                 ORDER BY xid DESC, position DESC LIMIT 1)
        """
    )


def downgrade() -> None:
    op.drop_table("notification_dispatch")
    op.drop_table("reminder_offsets")
    op.drop_table("notification_preferences")
    op.drop_index("ix_inbox_items_unread", table_name="inbox_items")
    op.drop_index("ix_inbox_items_user_id_id", table_name="inbox_items")
    op.drop_table("inbox_items")
    op.drop_index("ix_notifications_recipient_id", table_name="notifications")
    op.drop_index("ix_notifications_failed", table_name="notifications")
    op.drop_table("notifications")
    op.drop_constraint("ck_users_locale", "users", type_="check")
    op.drop_column("users", "locale")
