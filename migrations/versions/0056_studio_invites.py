"""Studio invites (catalog): ``studio_invites``, a studio's invite links for guest artists
(``booking_domain.catalog.studio_invites``): the token's keyed digest only, the expiry, and
how the invite ended (used, by which artist; or revoked).

Rolling-deploy safe: a new table the release still running never reads.

Revision ID: 0056_studio_invites
Revises: 0055_artist_embed_origins
Create Date: 2026-11-27 16:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0056_studio_invites"
down_revision: str | None = "0055_artist_embed_origins"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_UP = """
CREATE TABLE studio_invites (
    id uuid NOT NULL,
    studio_id uuid NOT NULL,
    created_by uuid NOT NULL,
    token_digest text NOT NULL,
    note text NOT NULL DEFAULT '',
    expires_at timestamptz NOT NULL,
    used_at timestamptz,
    used_by uuid,
    revoked_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_studio_invites PRIMARY KEY (id),
    CONSTRAINT fk_studio_invites_studio_id_studios FOREIGN KEY (studio_id)
        REFERENCES studios (id) ON DELETE CASCADE,
    CONSTRAINT fk_studio_invites_created_by_users FOREIGN KEY (created_by)
        REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT fk_studio_invites_used_by_artists FOREIGN KEY (used_by)
        REFERENCES artists (id) ON DELETE SET NULL,
    CONSTRAINT uq_studio_invites_token_digest UNIQUE (token_digest)
);
CREATE INDEX ix_studio_invites_studio_id ON studio_invites (studio_id);
CREATE INDEX ix_studio_invites_created_by ON studio_invites (created_by);
CREATE INDEX ix_studio_invites_used_by ON studio_invites (used_by);
"""

# Going back forgets every invite (open ones stop working; members stay where they are).
_DOWN = """
DROP TABLE studio_invites;
"""


def upgrade() -> None:
    op.execute(_UP)


def downgrade() -> None:
    op.execute(_DOWN)
