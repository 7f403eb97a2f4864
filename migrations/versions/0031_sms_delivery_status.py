"""Text messages' delivery statuses reported by the provider: ``notifications`` gains
``delivery_status`` (queued, sent, delivered, undelivered, failed), ``delivery_error`` (the
provider's error code) and ``delivery_reported_at``, and a partial index that finds a sent
text by its provider's reference (``ix_notifications_sms_reference``: Twilio's status
callbacks name the message by the SID the send was answered with).

The new columns are nullable without a default (no table rewrite); the CHECK scans rows that
are all NULL there.

Revision ID: 0031_sms_delivery_status
Revises: 0030_telegram_sign_in
Create Date: 2026-11-25 23:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0031_sms_delivery_status"
down_revision: str | None = "0030_telegram_sign_in"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_UP = """
ALTER TABLE notifications
    ADD COLUMN delivery_status text,
    ADD COLUMN delivery_error text,
    ADD COLUMN delivery_reported_at timestamptz;
ALTER TABLE notifications ADD CONSTRAINT ck_notifications_delivery_status
    CHECK (delivery_status IN ('queued', 'sent', 'delivered', 'undelivered', 'failed'));
CREATE INDEX ix_notifications_sms_reference ON notifications (reference)
    WHERE channel = 'sms' AND reference IS NOT NULL;
"""

# Going back forgets what the provider reported; the texts themselves stay.
_DOWN = """
DROP INDEX ix_notifications_sms_reference;
ALTER TABLE notifications DROP CONSTRAINT ck_notifications_delivery_status;
ALTER TABLE notifications
    DROP COLUMN delivery_reported_at,
    DROP COLUMN delivery_error,
    DROP COLUMN delivery_status;
"""


def upgrade() -> None:
    op.execute(_UP)


def downgrade() -> None:
    op.execute(_DOWN)
