"""The audit trail (``booking_domain.shared.audit``): append-only, guarded by triggers that
refuse UPDATE, DELETE and TRUNCATE (migration 0020)."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql as pg

from adapters.postgres.tables.base import metadata

audit_log = sa.Table(
    "audit_log",
    metadata,
    sa.Column("id", sa.Uuid, primary_key=True),  # uuid7 of `at`: the list's order and cursor
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("actor_id", sa.Uuid),  # no foreign key: the trail outlives what it names
    sa.Column("actor_role", sa.Text),
    # Byte order, so that a kind's prefix ('booking.') is a range of the index.
    sa.Column("action", sa.Text(collation="C"), nullable=False),
    sa.Column("target", sa.Text(collation="C"), nullable=False),
    sa.Column("before", pg.JSONB),
    sa.Column("after", pg.JSONB),
    sa.Column("request_id", sa.Text),
    sa.Index("ix_audit_log_target_id", "target", "id"),
    sa.Index("ix_audit_log_action_id", "action", "id"),
    sa.Index(
        "ix_audit_log_actor_id_id",
        "actor_id",
        "id",
        postgresql_where=sa.text("actor_id IS NOT NULL"),
    ),
    sa.Index(
        "ix_audit_log_request_id", "request_id", postgresql_where=sa.text("request_id IS NOT NULL")
    ),
)
