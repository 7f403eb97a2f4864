"""Payments taken in the studio: cash, card-terminal and bank-transfer payments the artist
records against a booking, with receipts numbered per artist (``studio_payments``,
``studio_receipt_counters``; docs/payments.md, "Payments taken in the studio").

Rolling-deploy safe: new tables only; the release still running neither reads nor writes
them.

Revision ID: 0058_studio_payments
Revises: 0057_notifications_by_booking
Create Date: 2026-11-28 12:00:00
"""

import importlib.util
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

from alembic import op

revision: str = "0058_studio_payments"
down_revision: str | None = "0057_notifications_by_booking"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_UP = """
CREATE TABLE studio_payments (
    id uuid NOT NULL,
    booking_id uuid NOT NULL,
    artist_id uuid NOT NULL,
    receipt_number integer NOT NULL,
    method text NOT NULL,
    kind text NOT NULL,
    amount bigint NOT NULL,
    refunded_amount bigint NOT NULL,
    currency text NOT NULL,
    note text,
    recorded_by uuid NOT NULL,
    recorded_at timestamptz NOT NULL,
    refunded_at timestamptz,
    receipt_token_hash text NOT NULL,
    idempotency_key text,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_studio_payments PRIMARY KEY (id),
    CONSTRAINT fk_studio_payments_booking_id_bookings FOREIGN KEY (booking_id)
        REFERENCES bookings (id),
    CONSTRAINT fk_studio_payments_artist_id_artists FOREIGN KEY (artist_id)
        REFERENCES artists (id),
    CONSTRAINT fk_studio_payments_recorded_by_users FOREIGN KEY (recorded_by)
        REFERENCES users (id),
    CONSTRAINT uq_studio_payments_artist_id_receipt_number UNIQUE (artist_id, receipt_number),
    CONSTRAINT uq_studio_payments_recorded_by_idempotency_key
        UNIQUE (recorded_by, idempotency_key),
    CONSTRAINT uq_studio_payments_receipt_token_hash UNIQUE (receipt_token_hash),
    CONSTRAINT ck_studio_payments_amount_positive CHECK (amount > 0),
    CONSTRAINT ck_studio_payments_refund_bounded CHECK (refunded_amount BETWEEN 0 AND amount),
    CONSTRAINT ck_studio_payments_receipt_number_positive CHECK (receipt_number > 0),
    CONSTRAINT ck_studio_payments_method_known
        CHECK (method IN ('cash', 'card_terminal', 'bank_transfer')),
    CONSTRAINT ck_studio_payments_kind_known CHECK (kind IN ('deposit', 'balance', 'all'))
);
CREATE INDEX ix_studio_payments_booking_id_receipt_number
    ON studio_payments (booking_id, receipt_number);
CREATE TABLE studio_receipt_counters (
    artist_id uuid NOT NULL,
    last_number integer NOT NULL,
    CONSTRAINT pk_studio_receipt_counters PRIMARY KEY (artist_id),
    CONSTRAINT fk_studio_receipt_counters_artist_id_artists FOREIGN KEY (artist_id)
        REFERENCES artists (id) ON DELETE CASCADE,
    CONSTRAINT ck_studio_receipt_counters_last_number_positive CHECK (last_number > 0)
);
"""
# Analytics' rollup (0037) counts studio money as it counts the provider's: a deposit on the
# day it was recorded, a balance (or all of it) likewise, a refund on the day it was given.
_ANALYTICS = """
CREATE FUNCTION analytics_studio_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    paid bigint := CASE WHEN TG_OP = 'INSERT' THEN NEW.amount ELSE 0 END;
    given bigint := NEW.refunded_amount - CASE WHEN TG_OP = 'INSERT' THEN 0
                                               ELSE OLD.refunded_amount END;
BEGIN
    IF paid <> 0 THEN
        PERFORM analytics_bump(NEW.artist_id, NEW.recorded_at, NEW.currency, 0, 0, 0, 0, 0,
            CASE WHEN NEW.kind = 'deposit' THEN paid ELSE 0 END,
            CASE WHEN NEW.kind = 'deposit' THEN 0 ELSE paid END, 0, 0);
    END IF;
    IF given <> 0 THEN
        PERFORM analytics_bump(NEW.artist_id, coalesce(NEW.refunded_at, NEW.recorded_at),
            NEW.currency, 0, 0, 0, 0, 0, 0, 0, given, 0);
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER analytics_studio_changed AFTER INSERT OR UPDATE OF refunded_amount
    ON studio_payments FOR EACH ROW EXECUTE FUNCTION analytics_studio_changed();
"""
_DOWN = """
DROP TRIGGER IF EXISTS analytics_studio_changed ON studio_payments;
DROP FUNCTION IF EXISTS analytics_studio_changed();
DROP TABLE studio_receipt_counters;
DROP TABLE studio_payments;
"""


# The rollup's rebuild (0038's with 0048's counting rule, run when an artist's zone changes)
# counts studio money too.
_STUDIO_ROWS = """
        UNION ALL
        SELECT s.artist_id, analytics_local_day(s.recorded_at, a.time_zone), s.currency,
               0, 0, 0, 0, 0,
               CASE WHEN s.kind = 'deposit' THEN s.amount ELSE 0 END,
               CASE WHEN s.kind = 'deposit' THEN 0 ELSE s.amount END, 0, 0
        FROM studio_payments s JOIN artists a ON a.id = s.artist_id
        WHERE p_artist IS NULL OR s.artist_id = p_artist
        UNION ALL
        SELECT s.artist_id,
               analytics_local_day(coalesce(s.refunded_at, s.recorded_at), a.time_zone),
               s.currency, 0, 0, 0, 0, 0, 0, 0, s.refunded_amount, 0
        FROM studio_payments s JOIN artists a ON a.id = s.artist_id
        WHERE (p_artist IS NULL OR s.artist_id = p_artist) AND s.refunded_amount > 0
    ) AS x"""


def _rebuild_0048() -> str:
    """The rollup's rebuild as it stands before this revision: 0038's, with the counting
    rule 0048 gave it (a waitlist offer never accepted is no counted booking). Built from
    0038's alone it would count those offers again."""
    path = Path(__file__).with_name("0048_waitlist.py")
    spec = importlib.util.spec_from_file_location("analytics_0048", path)
    assert spec is not None
    assert spec.loader is not None
    module: ModuleType = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    both: str = module._analytics(module._COUNTED)
    start = both.index("CREATE OR REPLACE FUNCTION analytics_rebuild")
    return both[start : both.index("$$;", start) + 3]


def _rebuild() -> str:
    old = _rebuild_0048()
    assert old.count("\n    ) AS x") == 1, "0038's rebuild changed shape"
    return old.replace("\n    ) AS x", _STUDIO_ROWS)


def upgrade() -> None:
    op.execute(_UP)
    op.execute(_ANALYTICS)
    op.execute(_rebuild())


def downgrade() -> None:
    op.execute(_rebuild_0048())
    op.execute(_DOWN)
