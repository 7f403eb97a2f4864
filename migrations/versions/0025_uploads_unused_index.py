"""The purge job removes every upload not used a day after it was requested (pending,
ready or rejected), no longer only the pending ones: its partial index covers the uploads
not used (``status <> 'used'``), oldest first. Used uploads, the ones that stay, are left
out of it.

Revision ID: 0025_uploads_unused_index
Revises: 0024_free_starts_as_arrays
Create Date: 2026-11-26 01:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0025_uploads_unused_index"
down_revision: str | None = "0024_free_starts_as_arrays"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.drop_index("ix_uploads_created_at_pending", table_name="uploads")
    op.execute(
        "CREATE INDEX ix_uploads_created_at_unused ON uploads (created_at) WHERE status <> 'used'"
    )


def downgrade() -> None:
    op.drop_index("ix_uploads_created_at_unused", table_name="uploads")
    op.execute(
        "CREATE INDEX ix_uploads_created_at_pending ON uploads (created_at)"
        " WHERE status = 'pending'"
    )
