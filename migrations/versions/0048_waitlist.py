"""The waitlist: customers' entries with their offers, the artists' settings, the reader's
position in the outbox; and which bookings are waitlist offers.

Additive only (safe while the previous release runs): a nullable column on bookings, and
new tables. The reader starts at the feed's tail: what was cancelled before the waitlist
existed had nobody waiting for it.

Analytics (docs/analytics.md, "Counted bookings"): a waitlist offer its customer never
accepted (``offer`` still ``offered`` on a booking no longer pending: declined, lapsed or
withdrawn) is no counted booking, as a hold that ran out is not. The rollup's per-booking
function and its rebuild take that rule (0037's and 0038's, the predicate changed); no row
needs rebuilding, since no booking was an offer before this revision. The rollup's update
trigger needs no new column: ``offer`` changes only while a booking is pending, which the
rollup leaves out before and after.

Revision ID: 0048_waitlist
Revises: 0047_aftercare_touch_ups
Create Date: 2026-11-28 10:00:00
"""

import importlib.util
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql as pg

revision: str = "0048_waitlist"
down_revision: str | None = "0047_aftercare_touch_ups"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_STATUSES = "'waiting', 'offered', 'accepted', 'declined', 'lapsed', 'withdrawn', 'left'"
# A booking counts in analytics unless pending, a hold that ran out, or an offer never
# accepted (0037's rule and this one).
_COUNTED = (
    "{b}.status <> 'pending' AND {b}.offer IS DISTINCT FROM 'offered' "
    "AND NOT ({b}.status = 'cancelled' AND {b}.cancellation_reason IS NOT DISTINCT FROM 'expired')"
)


def _migration(name: str) -> ModuleType:
    path = Path(__file__).with_name(f"{name}.py")
    spec = importlib.util.spec_from_file_location(f"waitlist_{name}", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _analytics(counted: str | None) -> str:
    """The rollup's per-booking function (0037's) and rebuild (0038's) as ``CREATE OR
    REPLACE``, counting by ``counted`` (None: as they were)."""
    first, second = _migration("0037_analytics"), _migration("0038_analytics_summaries")
    functions = first.FUNCTIONS
    start = functions.index("CREATE FUNCTION analytics_booking(")
    booking = functions[start : functions.index("$$;", start) + 3]
    both = booking.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION") + "\n"
    both += second._rebuild(functions)
    if counted is None:
        return str(both)
    old = first._COUNTED.format(b="b")
    assert both.count(old) == 2, "0037's or 0038's functions changed shape"
    return str(both.replace(old, counted.format(b="b")))


def upgrade() -> None:
    op.add_column("bookings", sa.Column("offer", sa.Text(), nullable=True))
    op.create_check_constraint("ck_bookings_offer", "bookings", "offer IN ('offered', 'accepted')")
    op.execute(_analytics(_COUNTED))
    op.create_table(
        "waitlist_entries",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("customer_id", sa.Uuid(), nullable=False),
        sa.Column("artist_id", sa.Uuid(), nullable=False),
        sa.Column("service_id", sa.Uuid(), nullable=False),
        sa.Column("first_date", sa.Date(), nullable=False),
        sa.Column("last_date", sa.Date(), nullable=False),
        sa.Column("window_start", sa.DateTime(timezone=True), nullable=False),
        sa.Column("window_end", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status", sa.Text(), nullable=False),
        sa.Column("joined_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("offer_booking_id", sa.Uuid(), nullable=True),
        sa.Column("offer_start", sa.DateTime(timezone=True), nullable=True),
        sa.Column("offer_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("offered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("freed_by", sa.Uuid(), nullable=True),
        sa.CheckConstraint(f"status IN ({_STATUSES})", name="ck_waitlist_entries_status"),
        sa.CheckConstraint(
            "first_date <= last_date AND window_start < window_end AND version >= 1",
            name="ck_waitlist_entries_dates",
        ),
        sa.CheckConstraint(
            "(offer_booking_id IS NULL) = (status IN ('waiting', 'left')) AND "
            "(offer_booking_id IS NULL) = (offered_at IS NULL)",
            name="ck_waitlist_entries_offer",
        ),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["users.id"],
            name="fk_waitlist_entries_customer_id_users", ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["artist_id"], ["artists.id"],
            name="fk_waitlist_entries_artist_id_artists", ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["service_id"], ["services.id"],
            name="fk_waitlist_entries_service_id_services", ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_waitlist_entries"),
        pg.ExcludeConstraint(
            ("customer_id", "="),
            ("service_id", "="),
            (sa.text("daterange(first_date, last_date, '[]')"), "&&"),
            where=sa.text("status IN ('waiting', 'offered')"),
            using="gist",
            name="ex_waitlist_entries_live_dates",
        ),
    )  # fmt: skip
    # By the window's end: entries whose dates are over stay 'waiting' (expiry is read, not
    # stored), and a freed time's search skips them by this range instead of walking them.
    op.create_index(
        "ix_waitlist_entries_waiting",
        "waitlist_entries",
        ["artist_id", "window_end"],
        postgresql_where=sa.text("status = 'waiting'"),
    )
    op.create_index(
        "ix_waitlist_entries_customer",
        "waitlist_entries",
        ["customer_id", sa.text("joined_at DESC"), sa.text("id DESC")],
    )
    op.create_index(
        "uq_waitlist_entries_offer_booking_id",
        "waitlist_entries",
        ["offer_booking_id"],
        unique=True,
        postgresql_where=sa.text("offer_booking_id IS NOT NULL"),
    )
    op.create_index(
        "ix_waitlist_entries_artist_offered", "waitlist_entries", ["artist_id", "offered_at"]
    )
    op.create_index("ix_waitlist_entries_service_id", "waitlist_entries", ["service_id"])
    op.create_table(
        "waitlist_settings",
        sa.Column("artist_id", sa.Uuid(), nullable=False),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("hold_minutes", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "hold_minutes BETWEEN 5 AND 1440", name="ck_waitlist_settings_hold_minutes"
        ),
        sa.ForeignKeyConstraint(
            ["artist_id"], ["artists.id"],
            name="fk_waitlist_settings_artist_id_artists", ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("artist_id", name="pk_waitlist_settings"),
    )  # fmt: skip
    op.create_table(
        "waitlist_feed_position",
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("after", sa.Text(), nullable=True),
        sa.Column(
            "updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("name", name="pk_waitlist_feed_position"),
    )  # fmt: skip
    op.execute(
        """
INSERT INTO waitlist_feed_position (name, after)
SELECT 'offers',
       (SELECT lpad(xid::text, 20, '0') || '-' || lpad(position::text, 20, '0')
          FROM outbox_events
         WHERE xid < pg_snapshot_xmin(pg_current_snapshot())
         ORDER BY xid DESC, position DESC LIMIT 1)
"""
    )


def downgrade() -> None:
    op.drop_table("waitlist_feed_position")
    op.drop_table("waitlist_settings")
    op.drop_index("ix_waitlist_entries_service_id", table_name="waitlist_entries")
    op.drop_index("ix_waitlist_entries_artist_offered", table_name="waitlist_entries")
    op.drop_index("uq_waitlist_entries_offer_booking_id", table_name="waitlist_entries")
    op.drop_index("ix_waitlist_entries_customer", table_name="waitlist_entries")
    op.drop_index("ix_waitlist_entries_waiting", table_name="waitlist_entries")
    op.drop_table("waitlist_entries")
    op.execute(_analytics(None))
    op.drop_constraint("ck_bookings_offer", "bookings", type_="check")
    op.drop_column("bookings", "offer")
