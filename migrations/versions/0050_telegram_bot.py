"""The Telegram bot: chats linked with it (``telegram_chats``, one per account and one
account per chat), the one-time tokens that link them (``telegram_chat_tokens``, kept as
keyed digests), the updates its webhook received (``telegram_updates``, kept until handled
and a day more), the ``telegram`` channel choice (``notification_preferences.telegram``, on
by default) and ``telegram`` among the channels a notification may go on.

Rolling-deploy safe: new tables, a new column with a default, and a wider CHECK (added
``NOT VALID`` and validated after, so the table is not held while its rows are checked).

Revision ID: 0050_telegram_bot
Revises: 0048_waitlist
Create Date: 2026-12-02 10:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0050_telegram_bot"
down_revision: str | None = "0048_waitlist"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_UP = """
CREATE TABLE telegram_chats (
    user_id uuid NOT NULL,
    chat_id bigint NOT NULL,
    username text,
    linked_at timestamptz NOT NULL,
    blocked_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_telegram_chats PRIMARY KEY (user_id),
    CONSTRAINT uq_telegram_chats_chat_id UNIQUE (chat_id),
    CONSTRAINT fk_telegram_chats_user_id_users FOREIGN KEY (user_id)
        REFERENCES users (id) ON DELETE CASCADE
);
CREATE TABLE telegram_chat_tokens (
    user_id uuid NOT NULL,
    digest text NOT NULL,
    expires_at timestamptz NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_telegram_chat_tokens PRIMARY KEY (user_id),
    CONSTRAINT uq_telegram_chat_tokens_digest UNIQUE (digest),
    CONSTRAINT fk_telegram_chat_tokens_user_id_users FOREIGN KEY (user_id)
        REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX ix_telegram_chat_tokens_expires_at ON telegram_chat_tokens (expires_at);
CREATE TABLE telegram_updates (
    update_id bigint NOT NULL,
    chat_id bigint NOT NULL,
    data jsonb NOT NULL,
    received_at timestamptz NOT NULL,
    calls jsonb,
    sent integer NOT NULL DEFAULT 0,
    attempts integer NOT NULL DEFAULT 0,
    handled_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_telegram_updates PRIMARY KEY (update_id)
);
CREATE INDEX ix_telegram_updates_received_at ON telegram_updates (received_at);
ALTER TABLE notification_preferences ADD COLUMN telegram boolean NOT NULL DEFAULT true;
-- 0015 named it twice over (its name went through the naming convention again); it
-- now takes the name the table metadata gives it.
ALTER TABLE notifications DROP CONSTRAINT ck_notifications_ck_notifications_channel,
    ADD CONSTRAINT ck_notifications_channel
        CHECK (channel IN ('email', 'sms', 'in_app', 'telegram')) NOT VALID;
ALTER TABLE notifications VALIDATE CONSTRAINT ck_notifications_channel;
"""

# Going back forgets the chats, the updates and the Telegram messages sent or planned.
_DOWN = """
DELETE FROM notifications WHERE channel = 'telegram';
ALTER TABLE notifications DROP CONSTRAINT ck_notifications_channel,
    ADD CONSTRAINT ck_notifications_ck_notifications_channel
        CHECK (channel IN ('email', 'sms', 'in_app'));
ALTER TABLE notification_preferences DROP COLUMN telegram;
DROP TABLE telegram_updates;
DROP TABLE telegram_chat_tokens;
DROP TABLE telegram_chats;
"""


def upgrade() -> None:
    op.execute(_UP)


def downgrade() -> None:
    op.execute(_DOWN)
