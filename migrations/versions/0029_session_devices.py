"""Sessions you can see: device, address and last use of a refresh-token family.

Revision ID: 0029_session_devices
Revises: 0028_phone_accounts
Create Date: 2026-11-25 23:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0029_session_devices"
down_revision: str | None = "0028_phone_accounts"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# One record per refresh-token family (booking_domain/accounts/devices.py). The families
# still usable get one now, their device unknown, so nobody's list starts out empty; a
# family started by a release without this table gets its record at its next refresh.
_UP = """
CREATE TABLE sessions (
    id uuid NOT NULL,
    user_id uuid NOT NULL,
    user_agent text NOT NULL DEFAULT '',
    address text,
    last_address text,
    last_used_at timestamptz NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_sessions PRIMARY KEY (id),
    CONSTRAINT fk_sessions_user_id_users FOREIGN KEY (user_id)
        REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT ck_sessions_user_agent_length CHECK (char_length(user_agent) <= 256),
    CONSTRAINT ck_sessions_address_length
        CHECK (char_length(address) <= 64 AND char_length(last_address) <= 64)
);
CREATE INDEX ix_sessions_user_id_last_used_at_id ON sessions (user_id, last_used_at, id);
INSERT INTO sessions (id, user_id, last_used_at, created_at, updated_at)
SELECT family_id, min(user_id::text)::uuid, max(created_at), min(created_at), max(created_at)
FROM refresh_tokens
GROUP BY family_id
HAVING bool_or(revoked_at IS NULL AND spent_at IS NULL AND expires_at > now());
"""

_DOWN = """
DROP TABLE sessions;
"""


def upgrade() -> None:
    op.execute(_UP)


def downgrade() -> None:
    op.execute(_DOWN)
