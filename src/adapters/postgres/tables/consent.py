"""Consent forms (0046): an artist's forms and their versions, the artist's requirement of
one, and each booking's signed consent."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql as pg

from adapters.postgres.tables.base import ConstraintErrors, metadata, refers_to
from booking_domain.consent import ConsentAlreadySignedError

consent_forms = sa.Table(
    "consent_forms",
    metadata,
    sa.Column("id", sa.Uuid, primary_key=True),  # uuid7
    refers_to("artist_id", "artists.id", ondelete="RESTRICT"),
    refers_to("artist_user_id", "users.id", ondelete="RESTRICT"),
    sa.Column("version", sa.Integer, nullable=False),  # the current one
    sa.Column("status", sa.Text, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("status IN ('active', 'retired')", name="status"),
    sa.CheckConstraint("version >= 1", name="version"),
    # An artist's forms, oldest first.
    sa.Index("ix_consent_forms_artist_created", "artist_id", "created_at", "id"),
)

# Each version's words, never changed once published.
consent_form_versions = sa.Table(
    "consent_form_versions",
    metadata,
    refers_to("form_id", "consent_forms.id", ondelete="RESTRICT", primary_key=True),
    sa.Column("version", sa.Integer, primary_key=True),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("locale", sa.Text, nullable=False),
    sa.Column("statement", sa.Text, nullable=False),
    sa.Column("questions", pg.JSONB, nullable=False),
    sa.Column("published_at", sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("locale IN ('en', 'mn')", name="locale"),
)

consent_requirements = sa.Table(
    "consent_requirements",
    metadata,
    refers_to("artist_id", "artists.id", primary_key=True),
    refers_to("form_id", "consent_forms.id", ondelete="RESTRICT", index=True),
    sa.Column("since", sa.DateTime(timezone=True), nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
)

consents = sa.Table(
    "consents",
    metadata,
    sa.Column("id", sa.Uuid, primary_key=True),  # uuid7
    # One per booking: the storage's own guard of "signed once".
    refers_to("booking_id", "bookings.id", ondelete="RESTRICT", unique=True),
    refers_to("artist_id", "artists.id", ondelete="RESTRICT"),
    refers_to("artist_user_id", "users.id", ondelete="RESTRICT"),
    refers_to("customer_id", "users.id", ondelete="RESTRICT", nullable=True),
    refers_to("client_id", "clients.id", ondelete="RESTRICT", nullable=True),
    sa.Column("form_id", sa.Uuid, nullable=False),
    sa.Column("form_version", sa.Integer, nullable=False),
    sa.Column("form", pg.JSONB, nullable=False),  # the version's words as signed
    sa.Column("answers", pg.JSONB, nullable=False),
    sa.Column("signed_name", sa.Text, nullable=False),
    sa.Column("signed_at", sa.DateTime(timezone=True), nullable=False),
    refers_to("signed_by", "users.id", ondelete="RESTRICT"),
    sa.Column("in_person", sa.Boolean, nullable=False),
    sa.Column("address", sa.Text, nullable=False),
    sa.Column("user_agent", sa.Text, nullable=False),
    sa.Column("id_document", sa.Text, nullable=True),
    refers_to("id_checked_by", "users.id", ondelete="RESTRICT", nullable=True),
    sa.Column("id_checked_at", sa.DateTime(timezone=True), nullable=True),
    sa.Column("purge_after", sa.DateTime(timezone=True), nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(
        ["form_id", "form_version"],
        ["consent_form_versions.form_id", "consent_form_versions.version"],
        name="fk_consents_form_version",
        ondelete="RESTRICT",
    ),
    sa.CheckConstraint("(customer_id IS NULL) <> (client_id IS NULL)", name="booked_for"),
    sa.CheckConstraint(
        "(id_document IS NULL) = (id_checked_at IS NULL)"
        " AND (id_checked_by IS NULL) = (id_checked_at IS NULL)",
        name="id_check",
    ),
    sa.CheckConstraint(
        "id_document IS NULL OR id_document IN "
        "('passport', 'national_id', 'driving_licence', 'other')",
        name="id_document",
    ),
    sa.CheckConstraint("version >= 1", name="version"),
    # A customer's signed consents, newest first (their data export).
    sa.Index("ix_consents_customer_created", "customer_id", sa.text("created_at DESC"), "id"),
    # The hourly purge: the consents whose retention ended.
    sa.Index("ix_consents_purge_after", "purge_after"),
)


# What a violation of each unique or exclusion constraint above means (``base.ConstraintErrors``).
CONSTRAINT_ERRORS: ConstraintErrors = {
    "uq_consents_booking_id": ConsentAlreadySignedError,  # two signatures of one booking at once
}
