"""Webhooks: endpoints, their deliveries, and the dispatch position in the outbox's feed."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql as pg

from adapters.postgres.tables.base import ConstraintErrors, metadata, refers_to, timestamps

webhook_endpoints = sa.Table(
    "webhook_endpoints",
    metadata,
    sa.Column("id", sa.Uuid, primary_key=True),
    refers_to("owner_id", "users.id"),
    sa.Column("owner_is_admin", sa.Boolean, nullable=False),
    sa.Column("url", sa.Text, nullable=False),
    sa.Column("events", pg.ARRAY(sa.Text), nullable=False),
    sa.Column("secret", sa.Text, nullable=False),
    sa.Column("active", sa.Boolean, nullable=False),
    *timestamps(),
    sa.Index("ix_webhook_endpoints_owner_id_created_at", "owner_id", "created_at"),
    sa.Index("ix_webhook_endpoints_active", "active", postgresql_where=sa.text("active")),
)

webhook_deliveries = sa.Table(
    "webhook_deliveries",
    metadata,
    sa.Column("id", sa.Uuid, primary_key=True),  # uuid7: newest first is id order
    refers_to("endpoint_id", "webhook_endpoints.id"),
    sa.Column("event_id", sa.Uuid, nullable=False),
    sa.Column("event_type", sa.Text, nullable=False),
    sa.Column("subject", sa.Text, nullable=False),
    sa.Column("body", pg.JSONB, nullable=False),
    sa.Column("status", sa.Text, nullable=False),
    sa.Column("attempts", sa.Integer, nullable=False),
    sa.Column("last_status_code", sa.Integer),
    sa.Column("last_error", sa.Text),
    sa.Column("next_attempt_at", sa.DateTime(timezone=True)),
    *timestamps(),
    sa.UniqueConstraint("endpoint_id", "event_id"),
    sa.CheckConstraint("status IN ('pending', 'delivered', 'failed', 'skipped')", name="status"),
    sa.Index("ix_webhook_deliveries_endpoint_id_id", "endpoint_id", sa.text("id DESC")),
)

webhook_dispatch = sa.Table(
    "webhook_dispatch",
    metadata,
    sa.Column("name", sa.Text, primary_key=True),  # one row, 'webhooks' (migration 0006)
    sa.Column("after", sa.Text),  # the feed cursor of the last event dispatched
    sa.Column(
        "updated_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.text("now()")
    ),
)


# What a violation of each unique or exclusion constraint above means (``base.ConstraintErrors``).
CONSTRAINT_ERRORS: ConstraintErrors = {
    "uq_webhook_deliveries_endpoint_id_event_id": None,  # planned under the dispatch's lock
}
