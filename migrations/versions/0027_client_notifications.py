"""Client records hear of their bookings: a notification is addressed to a user's account
or to an artist's client record (``notifications.client_id``; ``recipient_id`` becomes
optional, a CHECK holds exactly one of the two).

Revision ID: 0027_client_notifications
Revises: 0026_artist_clients
Create Date: 2026-11-25 11:40:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0027_client_notifications"
down_revision: str | None = "0026_artist_clients"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_UP = """
ALTER TABLE notifications ALTER COLUMN recipient_id DROP NOT NULL;
ALTER TABLE notifications ADD COLUMN client_id uuid
    CONSTRAINT fk_notifications_client_id_clients REFERENCES clients (id) ON DELETE CASCADE;
ALTER TABLE notifications ADD CONSTRAINT ck_notifications_addressee
    CHECK ((recipient_id IS NULL) <> (client_id IS NULL));
CREATE INDEX ix_notifications_client_id ON notifications (client_id);
"""

# Going back drops the messages to client records (they have no account to address).
_DOWN = """
DELETE FROM notifications WHERE client_id IS NOT NULL;
ALTER TABLE notifications DROP CONSTRAINT ck_notifications_addressee;
DROP INDEX ix_notifications_client_id;
ALTER TABLE notifications DROP COLUMN client_id;
ALTER TABLE notifications ALTER COLUMN recipient_id SET NOT NULL;
"""


def upgrade() -> None:
    op.execute(_UP)


def downgrade() -> None:
    op.execute(_DOWN)
