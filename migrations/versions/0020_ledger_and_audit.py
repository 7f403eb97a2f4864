"""The admin lists' indexes: each filter the lists offer with their order after it, so a page
is an index range, its ids an index-only scan however deep the offset, and the total an
index-only count (``docs/performance.md``, admin lists). The ledger reads deposits and
refunds newest first through them. The audit trail is an append-only table that refuses
UPDATE, DELETE and TRUNCATE (a trigger, so it holds for the table's owner too, which the
API's role is).

Revision ID: 0020_ledger_and_audit
Revises: 0019_users_search
Create Date: 2026-11-23 19:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0020_ledger_and_audit"
down_revision: str | None = "0019_users_search"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_REFUSE = """
CREATE FUNCTION inkslot_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$
"""


_FOLDED_CITY = "(inkslot_fold(COALESCE(city, ''::text)))"


def upgrade() -> None:
    # Accounts' folded text (migration 0019 indexed the expression) becomes a stored column:
    # a text search with thousands of matches rechecks each row, and folding costs tens of
    # microseconds a call where reading a column costs nothing.
    op.execute("DROP INDEX ix_users_search")
    op.execute(
        "ALTER TABLE users ADD COLUMN folded text"
        " GENERATED ALWAYS AS (inkslot_fold(name || ' ' || email)) STORED"
    )
    op.execute("CREATE INDEX ix_users_folded ON users USING gin (folded gin_trgm_ops)")
    op.create_index("ix_users_created_at_id", "users", ["created_at", "id"])
    op.create_index(
        "ix_users_role_created_at_id",
        "users",
        ["role", "created_at", "id"],
        postgresql_include=["locked_until", "disabled"],
    )
    op.create_index("ix_artists_created_at_id", "artists", ["created_at", "id"])
    op.create_index(
        "ix_artists_status_created_at_id",
        "artists",
        ["status", "created_at", "id"],
        postgresql_include=["suspended"],
    )
    # The city column is included so that the planner can read the folded city from the
    # index alone (it does not match an expression to an index-only scan otherwise).
    op.execute(
        "CREATE INDEX ix_artists_city_folded ON artists"
        f" ({_FOLDED_CITY}, created_at, id) INCLUDE (city, status, suspended)"
    )
    op.create_index(
        "ix_bookings_status_starts_at_id",
        "bookings",
        ["status", "starts_at", "id"],
        postgresql_include=["payment_status"],
    )
    op.create_index(
        "ix_bookings_payment_status_starts_at_id",
        "bookings",
        ["payment_status", "starts_at", "id"],
        postgresql_include=["status"],
    )
    op.create_index(
        "ix_bookings_artist_id_starts_at_id", "bookings", ["artist_id", "starts_at", "id"]
    )
    op.create_index("ix_payment_invoices_created_at_id", "payment_invoices", ["created_at", "id"])
    op.create_index(
        "ix_payment_invoices_status_created_at_id",
        "payment_invoices",
        ["status", "created_at", "id"],
    )
    op.create_index("ix_refunds_created_at_id", "refunds", ["created_at", "id"])
    # Replaces the partial index of manual refunds (status = 'manual' is a range of this).
    op.create_index("ix_refunds_status_created_at_id", "refunds", ["status", "created_at", "id"])
    op.drop_index("ix_refunds_created_at_id_manual", table_name="refunds")
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor_id", sa.Uuid(), nullable=True),
        sa.Column("actor_role", sa.Text(), nullable=True),
        sa.Column("action", sa.Text(collation="C"), nullable=False),
        sa.Column("target", sa.Text(collation="C"), nullable=False),
        sa.Column("before", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.Column("after", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.Column("request_id", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_audit_log"),
    )
    op.create_index("ix_audit_log_target_id", "audit_log", ["target", "id"])
    op.create_index("ix_audit_log_action_id", "audit_log", ["action", "id"])
    op.create_index(
        "ix_audit_log_actor_id_id",
        "audit_log",
        ["actor_id", "id"],
        postgresql_where=sa.text("actor_id IS NOT NULL"),
    )
    op.create_index(
        "ix_audit_log_request_id",
        "audit_log",
        ["request_id"],
        postgresql_where=sa.text("request_id IS NOT NULL"),
    )
    op.execute(_REFUSE)
    op.execute(
        "CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log"
        " FOR EACH ROW EXECUTE FUNCTION inkslot_audit_append_only()"
    )
    op.execute(
        "CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log"
        " FOR EACH STATEMENT EXECUTE FUNCTION inkslot_audit_append_only()"
    )


def downgrade() -> None:
    op.drop_table("audit_log")
    op.execute("DROP FUNCTION inkslot_audit_append_only()")
    op.create_index(
        "ix_refunds_created_at_id_manual",
        "refunds",
        ["created_at", "id"],
        postgresql_where=sa.text("status = 'manual'"),
    )
    for table, index in (
        ("refunds", "ix_refunds_status_created_at_id"),
        ("refunds", "ix_refunds_created_at_id"),
        ("payment_invoices", "ix_payment_invoices_status_created_at_id"),
        ("payment_invoices", "ix_payment_invoices_created_at_id"),
        ("bookings", "ix_bookings_artist_id_starts_at_id"),
        ("bookings", "ix_bookings_payment_status_starts_at_id"),
        ("bookings", "ix_bookings_status_starts_at_id"),
        ("artists", "ix_artists_city_folded"),
        ("artists", "ix_artists_status_created_at_id"),
        ("artists", "ix_artists_created_at_id"),
        ("users", "ix_users_role_created_at_id"),
        ("users", "ix_users_created_at_id"),
        ("users", "ix_users_folded"),
    ):
        op.drop_index(index, table_name=table)
    op.execute("ALTER TABLE users DROP COLUMN folded")
    op.execute(
        "CREATE INDEX ix_users_search ON users"
        " USING gin ((inkslot_fold(name || ' ' || email)) gin_trgm_ops)"
    )
