"""The free-starts projection keeps each service's runs as two sorted arrays, their first
and their last starts, instead of a multirange; ``inkslot_first_start`` finds the run at or
after a moment by binary search (``width_bucket``) and steps onto its grid with ``date_bin``:
an expression PostgreSQL inlines into the search's statements, where the multirange's
version ran a query of its own for every row (2.7 us against 0.2; docs/performance.md,
search). Search needs it whenever a stored first start is nearer than the artist's notice,
which is most of the day: the projection holds a day.

Revision ID: 0024_free_starts_as_arrays
Revises: 0023_artist_styles_bounded
Create Date: 2026-11-25 03:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0024_free_starts_as_arrays"
down_revision: str | None = "0023_artist_styles_bounded"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_UP = """
ALTER TABLE search_free_starts
    ADD COLUMN run_firsts timestamptz[] NOT NULL DEFAULT '{}',
    ADD COLUMN run_lasts timestamptz[] NOT NULL DEFAULT '{}';
UPDATE search_free_starts
   SET run_firsts = ARRAY(SELECT lower(r) FROM unnest(starts) AS r),
       run_lasts = ARRAY(SELECT upper(r) FROM unnest(starts) AS r);
ALTER TABLE search_free_starts DROP COLUMN starts,
    ALTER COLUMN run_firsts DROP DEFAULT, ALTER COLUMN run_lasts DROP DEFAULT;
DROP FUNCTION inkslot_first_start(tstzmultirange, integer, timestamptz);

-- The first start at or after lo of runs firsts[i] .. lasts[i] (inclusive, ascending, on a
-- grid of step_seconds from each run's first): the first run whose last start is not
-- before lo (width_bucket counts the lasts before lo, to the microsecond), then its first
-- start, or the first point of its grid from lo on. NULL when no run reaches lo. STABLE, as
-- timestamptz arithmetic is: PostgreSQL inlines a function only if its body is no more
-- volatile than its label.
CREATE FUNCTION inkslot_first_start(firsts timestamptz[], lasts timestamptz[],
                                    step_seconds integer, lo timestamptz)
    RETURNS timestamptz LANGUAGE sql STABLE PARALLEL SAFE
    RETURN CASE WHEN firsts[width_bucket(lo - interval '1 microsecond', lasts) + 1] >= lo
                THEN firsts[width_bucket(lo - interval '1 microsecond', lasts) + 1]
                ELSE date_bin(step_seconds * interval '1 second', lo - interval '1 microsecond',
                              firsts[width_bucket(lo - interval '1 microsecond', lasts) + 1])
                     + step_seconds * interval '1 second'
           END;
"""

_DOWN = """
DROP FUNCTION inkslot_first_start(timestamptz[], timestamptz[], integer, timestamptz);
ALTER TABLE search_free_starts ADD COLUMN starts tstzmultirange NOT NULL DEFAULT '{}';
UPDATE search_free_starts
   SET starts = coalesce((SELECT range_agg(tstzrange(f, l, '[]'))
                            FROM unnest(run_firsts, run_lasts) AS u(f, l)), '{}');
ALTER TABLE search_free_starts ALTER COLUMN starts DROP DEFAULT,
    DROP COLUMN run_firsts, DROP COLUMN run_lasts;

-- The first start of a run set (runs on a grid of step_seconds) at or after lo. A
-- multirange unnests in ascending order.
CREATE FUNCTION inkslot_first_start(starts tstzmultirange, step_seconds integer,
                                    lo timestamptz)
    RETURNS timestamptz LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    BEGIN ATOMIC
        SELECT CASE WHEN lower(r) >= lo THEN lower(r)
                    ELSE lower(r) + make_interval(secs => step_seconds * ceil(
                             extract(epoch FROM lo - lower(r)) / step_seconds))
               END
          FROM unnest(starts) AS r
         WHERE upper(r) >= lo
         LIMIT 1;
    END;
"""


def upgrade() -> None:
    op.execute(_UP)


def downgrade() -> None:
    op.execute(_DOWN)
