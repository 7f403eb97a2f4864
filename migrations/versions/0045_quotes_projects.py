"""Commissions: quotes of accepted requests, the projects accepted quotes start, and the
sessions (bookings) of each project.

Revision ID: 0045_quotes_projects
Revises: 0044_booking_one_off_design
Create Date: 2026-11-26 10:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0045_quotes_projects"
down_revision: str | None = "0044_booking_one_off_design"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("bookings", sa.Column("project_id", sa.Uuid(), nullable=True))
    op.add_column(
        "services",
        sa.Column("reserved", sa.Boolean(), server_default=sa.text("false"), nullable=False),
    )
    op.create_table(
        "tattoo_quotes",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("request_id", sa.Uuid(), nullable=False),
        sa.Column("service_id", sa.Uuid(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("sessions", sa.SmallInteger(), nullable=False),
        sa.Column("session_minutes", sa.SmallInteger(), nullable=False),
        sa.Column("price_min", sa.BigInteger(), nullable=False),
        sa.Column("price_max", sa.BigInteger(), nullable=False),
        sa.Column("deposit", sa.BigInteger(), nullable=False),
        sa.Column("currency", sa.Text(), nullable=False),
        sa.Column("gap_days", sa.SmallInteger(), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("status", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "status IN ('offered', 'accepted', 'superseded')", name="ck_tattoo_quotes_status"
        ),
        sa.CheckConstraint(
            "0 < price_min AND price_min <= price_max AND 0 <= deposit AND deposit <= price_min",
            name="ck_tattoo_quotes_prices",
        ),
        sa.CheckConstraint(
            "sessions BETWEEN 1 AND 20 AND gap_days >= 0", name="ck_tattoo_quotes_plan"
        ),
        sa.ForeignKeyConstraint(
            ["request_id"],
            ["tattoo_requests.id"],
            name="fk_tattoo_quotes_request_id_tattoo_requests",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["services.id"],
            name="fk_tattoo_quotes_service_id_services",
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_tattoo_quotes"),
        sa.UniqueConstraint("service_id", name="uq_tattoo_quotes_service_id"),
        sa.UniqueConstraint("request_id", "revision", name="uq_tattoo_quotes_revision"),
    )
    op.create_index(
        "uq_tattoo_quotes_offered",
        "tattoo_quotes",
        ["request_id"],
        unique=True,
        postgresql_where=sa.text("status = 'offered'"),
    )
    op.create_index(
        "uq_tattoo_quotes_accepted",
        "tattoo_quotes",
        ["request_id"],
        unique=True,
        postgresql_where=sa.text("status = 'accepted'"),
    )
    op.create_table(
        "tattoo_projects",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("request_id", sa.Uuid(), nullable=False),
        sa.Column("quote_id", sa.Uuid(), nullable=False),
        sa.Column("service_id", sa.Uuid(), nullable=False),
        sa.Column("status", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("status IN ('active', 'cancelled')", name="ck_tattoo_projects_status"),
        sa.ForeignKeyConstraint(
            ["request_id"],
            ["tattoo_requests.id"],
            name="fk_tattoo_projects_request_id_tattoo_requests",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["quote_id"],
            ["tattoo_quotes.id"],
            name="fk_tattoo_projects_quote_id_tattoo_quotes",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["services.id"],
            name="fk_tattoo_projects_service_id_services",
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_tattoo_projects"),
        sa.UniqueConstraint("request_id", name="uq_tattoo_projects_request_id"),
        sa.UniqueConstraint("quote_id", name="uq_tattoo_projects_quote_id"),
        sa.UniqueConstraint("service_id", name="uq_tattoo_projects_service_id"),
    )
    op.create_table(
        "project_sessions",
        sa.Column("booking_id", sa.Uuid(), nullable=False),
        sa.Column("project_id", sa.Uuid(), nullable=False),
        sa.Column("holds_deposit", sa.Boolean(), nullable=False),
        sa.Column("closes", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["booking_id"],
            ["bookings.id"],
            name="fk_project_sessions_booking_id_bookings",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["tattoo_projects.id"],
            name="fk_project_sessions_project_id_tattoo_projects",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("booking_id", name="pk_project_sessions"),
    )
    op.create_index("ix_project_sessions_project", "project_sessions", ["project_id"])


def downgrade() -> None:
    op.drop_index("ix_project_sessions_project", table_name="project_sessions")
    op.drop_table("project_sessions")
    op.drop_table("tattoo_projects")
    op.drop_index("uq_tattoo_quotes_accepted", table_name="tattoo_quotes")
    op.drop_index("uq_tattoo_quotes_offered", table_name="tattoo_quotes")
    op.drop_table("tattoo_quotes")
    op.drop_column("services", "reserved")
    op.drop_column("bookings", "project_id")
