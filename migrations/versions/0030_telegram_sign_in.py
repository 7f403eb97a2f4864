"""Telegram sign-in: linked Telegram accounts and spent login payloads.

``telegram_links`` links a Telegram account to one of ours, one each way (the Telegram id is
the key, ``user_id`` is unique). ``telegram_spent_logins`` keeps the hash of each Login
Widget or Mini App payload accepted, until it would be too old anyway, so that none is
accepted twice.

Revision ID: 0030_telegram_sign_in
Revises: 0029_session_devices
Create Date: 2026-11-25 23:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0030_telegram_sign_in"
down_revision: str | None = "0029_session_devices"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_UP = """
CREATE TABLE telegram_links (
    telegram_id bigint CONSTRAINT pk_telegram_links PRIMARY KEY
        CONSTRAINT ck_telegram_links_telegram_id CHECK (telegram_id > 0),
    user_id uuid NOT NULL
        CONSTRAINT fk_telegram_links_user_id_users REFERENCES users (id) ON DELETE CASCADE
        CONSTRAINT uq_telegram_links_user_id UNIQUE,
    username text,
    linked_at timestamptz NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE telegram_spent_logins (
    payload_hash text CONSTRAINT pk_telegram_spent_logins PRIMARY KEY,
    expires_at timestamptz NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ix_telegram_spent_logins_expires_at ON telegram_spent_logins (expires_at);
"""

_DOWN = """
DROP TABLE telegram_spent_logins;
DROP TABLE telegram_links;
"""


def upgrade() -> None:
    op.execute(_UP)


def downgrade() -> None:
    op.execute(_DOWN)
