"""Search by place walks the artists best rated first and filters as it goes (styles, the
circle's box, the distance, the next free start): the rating index now carries every
column that walk reads, so it is an index-only scan: it reads the table only for pages
changed since the last vacuum (``docs/performance.md``, search). Not the words (unbounded: a bio's words may pass the
2,704-byte limit of a B-tree entry) nor the city (each has its own index); styles are
bounded to 400 characters in all by the profile rules, at most 1,600 bytes.

Rows stored before that bound could hold 20 styles of 40 four-byte letters, too wide for the
index: they are cut first to the leading styles that fit (``migrations/sql/
trim-artist-styles.sql``; not put back on downgrade).

Revision ID: 0021_search_walks_index_only
Revises: 0020_ledger_and_audit
Create Date: 2026-11-24 19:40:00
"""

from collections.abc import Sequence
from pathlib import Path

from alembic import op

revision: str = "0021_search_walks_index_only"
down_revision: str | None = "0020_ledger_and_audit"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_KEY = "((coalesce(rating_total::float8 / nullif(review_count, 0), 0)), id)"
_VISIBLE = "WHERE status = 'approved' AND NOT suspended"
_CARRIED = (
    "rating_total, review_count, styles, search_lat, search_lng, studio_id,"
    " minimum_notice_minutes, horizon_days"
)
_TRIM_STYLES = Path(__file__).parents[1] / "sql" / "trim-artist-styles.sql"


def upgrade() -> None:
    # The cut is committed before the index is built: CREATE INDEX also indexes the row
    # versions its own transaction has just replaced, and these are too wide. (Should a
    # transaction older than the cut still be running, the build fails and a second run,
    # with the cut already made, succeeds.)
    with op.get_context().autocommit_block():
        op.execute(_TRIM_STYLES.read_text())
    op.execute("DROP INDEX ix_artists_search_rating")
    op.execute(
        f"CREATE INDEX ix_artists_search_rating ON artists {_KEY} INCLUDE ({_CARRIED}) {_VISIBLE}"
    )


def downgrade() -> None:
    op.execute("DROP INDEX ix_artists_search_rating")
    op.execute(f"CREATE INDEX ix_artists_search_rating ON artists {_KEY} {_VISIBLE}")
