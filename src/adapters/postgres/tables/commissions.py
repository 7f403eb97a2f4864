"""Commissions: tattoo requests, their reference pictures and their threads."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql as pg

from adapters.postgres.tables.base import ConstraintErrors, metadata, refers_to

tattoo_requests = sa.Table(
    "tattoo_requests",
    metadata,
    sa.Column("id", sa.Uuid, primary_key=True),  # uuid7
    refers_to("customer_id", "users.id", ondelete="RESTRICT"),
    refers_to("artist_id", "artists.id", ondelete="RESTRICT"),
    refers_to("artist_user_id", "users.id", ondelete="RESTRICT"),
    sa.Column("idea", sa.Text, nullable=False),
    sa.Column("body_area", sa.Text, nullable=False),
    sa.Column("placement_text", sa.Text, nullable=False),
    sa.Column("size_cm", sa.Integer, nullable=False),
    sa.Column("colour", sa.Text, nullable=False),
    sa.Column("budget_min", sa.BigInteger, nullable=False),
    sa.Column("budget_max", sa.BigInteger, nullable=False),
    sa.Column("currency", sa.Text, nullable=False),
    sa.Column("preferred_dates", pg.ARRAY(sa.Date), nullable=False),
    sa.Column("first_tattoo", sa.Boolean, nullable=False),
    sa.Column("status", sa.Text, nullable=False),
    sa.Column("turn", sa.Text, nullable=False),
    sa.Column("turn_since", sa.DateTime(timezone=True), nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("message_count", sa.Integer, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("status IN ('open', 'accepted', 'declined', 'withdrawn')", name="status"),
    sa.CheckConstraint("turn IN ('artist', 'customer')", name="turn"),
    sa.CheckConstraint("colour IN ('colour', 'black_and_grey')", name="colour"),
    sa.CheckConstraint("0 <= budget_min AND budget_min <= budget_max", name="budget"),
    sa.CheckConstraint("size_cm BETWEEN 1 AND 300", name="size_cm"),
    sa.CheckConstraint("version >= 1 AND message_count >= 0", name="counts"),
    # A customer's list: newest first.
    sa.Index(
        "ix_tattoo_requests_customer_created",
        "customer_id",
        sa.text("created_at DESC"),
        sa.text("id DESC"),
    ),
    # An artist's queue: their requests still in play.
    sa.Index("ix_tattoo_requests_artist_user_status", "artist_user_id", "status"),
    sa.Index("ix_tattoo_requests_artist_id", "artist_id"),
)

tattoo_request_images = sa.Table(
    "tattoo_request_images",
    metadata,
    refers_to("request_id", "tattoo_requests.id", primary_key=True),
    sa.Column("position", sa.SmallInteger, primary_key=True),
    refers_to("upload_id", "uploads.id", ondelete=None, unique=True),
    sa.Column("images", pg.JSONB, nullable=False),
)

tattoo_request_messages = sa.Table(
    "tattoo_request_messages",
    metadata,
    sa.Column("id", sa.Uuid, primary_key=True),  # uuid7
    refers_to("request_id", "tattoo_requests.id"),
    refers_to("author_id", "users.id", ondelete="RESTRICT"),
    sa.Column("author_role", sa.Text, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    refers_to("upload_id", "uploads.id", ondelete=None, unique=True, nullable=True),
    sa.Column("images", pg.JSONB, nullable=False, server_default=sa.text("'[]'::jsonb")),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("author_role IN ('customer', 'artist')", name="author_role"),
    sa.Index("ix_tattoo_request_messages_request", "request_id", "created_at", "id"),
)

# Quotes (0045): the artist's terms for an accepted request, revised until one is accepted.
tattoo_quotes = sa.Table(
    "tattoo_quotes",
    metadata,
    sa.Column("id", sa.Uuid, primary_key=True),  # uuid7
    refers_to("request_id", "tattoo_requests.id"),
    refers_to("service_id", "services.id", ondelete="RESTRICT", unique=True),
    sa.Column("revision", sa.Integer, nullable=False),
    sa.Column("sessions", sa.SmallInteger, nullable=False),
    sa.Column("session_minutes", sa.SmallInteger, nullable=False),
    sa.Column("price_min", sa.BigInteger, nullable=False),
    sa.Column("price_max", sa.BigInteger, nullable=False),
    sa.Column("deposit", sa.BigInteger, nullable=False),
    sa.Column("currency", sa.Text, nullable=False),
    sa.Column("gap_days", sa.SmallInteger, nullable=False),
    sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("note", sa.Text, nullable=False),
    sa.Column("status", sa.Text, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("status IN ('offered', 'accepted', 'superseded')", name="status"),
    sa.CheckConstraint(
        "0 < price_min AND price_min <= price_max AND 0 <= deposit AND deposit <= price_min",
        name="prices",
    ),
    sa.CheckConstraint("sessions BETWEEN 1 AND 20 AND gap_days >= 0", name="plan"),
    sa.UniqueConstraint("request_id", "revision", name="uq_tattoo_quotes_revision"),
    # The storage's own guard of the rules: one live quote, one accepted, per request.
    sa.Index(
        "uq_tattoo_quotes_offered",
        "request_id",
        unique=True,
        postgresql_where=sa.text("status = 'offered'"),
    ),
    sa.Index(
        "uq_tattoo_quotes_accepted",
        "request_id",
        unique=True,
        postgresql_where=sa.text("status = 'accepted'"),
    ),
)

# Projects (0045): an accepted quote's work; its terms are the quote's.
tattoo_projects = sa.Table(
    "tattoo_projects",
    metadata,
    sa.Column("id", sa.Uuid, primary_key=True),  # uuid7
    refers_to("request_id", "tattoo_requests.id", unique=True),
    refers_to("quote_id", "tattoo_quotes.id", unique=True),
    refers_to("service_id", "services.id", ondelete="RESTRICT", unique=True),
    sa.Column("status", sa.Text, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("status IN ('active', 'cancelled')", name="status"),
)

# A project's sessions: its bookings, and each one's part in the deposit.
project_sessions = sa.Table(
    "project_sessions",
    metadata,
    refers_to("booking_id", "bookings.id", primary_key=True),
    refers_to("project_id", "tattoo_projects.id"),
    sa.Column("holds_deposit", sa.Boolean, nullable=False),
    sa.Column("closes", sa.Boolean, nullable=False),
    sa.Index("ix_project_sessions_project", "project_id"),
)


# What a violation of each unique or exclusion constraint above means (``base.ConstraintErrors``).
CONSTRAINT_ERRORS: ConstraintErrors = {
    # Pictures: the upload is locked and marked used first.
    "uq_tattoo_request_images_upload_id": None,
    "uq_tattoo_request_messages_upload_id": None,
    # Quotes and projects are written under the request's lock; their services are new.
    "uq_tattoo_quotes_revision": None,
    "uq_tattoo_quotes_service_id": None,
    "uq_tattoo_quotes_offered": None,
    "uq_tattoo_quotes_accepted": None,
    "uq_tattoo_projects_service_id": None,
    "uq_tattoo_projects_request_id": None,
    "uq_tattoo_projects_quote_id": None,
}
