"""Analytics: coarser summaries for the platform's questions, folded by the worker.

The rollup's upsert (``analytics_bump``) now also marks its row ``changed`` in the same
statement: the booking's write path gains no statement. The worker's periodic task calls
``analytics_fold()``, which takes the changed rows (clearing their mark), and adds each
one's difference from its folded copy (``analytics_days_folded``, with the city it was
folded under) into ``analytics_city_days`` (city x local date x currency), ``analytics_artist_months``
(artist x month x currency) and ``analytics_artist_years`` (artist x year x currency). A read adds the still-changed
rows' differences to the summaries, so it is exact at every commit.

An artist's move to another city marks their rows changed; a move to another time zone
rebuilds their rows in place (zeroed, then summed again, all marked changed) instead of
deleting them; a rollup row deleted (its artist deleted) takes its folded copy out of the
summaries at once.

Revision ID: 0038_analytics_summaries
Revises: 0037_analytics
Create Date: 2026-11-26 13:00:00
"""

import importlib.util
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

import sqlalchemy as sa
from alembic import op

revision: str = "0038_analytics_summaries"
down_revision: str | None = "0037_analytics"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SUMS = (
    "bookings", "booked_seconds", "cancelled", "no_shows", "lead_seconds",
    "deposits_paid", "balances_paid", "refunded", "awaiting_settlement",
)  # fmt: skip
_COLUMNS = ", ".join(SUMS)
_ADD = ", ".join(f"{c} = s.{c} + excluded.{c}" for c in SUMS)
_SET = ", ".join(f"{c} = excluded.{c}" for c in SUMS)
_ZERO = ", ".join(f"{c} = 0" for c in SUMS)
_SUMMED = ", ".join(f"sum({c})" for c in SUMS)
_OF_T = ", ".join(f"t.{c}" for c in SUMS)
_MINUS_F = ", ".join(f"-f.{c}" for c in SUMS)


def _previous() -> ModuleType:
    """Migration 0037, whose functions this one replaces (and its downgrade restores)."""
    path = Path(__file__).with_name("0037_analytics.py")
    spec = importlib.util.spec_from_file_location("analytics_0037", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _bump(changed: bool) -> str:
    mark = ", changed = true" if changed else ""
    column = ", changed" if changed else ""
    value = ", true" if changed else ""
    add = ", ".join(f"{c} = d.{c} + excluded.{c}" for c in SUMS)
    return f"""
CREATE OR REPLACE FUNCTION analytics_bump(
    p_artist uuid, p_at timestamptz, p_currency text, p_bookings bigint, p_booked bigint,
    p_cancelled bigint, p_no_shows bigint, p_lead bigint, p_deposits bigint,
    p_balances bigint, p_refunded bigint, p_awaiting bigint
) RETURNS void LANGUAGE sql AS $$
    INSERT INTO analytics_days AS d (artist_id, day, currency, {_COLUMNS}{column})
    SELECT p_artist, analytics_local_day(p_at, a.time_zone), p_currency, p_bookings, p_booked,
           p_cancelled, p_no_shows, p_lead, p_deposits, p_balances, p_refunded, p_awaiting
           {value}
    FROM artists a WHERE a.id = p_artist
    ON CONFLICT (artist_id, day, currency) DO UPDATE SET {add}{mark}
$$;
"""


def _rebuild(previous: str) -> str:
    """0037's rebuild, but in place: the artist's rows zeroed, then set to their sums, all
    marked changed (a deleted row would leave its folded copy in the summaries)."""
    start = previous.index("CREATE FUNCTION analytics_rebuild")
    end = previous.index("$$;", start) + 3
    old = previous[start:end]
    new = old.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION").replace(
        "DELETE FROM analytics_days WHERE",
        f"UPDATE analytics_days SET {_ZERO}, changed = true WHERE",
    )
    new = new.replace(
        f"INSERT INTO analytics_days (artist_id, day, currency, {_COLUMNS})\n"
        f"    SELECT artist_id, day, currency, {_SUMMED} FROM (",
        f"INSERT INTO analytics_days AS d (artist_id, day, currency, changed, {_COLUMNS})\n"
        f"    SELECT artist_id, day, currency, true, {_SUMMED} FROM (",
    )
    tail = "    GROUP BY artist_id, day, currency\n$$;"
    assert new.endswith(tail), "0037's rebuild changed shape"
    set_ = ", ".join(f"{c} = excluded.{c}" for c in SUMS)
    return new[: -len("\n$$;")] + (
        f"\n    ON CONFLICT (artist_id, day, currency) DO UPDATE SET {set_}, changed = true\n$$;"
    )


FOLD = f"""
CREATE FUNCTION analytics_fold() RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    folded bigint;
BEGIN
    -- One fold at a time: the next one's statement then sees this one's folded copies.
    PERFORM pg_advisory_xact_lock(hashtext('analytics_fold'));
    WITH taken AS (
        UPDATE analytics_days d SET changed = false WHERE d.changed
        RETURNING d.artist_id, d.day, d.currency, {", ".join(f"d.{c}" for c in SUMS)}
    ), placed AS (
        SELECT t.*, coalesce(a.city, '') AS city FROM taken t
        LEFT JOIN artists a ON a.id = t.artist_id
    ), diff AS (
        SELECT t.artist_id, t.day, t.currency, t.city, {_OF_T} FROM placed t
        UNION ALL
        SELECT f.artist_id, f.day, f.currency, f.city, {_MINUS_F}
        FROM analytics_days_folded f JOIN taken t USING (artist_id, day, currency)
    ), cities AS (
        INSERT INTO analytics_city_days AS s (city, day, currency, {_COLUMNS})
        SELECT city, day, currency, {_SUMMED} FROM diff GROUP BY city, day, currency
        ON CONFLICT (city, day, currency) DO UPDATE SET {_ADD}
    ), months AS (
        INSERT INTO analytics_artist_months AS s (artist_id, month, currency, {_COLUMNS})
        SELECT artist_id, date_trunc('month', day)::date, currency, {_SUMMED} FROM diff
        GROUP BY artist_id, date_trunc('month', day)::date, currency
        ON CONFLICT (artist_id, month, currency) DO UPDATE SET {_ADD}
    ), years AS (
        INSERT INTO analytics_artist_years AS s (artist_id, year, currency, {_COLUMNS})
        SELECT artist_id, date_trunc('year', day)::date, currency, {_SUMMED} FROM diff
        GROUP BY artist_id, date_trunc('year', day)::date, currency
        ON CONFLICT (artist_id, year, currency) DO UPDATE SET {_ADD}
    ), copies AS (
        INSERT INTO analytics_days_folded AS s (artist_id, day, currency, city, {_COLUMNS})
        SELECT artist_id, day, currency, city, {_COLUMNS} FROM placed
        ON CONFLICT (artist_id, day, currency) DO UPDATE SET city = excluded.city, {_SET}
    )
    SELECT count(*) INTO folded FROM taken;
    RETURN folded;
END
$$;

CREATE FUNCTION analytics_day_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    WITH gone AS (
        DELETE FROM analytics_days_folded f
        WHERE f.artist_id = OLD.artist_id AND f.day = OLD.day AND f.currency = OLD.currency
        RETURNING f.*
    ), cities AS (
        INSERT INTO analytics_city_days AS s (city, day, currency, {_COLUMNS})
        SELECT city, day, currency, {", ".join(f"-{c}" for c in SUMS)} FROM gone
        ON CONFLICT (city, day, currency) DO UPDATE SET {_ADD}
    ), years AS (
        INSERT INTO analytics_artist_years AS s (artist_id, year, currency, {_COLUMNS})
        SELECT artist_id, date_trunc('year', day)::date, currency,
               {", ".join(f"-{c}" for c in SUMS)} FROM gone
        ON CONFLICT (artist_id, year, currency) DO UPDATE SET {_ADD}
    )
    INSERT INTO analytics_artist_months AS s (artist_id, month, currency, {_COLUMNS})
    SELECT artist_id, date_trunc('month', day)::date, currency,
           {", ".join(f"-{c}" for c in SUMS)} FROM gone
    ON CONFLICT (artist_id, month, currency) DO UPDATE SET {_ADD};
    RETURN NULL;
END
$$;

CREATE FUNCTION analytics_artist_relocated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE analytics_days SET changed = true WHERE artist_id = NEW.id AND NOT changed;
    RETURN NULL;
END
$$;

CREATE TRIGGER analytics_day_deleted AFTER DELETE ON analytics_days
    FOR EACH ROW EXECUTE FUNCTION analytics_day_deleted();
CREATE TRIGGER analytics_artist_relocated AFTER UPDATE OF city ON artists
    FOR EACH ROW WHEN (OLD.city IS DISTINCT FROM NEW.city)
    EXECUTE FUNCTION analytics_artist_relocated();
"""

DROP = """
DROP TRIGGER IF EXISTS analytics_artist_relocated ON artists;
DROP TRIGGER IF EXISTS analytics_day_deleted ON analytics_days;
DROP FUNCTION IF EXISTS analytics_artist_relocated();
DROP FUNCTION IF EXISTS analytics_day_deleted();
DROP FUNCTION IF EXISTS analytics_fold();
"""

# The first fold, done here: every row's copy, and the summaries of them.
BACKFILL = f"""
INSERT INTO analytics_days_folded (artist_id, day, currency, city, {_COLUMNS})
SELECT d.artist_id, d.day, d.currency, coalesce(a.city, ''), {", ".join(f"d.{c}" for c in SUMS)}
FROM analytics_days d JOIN artists a ON a.id = d.artist_id;
INSERT INTO analytics_city_days (city, day, currency, {_COLUMNS})
SELECT city, day, currency, {_SUMMED} FROM analytics_days_folded GROUP BY city, day, currency;
INSERT INTO analytics_artist_months (artist_id, month, currency, {_COLUMNS})
SELECT artist_id, date_trunc('month', day)::date, currency, {_SUMMED}
FROM analytics_days_folded GROUP BY artist_id, date_trunc('month', day)::date, currency;
INSERT INTO analytics_artist_years (artist_id, year, currency, {_COLUMNS})
SELECT artist_id, date_trunc('year', day)::date, currency, {_SUMMED}
FROM analytics_days_folded GROUP BY artist_id, date_trunc('year', day)::date, currency;
"""


def _sum(name: str) -> sa.Column[int]:
    return sa.Column(name, sa.BigInteger(), server_default=sa.text("0"), nullable=False)


def upgrade() -> None:
    op.add_column(
        "analytics_days",
        sa.Column("changed", sa.Boolean(), server_default=sa.text("false"), nullable=False),
    )
    op.create_index(
        "ix_analytics_days_changed",
        "analytics_days",
        ["day"],
        postgresql_where=sa.text("changed"),
    )
    op.create_table(
        "analytics_days_folded",
        sa.Column("artist_id", sa.Uuid(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("currency", sa.Text(), nullable=False),
        sa.Column("city", sa.Text(), nullable=False),
        *(_sum(c) for c in SUMS),
        sa.PrimaryKeyConstraint("artist_id", "day", "currency", name="pk_analytics_days_folded"),
    )
    op.create_table(
        "analytics_city_days",
        sa.Column("city", sa.Text(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("currency", sa.Text(), nullable=False),
        *(_sum(c) for c in SUMS),
        sa.PrimaryKeyConstraint("city", "day", "currency", name="pk_analytics_city_days"),
    )
    op.create_index("ix_analytics_city_days_day", "analytics_city_days", ["day"])
    op.create_table(
        "analytics_artist_months",
        sa.Column("artist_id", sa.Uuid(), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("currency", sa.Text(), nullable=False),
        *(_sum(c) for c in SUMS),
        sa.PrimaryKeyConstraint(
            "artist_id", "month", "currency", name="pk_analytics_artist_months"
        ),
    )
    op.create_index("ix_analytics_artist_months_month", "analytics_artist_months", ["month"])
    op.create_table(
        "analytics_artist_years",
        sa.Column("artist_id", sa.Uuid(), nullable=False),
        sa.Column("year", sa.Date(), nullable=False),
        sa.Column("currency", sa.Text(), nullable=False),
        *(_sum(c) for c in SUMS),
        sa.PrimaryKeyConstraint("artist_id", "year", "currency", name="pk_analytics_artist_years"),
    )
    op.create_index("ix_analytics_artist_years_year", "analytics_artist_years", ["year"])
    previous = _previous().FUNCTIONS
    op.execute(_bump(changed=True))
    op.execute(_rebuild(previous))
    op.execute(FOLD)
    op.execute(BACKFILL)


def downgrade() -> None:
    previous = _previous().FUNCTIONS
    op.execute(DROP)
    op.execute(_bump(changed=False))
    start = previous.index("CREATE FUNCTION analytics_rebuild")
    end = previous.index("$$;", start) + 3
    op.execute(previous[start:end].replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION"))
    op.drop_table("analytics_artist_years")
    op.drop_table("analytics_artist_months")
    op.drop_table("analytics_city_days")
    op.drop_table("analytics_days_folded")
    op.drop_index("ix_analytics_days_changed", table_name="analytics_days")
    op.drop_column("analytics_days", "changed")
