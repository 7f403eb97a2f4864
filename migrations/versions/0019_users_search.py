"""Admins find accounts by text: a trigram index on the folded name and email (search's
``inkslot_fold`` of migration 0017), so ``GET /admin/users?q=`` is an index scan.

Revision ID: 0019_users_search
Revises: 0018_disputes
Create Date: 2026-11-23 17:45:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0019_users_search"
down_revision: str | None = "0018_disputes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute(
        "CREATE INDEX ix_users_search ON users"
        " USING gin ((inkslot_fold(name || ' ' || email)) gin_trgm_ops)"
    )


def downgrade() -> None:
    op.execute("DROP INDEX ix_users_search")
