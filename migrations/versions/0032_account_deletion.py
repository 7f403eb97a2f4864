"""Deleting one's account: ``users`` gains ``deleted_at`` (when its owner deleted it), and a
CHECK that a deleted account holds no email, phone or password hash
(``ck_users_deleted_anonymous``; booking_domain/accounts/leaving.py, docs/privacy.md).

The column is nullable without a default (no table rewrite); the CHECK passes on every
existing row (all have ``deleted_at`` NULL).

Revision ID: 0032_account_deletion
Revises: 0031_sms_delivery_status
Create Date: 2026-11-26 10:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0032_account_deletion"
down_revision: str | None = "0031_sms_delivery_status"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_UP = """
ALTER TABLE users ADD COLUMN deleted_at timestamptz;
ALTER TABLE users ADD CONSTRAINT ck_users_deleted_anonymous
    CHECK (deleted_at IS NULL OR (email IS NULL AND phone IS NULL AND password_hash IS NULL));
"""

# Going back forgets when accounts were deleted; they stay anonymised and disabled.
_DOWN = """
ALTER TABLE users DROP CONSTRAINT ck_users_deleted_anonymous;
ALTER TABLE users DROP COLUMN deleted_at;
"""


def upgrade() -> None:
    op.execute(_UP)


def downgrade() -> None:
    op.execute(_DOWN)
