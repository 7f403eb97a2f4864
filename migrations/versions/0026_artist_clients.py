"""Artists book walk-ins and phone clients: the artist's client records (``clients``, one
per phone number of an artist), a booking for either a customer's account or a client
record (``bookings.client_id``; ``customer_id`` becomes optional, a CHECK holds exactly one
of the two), and an index to find customers by phone.

Revision ID: 0026_artist_clients
Revises: 0025_uploads_unused_index
Create Date: 2026-11-25 10:30:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0026_artist_clients"
down_revision: str | None = "0025_uploads_unused_index"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_UP = """
CREATE TABLE clients (
    id uuid NOT NULL,
    artist_id uuid NOT NULL,
    name text NOT NULL,
    phone text NOT NULL,
    email text,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_clients PRIMARY KEY (id),
    CONSTRAINT fk_clients_artist_id_artists FOREIGN KEY (artist_id)
        REFERENCES artists (id) ON DELETE CASCADE,
    CONSTRAINT uq_clients_artist_id_phone UNIQUE (artist_id, phone)
);
ALTER TABLE bookings ALTER COLUMN customer_id DROP NOT NULL;
ALTER TABLE bookings ADD COLUMN client_id uuid
    CONSTRAINT fk_bookings_client_id_clients REFERENCES clients (id) ON DELETE RESTRICT;
ALTER TABLE bookings ADD CONSTRAINT ck_bookings_party
    CHECK ((customer_id IS NULL) <> (client_id IS NULL));
CREATE INDEX ix_users_phone ON users (phone);
"""

# Going back drops the client records and the bookings made for them (they have no customer).
_DOWN = """
DROP INDEX ix_users_phone;
DELETE FROM bookings WHERE client_id IS NOT NULL;
ALTER TABLE bookings DROP CONSTRAINT ck_bookings_party;
ALTER TABLE bookings DROP COLUMN client_id;
ALTER TABLE bookings ALTER COLUMN customer_id SET NOT NULL;
DROP TABLE clients;
"""


def upgrade() -> None:
    op.execute(_UP)


def downgrade() -> None:
    op.execute(_DOWN)
