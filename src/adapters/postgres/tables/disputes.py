"""Disputes: one per booking (``bookings.dispute_id`` points back), and their evidence."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql as pg

from adapters.postgres.tables.base import ConstraintErrors, metadata, refers_to
from booking_domain.disputes import DisputeAlreadyExistsError

disputes = sa.Table(
    "disputes",
    metadata,
    sa.Column("id", sa.Uuid, primary_key=True),  # uuid7
    refers_to("booking_id", "bookings.id", ondelete="RESTRICT", unique=True),
    refers_to("opened_by", "users.id", ondelete="RESTRICT"),
    sa.Column("opened_by_role", sa.Text, nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("opened_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("status", sa.Text, nullable=False),
    refers_to("resolved_by", "users.id", ondelete="RESTRICT", nullable=True),
    sa.Column("resolved_at", sa.DateTime(timezone=True)),
    sa.Column("resolution_note", sa.Text),
    sa.Column("refund_amount", sa.BigInteger),
    sa.Column("refund_currency", sa.Text),
    sa.Column("outcome", sa.Text),
    sa.CheckConstraint("status IN ('open', 'resolved')", name="status"),
    sa.CheckConstraint("opened_by_role IN ('customer', 'artist')", name="opened_by_role"),
    sa.CheckConstraint(
        "(status = 'open') = (resolved_at IS NULL) AND refund_amount >= 0", name="resolution"
    ),
    # The admins' list: newest first, all or by status.
    sa.Index("ix_disputes_opened", sa.text("opened_at DESC"), sa.text("id DESC")),
    sa.Index("ix_disputes_status_opened", "status", sa.text("opened_at DESC"), sa.text("id DESC")),
)

dispute_messages = sa.Table(
    "dispute_messages",
    metadata,
    sa.Column("id", sa.Uuid, primary_key=True),  # uuid7
    refers_to("dispute_id", "disputes.id"),
    refers_to("author_id", "users.id", ondelete="RESTRICT"),
    sa.Column("author_role", sa.Text, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    refers_to("upload_id", "uploads.id", ondelete=None, unique=True, nullable=True),
    sa.Column("images", pg.JSONB, nullable=False, server_default=sa.text("'[]'::jsonb")),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Index("ix_dispute_messages_dispute_id", "dispute_id", "created_at", "id"),
)


# Where the chargebacks' follower is in the outbox's feed (one row, made at its first move).
dispute_feed_position = sa.Table(
    "dispute_feed_position",
    metadata,
    sa.Column("name", sa.Text, primary_key=True),
    sa.Column("after", sa.Text),
    sa.Column(
        "updated_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()
    ),
)

# What a violation of each unique or exclusion constraint above means (``base.ConstraintErrors``).
CONSTRAINT_ERRORS: ConstraintErrors = {
    "uq_disputes_booking_id": DisputeAlreadyExistsError,  # two first disputes at once
    "uq_dispute_messages_upload_id": None,  # the upload is locked and marked used first
}
