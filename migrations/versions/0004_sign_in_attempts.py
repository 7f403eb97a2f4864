"""Failed sign-ins are counted per (email, client address) pair, not per account.

``sign_in_attempts`` keeps, per pair digest (SHA-256 of the normalised email and the client
address: no email someone merely tried is stored), the failures in a row and the end of the
pair's lock. The per-account counter ``users.failed_login_count`` goes; ``users.locked_until``
stays, now an operator's lock of the whole account (which also ends its sessions).

Emails are compared in a new canonical form (NFKC, trimmed, case-folded, where it was
trimmed and lower-cased): stored addresses are rewritten into it. The rule is copied here, not
imported, so this migration keeps meaning what it meant. Should two accounts fold into one
address (look-alikes registered before this rule), the one already in that form, else the
oldest, keeps it; any other is left as it was, and reported, for an operator to settle.

Revision ID: 0004_sign_in_attempts
Revises: 0003_catalog_version
Create Date: 2026-11-22 12:00:00
"""

import unicodedata
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004_sign_in_attempts"
down_revision: str | None = "0003_catalog_version"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "sign_in_attempts",
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("failures", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint("failures >= 0", name=op.f("ck_sign_in_attempts_failures")),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_sign_in_attempts")),
    )
    op.create_index(
        op.f("ix_sign_in_attempts_updated_at"), "sign_in_attempts", ["updated_at"], unique=False
    )
    op.drop_column("users", "failed_login_count")
    _canonicalise_emails()


def _canonical(email: str) -> str:
    folded = unicodedata.normalize("NFKC", email).strip().casefold()
    return unicodedata.normalize("NFKC", folded)


def _canonicalise_emails() -> None:
    connection = op.get_bind()
    rows = list(connection.execute(sa.text("SELECT id, email FROM users ORDER BY created_at, id")))
    taken = {email for _, email in rows if _canonical(email) == email}
    for user_id, email in rows:
        canonical = _canonical(email)
        if canonical == email:
            continue
        if canonical in taken:
            print(f"users.{user_id}: {email!r} folds onto an existing address; left as it is")
            continue
        taken.add(canonical)
        connection.execute(
            sa.text("UPDATE users SET email = :email WHERE id = :id"),
            {"email": canonical, "id": user_id},
        )


def downgrade() -> None:
    op.add_column(
        "users",
        sa.Column("failed_login_count", sa.Integer(), server_default=sa.text("0"), nullable=False),
    )
    op.drop_index(op.f("ix_sign_in_attempts_updated_at"), table_name="sign_in_attempts")
    op.drop_table("sign_in_attempts")
