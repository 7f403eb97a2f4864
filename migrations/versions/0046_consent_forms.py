"""Consent forms: an artist's forms and their versions, the artist's requirement of one,
and each booking's signed consent with its ID check.

Revision ID: 0046_consent_forms
Revises: 0045_quotes_projects
Create Date: 2026-12-01 09:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0046_consent_forms"
down_revision: str | None = "0045_quotes_projects"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _fk(
    table: str, column: str, target: str, ondelete: str = "RESTRICT"
) -> sa.ForeignKeyConstraint:
    referred = target.split(".")[0]
    return sa.ForeignKeyConstraint(
        [column], [target], name=f"fk_{table}_{column}_{referred}", ondelete=ondelete
    )


def _when(name: str, nullable: bool = False) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "consent_forms",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("artist_id", sa.Uuid(), nullable=False),
        sa.Column("artist_user_id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("status", sa.Text(), nullable=False),
        _when("created_at"),
        _when("updated_at"),
        sa.CheckConstraint("status IN ('active', 'retired')", name="ck_consent_forms_status"),
        sa.CheckConstraint("version >= 1", name="ck_consent_forms_version"),
        _fk("consent_forms", "artist_id", "artists.id"),
        _fk("consent_forms", "artist_user_id", "users.id"),
        sa.PrimaryKeyConstraint("id", name="pk_consent_forms"),
    )
    op.create_index(
        "ix_consent_forms_artist_created", "consent_forms", ["artist_id", "created_at", "id"]
    )
    op.create_table(
        "consent_form_versions",
        sa.Column("form_id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("locale", sa.Text(), nullable=False),
        sa.Column("statement", sa.Text(), nullable=False),
        sa.Column("questions", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        _when("published_at"),
        sa.CheckConstraint("locale IN ('en', 'mn')", name="ck_consent_form_versions_locale"),
        _fk("consent_form_versions", "form_id", "consent_forms.id"),
        sa.PrimaryKeyConstraint("form_id", "version", name="pk_consent_form_versions"),
    )
    op.create_table(
        "consent_requirements",
        sa.Column("artist_id", sa.Uuid(), nullable=False),
        sa.Column("form_id", sa.Uuid(), nullable=False),
        _when("since"),
        _when("updated_at"),
        _fk("consent_requirements", "artist_id", "artists.id", ondelete="CASCADE"),
        _fk("consent_requirements", "form_id", "consent_forms.id"),
        sa.PrimaryKeyConstraint("artist_id", name="pk_consent_requirements"),
    )
    op.create_index("ix_consent_requirements_form_id", "consent_requirements", ["form_id"])
    _consents()


def _consents() -> None:
    op.create_table(
        "consents",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("booking_id", sa.Uuid(), nullable=False),
        sa.Column("artist_id", sa.Uuid(), nullable=False),
        sa.Column("artist_user_id", sa.Uuid(), nullable=False),
        sa.Column("customer_id", sa.Uuid(), nullable=True),
        sa.Column("client_id", sa.Uuid(), nullable=True),
        sa.Column("form_id", sa.Uuid(), nullable=False),
        sa.Column("form_version", sa.Integer(), nullable=False),
        sa.Column("form", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("answers", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("signed_name", sa.Text(), nullable=False),
        _when("signed_at"),
        sa.Column("signed_by", sa.Uuid(), nullable=False),
        sa.Column("in_person", sa.Boolean(), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("user_agent", sa.Text(), nullable=False),
        sa.Column("id_document", sa.Text(), nullable=True),
        sa.Column("id_checked_by", sa.Uuid(), nullable=True),
        _when("id_checked_at", nullable=True),
        _when("purge_after"),
        sa.Column("version", sa.Integer(), nullable=False),
        _when("created_at"),
        _when("updated_at"),
        sa.CheckConstraint(
            "(customer_id IS NULL) <> (client_id IS NULL)", name="ck_consents_booked_for"
        ),
        sa.CheckConstraint(
            "(id_document IS NULL) = (id_checked_at IS NULL)"
            " AND (id_checked_by IS NULL) = (id_checked_at IS NULL)",
            name="ck_consents_id_check",
        ),
        sa.CheckConstraint(
            "id_document IS NULL OR id_document IN "
            "('passport', 'national_id', 'driving_licence', 'other')",
            name="ck_consents_id_document",
        ),
        sa.CheckConstraint("version >= 1", name="ck_consents_version"),
        _fk("consents", "booking_id", "bookings.id"),
        _fk("consents", "artist_id", "artists.id"),
        _fk("consents", "artist_user_id", "users.id"),
        _fk("consents", "customer_id", "users.id"),
        _fk("consents", "client_id", "clients.id"),
        _fk("consents", "signed_by", "users.id"),
        _fk("consents", "id_checked_by", "users.id"),
        sa.ForeignKeyConstraint(
            ["form_id", "form_version"],
            ["consent_form_versions.form_id", "consent_form_versions.version"],
            name="fk_consents_form_version",
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_consents"),
        sa.UniqueConstraint("booking_id", name="uq_consents_booking_id"),
    )
    op.create_index(
        "ix_consents_customer_created",
        "consents",
        ["customer_id", sa.text("created_at DESC"), "id"],
    )
    op.create_index("ix_consents_purge_after", "consents", ["purge_after"])


def downgrade() -> None:
    op.drop_index("ix_consents_purge_after", table_name="consents")
    op.drop_index("ix_consents_customer_created", table_name="consents")
    op.drop_table("consents")
    op.drop_index("ix_consent_requirements_form_id", table_name="consent_requirements")
    op.drop_table("consent_requirements")
    op.drop_table("consent_form_versions")
    op.drop_index("ix_consent_forms_artist_created", table_name="consent_forms")
    op.drop_table("consent_forms")
