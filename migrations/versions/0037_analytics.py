"""Analytics: the daily rollup ``analytics_days`` (one row per artist, local date in the
artist's zone, and currency) and the triggers that keep it.

Every change of a counted booking, a received payment or a refund takes its old
contribution out and puts its new one in (an upsert of one small row each); a booking
created pending (the usual way) costs nothing but the trigger's WHEN test. An artist's
change of time zone rebuilds their rows. ``analytics_rebuild(NULL)`` rebuilds every row
from the raw tables (this migration's backfill; the benchmark's after a bulk seed).

The invoice's kind is read as ``to_jsonb(invoice) ->> 'kind'``: 'balance' counts as a
balance, anything else (or no such column) as a deposit, so these functions need no change
when invoices gain kinds. docs/analytics.md says what counts and why.

Revision ID: 0037_analytics
Revises: 0036_booking_links
Create Date: 2026-11-26 12:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0037_analytics"
down_revision: str | None = "0036_booking_links"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SUMS = (
    "bookings", "booked_seconds", "cancelled", "no_shows", "lead_seconds",
    "deposits_paid", "balances_paid", "refunded", "awaiting_settlement",
)  # fmt: skip
_COLUMNS = ", ".join(SUMS)
_ADD = ", ".join(f"{c} = d.{c} + excluded.{c}" for c in SUMS)
_SUMMED = ", ".join(f"sum({c})" for c in SUMS)

# A booking counts unless pending or a hold that ran out; it sits on its local start date.
_COUNTED = (
    "{b}.status <> 'pending' AND NOT ({b}.status = 'cancelled' "
    "AND {b}.cancellation_reason IS NOT DISTINCT FROM 'expired')"
)
_BOOKING_FIGURES = (
    "1::bigint AS bookings, CASE WHEN {b}.status IN ('confirmed', 'completed') "
    "THEN floor(extract(epoch FROM {b}.ends_at - {b}.starts_at))::bigint ELSE 0 END "
    "AS booked_seconds, ({b}.status = 'cancelled')::int AS cancelled, "
    "({b}.status = 'no_show')::int AS no_shows, "
    "floor(extract(epoch FROM {b}.starts_at - {b}.created_at))::bigint AS lead_seconds"
)
_KIND = "(to_jsonb({i}) ->> 'kind')"

FUNCTIONS = f"""
-- The local date of an instant in a zone. A zone this server's time zone database lacks
-- (the application checks zones against Python's, which may be newer) must not make a
-- booking's write fail: its date is then read in UTC. The block holds no write, so its
-- savepoint costs no transaction id.
CREATE FUNCTION analytics_local_day(p_at timestamptz, p_zone text) RETURNS date
LANGUAGE plpgsql STABLE AS $$
BEGIN
    RETURN (p_at AT TIME ZONE p_zone)::date;
EXCEPTION WHEN invalid_parameter_value THEN
    RETURN (p_at AT TIME ZONE 'UTC')::date;
END
$$;

CREATE FUNCTION analytics_bump(
    p_artist uuid, p_at timestamptz, p_currency text, p_bookings bigint, p_booked bigint,
    p_cancelled bigint, p_no_shows bigint, p_lead bigint, p_deposits bigint,
    p_balances bigint, p_refunded bigint, p_awaiting bigint
) RETURNS void LANGUAGE sql AS $$
    INSERT INTO analytics_days AS d (artist_id, day, currency, {_COLUMNS})
    SELECT p_artist, analytics_local_day(p_at, a.time_zone), p_currency, p_bookings, p_booked,
           p_cancelled, p_no_shows, p_lead, p_deposits, p_balances, p_refunded, p_awaiting
    FROM artists a WHERE a.id = p_artist
    ON CONFLICT (artist_id, day, currency) DO UPDATE SET {_ADD}
$$;

CREATE FUNCTION analytics_booking(b bookings, sign int) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF {_COUNTED.format(b="b")} THEN
        PERFORM analytics_bump(
            b.artist_id, b.starts_at, b.currency, sign,
            sign * CASE WHEN b.status IN ('confirmed', 'completed')
                THEN floor(extract(epoch FROM b.ends_at - b.starts_at))::bigint ELSE 0 END,
            sign * (b.status = 'cancelled')::int, sign * (b.status = 'no_show')::int,
            sign * floor(extract(epoch FROM b.starts_at - b.created_at))::bigint, 0, 0, 0, 0);
    END IF;
END
$$;

CREATE FUNCTION analytics_payment(p received_payments, sign int) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    artist uuid;
    kind text;
BEGIN
    SELECT b.artist_id INTO artist FROM bookings b WHERE b.id = p.booking_id;
    SELECT {_KIND.format(i="i")} INTO kind
    FROM payment_invoices i WHERE i.provider_invoice_id = p.provider_invoice_id;
    IF kind IS NOT DISTINCT FROM 'balance' THEN
        PERFORM analytics_bump(artist, p.processed_at, p.currency, 0, 0, 0, 0, 0,
                               0, sign * p.amount, 0, 0);
    ELSE
        PERFORM analytics_bump(artist, p.processed_at, p.currency, 0, 0, 0, 0, 0,
                               sign * p.amount, 0, 0, 0);
    END IF;
END
$$;

CREATE FUNCTION analytics_refund(r refunds, sign int) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    artist uuid;
BEGIN
    SELECT b.artist_id INTO artist FROM bookings b WHERE b.id = r.booking_id;
    IF r.status IN ('refunded', 'settled') THEN
        PERFORM analytics_bump(artist, coalesce(r.settled_at, r.updated_at), r.currency,
                               0, 0, 0, 0, 0, 0, 0, sign * r.amount, 0);
    ELSE
        PERFORM analytics_bump(artist, r.created_at, r.currency,
                               0, 0, 0, 0, 0, 0, 0, 0, sign * r.amount);
    END IF;
END
$$;

CREATE FUNCTION analytics_bookings_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN PERFORM analytics_booking(OLD, -1); END IF;
    IF TG_OP <> 'DELETE' THEN PERFORM analytics_booking(NEW, 1); END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION analytics_payments_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN PERFORM analytics_payment(OLD, -1); END IF;
    IF TG_OP <> 'DELETE' THEN PERFORM analytics_payment(NEW, 1); END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION analytics_refunds_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN PERFORM analytics_refund(OLD, -1); END IF;
    IF TG_OP <> 'DELETE' THEN PERFORM analytics_refund(NEW, 1); END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION analytics_rebuild(p_artist uuid) RETURNS void LANGUAGE sql AS $$
    DELETE FROM analytics_days WHERE p_artist IS NULL OR artist_id = p_artist;
    INSERT INTO analytics_days (artist_id, day, currency, {_COLUMNS})
    SELECT artist_id, day, currency, {_SUMMED} FROM (
        SELECT b.artist_id, analytics_local_day(b.starts_at, a.time_zone) AS day, b.currency,
               {_BOOKING_FIGURES.format(b="b")}, 0::bigint AS deposits_paid,
               0::bigint AS balances_paid, 0::bigint AS refunded,
               0::bigint AS awaiting_settlement
        FROM bookings b JOIN artists a ON a.id = b.artist_id
        WHERE (p_artist IS NULL OR b.artist_id = p_artist) AND {_COUNTED.format(b="b")}
        UNION ALL
        SELECT b.artist_id, analytics_local_day(p.processed_at, a.time_zone), p.currency,
               0, 0, 0, 0, 0,
               CASE WHEN {_KIND.format(i="i")} IS NOT DISTINCT FROM 'balance'
                    THEN 0 ELSE p.amount END,
               CASE WHEN {_KIND.format(i="i")} IS NOT DISTINCT FROM 'balance'
                    THEN p.amount ELSE 0 END, 0, 0
        FROM received_payments p JOIN bookings b ON b.id = p.booking_id
        JOIN artists a ON a.id = b.artist_id
        LEFT JOIN payment_invoices i ON i.provider_invoice_id = p.provider_invoice_id
        WHERE p_artist IS NULL OR b.artist_id = p_artist
        UNION ALL
        SELECT b.artist_id,
               analytics_local_day(
                   CASE WHEN r.status IN ('refunded', 'settled')
                        THEN coalesce(r.settled_at, r.updated_at) ELSE r.created_at END,
                   a.time_zone),
               r.currency, 0, 0, 0, 0, 0, 0, 0,
               CASE WHEN r.status IN ('refunded', 'settled') THEN r.amount ELSE 0 END,
               CASE WHEN r.status IN ('refunded', 'settled') THEN 0 ELSE r.amount END
        FROM refunds r JOIN bookings b ON b.id = r.booking_id
        JOIN artists a ON a.id = b.artist_id
        WHERE p_artist IS NULL OR b.artist_id = p_artist
    ) AS x
    GROUP BY artist_id, day, currency
$$;

CREATE FUNCTION analytics_artist_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM analytics_rebuild(NEW.id);
    RETURN NULL;
END
$$;
"""

TRIGGERS = """
CREATE TRIGGER analytics_bookings_inserted AFTER INSERT ON bookings
    FOR EACH ROW WHEN (NEW.status <> 'pending') EXECUTE FUNCTION analytics_bookings_changed();
CREATE TRIGGER analytics_bookings_updated
    AFTER UPDATE OF status, starts_at, ends_at, cancellation_reason, currency, artist_id
    ON bookings FOR EACH ROW WHEN (OLD.status <> 'pending' OR NEW.status <> 'pending')
    EXECUTE FUNCTION analytics_bookings_changed();
CREATE TRIGGER analytics_bookings_deleted AFTER DELETE ON bookings
    FOR EACH ROW WHEN (OLD.status <> 'pending') EXECUTE FUNCTION analytics_bookings_changed();
CREATE TRIGGER analytics_payments_changed AFTER INSERT OR UPDATE OR DELETE
    ON received_payments FOR EACH ROW EXECUTE FUNCTION analytics_payments_changed();
CREATE TRIGGER analytics_refunds_changed AFTER INSERT OR UPDATE OR DELETE
    ON refunds FOR EACH ROW EXECUTE FUNCTION analytics_refunds_changed();
CREATE TRIGGER analytics_artist_moved AFTER UPDATE OF time_zone ON artists
    FOR EACH ROW WHEN (OLD.time_zone IS DISTINCT FROM NEW.time_zone)
    EXECUTE FUNCTION analytics_artist_moved();
"""

DROP = """
DROP TRIGGER IF EXISTS analytics_artist_moved ON artists;
DROP TRIGGER IF EXISTS analytics_refunds_changed ON refunds;
DROP TRIGGER IF EXISTS analytics_payments_changed ON received_payments;
DROP TRIGGER IF EXISTS analytics_bookings_deleted ON bookings;
DROP TRIGGER IF EXISTS analytics_bookings_updated ON bookings;
DROP TRIGGER IF EXISTS analytics_bookings_inserted ON bookings;
DROP FUNCTION IF EXISTS analytics_artist_moved();
DROP FUNCTION IF EXISTS analytics_rebuild(uuid);
DROP FUNCTION IF EXISTS analytics_refunds_changed();
DROP FUNCTION IF EXISTS analytics_payments_changed();
DROP FUNCTION IF EXISTS analytics_bookings_changed();
DROP FUNCTION IF EXISTS analytics_refund(refunds, int);
DROP FUNCTION IF EXISTS analytics_payment(received_payments, int);
DROP FUNCTION IF EXISTS analytics_booking(bookings, int);
DROP FUNCTION IF EXISTS analytics_bump(uuid, timestamptz, text, bigint, bigint, bigint, bigint,
                                       bigint, bigint, bigint, bigint, bigint);
DROP FUNCTION IF EXISTS analytics_local_day(timestamptz, text);
"""


def _sum(name: str) -> sa.Column[int]:
    return sa.Column(name, sa.BigInteger(), server_default=sa.text("0"), nullable=False)


def upgrade() -> None:
    op.create_table(
        "analytics_days",
        sa.Column("artist_id", sa.Uuid(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("currency", sa.Text(), nullable=False),
        *(_sum(c) for c in SUMS),
        sa.ForeignKeyConstraint(
            ["artist_id"],
            ["artists.id"],
            name="fk_analytics_days_artist_id_artists",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("artist_id", "day", "currency", name="pk_analytics_days"),
    )
    op.create_index("ix_analytics_days_day", "analytics_days", ["day"])
    op.execute(FUNCTIONS)
    op.execute(TRIGGERS)
    op.execute("SELECT analytics_rebuild(NULL)")


def downgrade() -> None:
    op.execute(DROP)
    op.drop_index("ix_analytics_days_day", table_name="analytics_days")
    op.drop_table("analytics_days")
