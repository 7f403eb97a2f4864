"""Analytics' reads (``analytics.py`` sends them): an artist's days from the daily rollup
(``analytics_days``, kept by the triggers of migration 0037), the parties and top services
of the range's bookings, the artist's rules and overrides; the platform's days by date, city
and artist; the top artists' names; the worker's fold.

Why text (docs/analytics.md, docs/performance.md): the platform's question is one scan of
the rollup's range with three grouping sets (by date, by city, by artist), or, without an
artist, the summaries the worker folds (migration 0038) plus the rollup rows changed since,
each part an index range over whole years, whole months and the clipped dates at the ends;
the artist's range is an index range on the start widened by a day on each side and then
cut to the exact local dates. Those ranges, the grouping sets, the ``MATERIALIZED`` fences
and the ranking by bookings with a byte-wise tie-break are the measured shape; Core would
spell each of them through builder calls that hide it. The statements are assembled here
from this module's own constants (the summed columns, the range arithmetic), once, at
import; every value a call supplies is bound.
"""

from __future__ import annotations

from booking_domain.analytics import TOP_ARTISTS, TOP_SERVICES

_SUMS = (
    "bookings", "booked_seconds", "cancelled", "no_shows", "lead_seconds",
    "deposits_paid", "balances_paid", "refunded", "awaiting_settlement",
)  # fmt: skip
_SUMMED = ", ".join(f"sum(d.{c})::bigint AS {c}" for c in _SUMS)

ARTIST_DAYS = f"""
SELECT d.day, d.currency, {_SUMMED} FROM analytics_days d
WHERE d.artist_id = %(artist)s AND d.day BETWEEN %(first)s AND %(last)s
GROUP BY d.day, d.currency
"""  # noqa: S608 - constants only, values are bound
# Money received on the range's local dates by way of paying: the provider's payments the
# booking kept (``qpay``), and the payments taken in the studio by their method, with what
# of those was given back (on the day it was recorded, as the rollup has no method).
BY_METHOD = """
SELECT currency, method, sum(received)::bigint AS received,
       sum(given_back)::bigint AS given_back
FROM (
    SELECT p.currency, 'qpay' AS method, p.amount AS received, 0 AS given_back
    FROM received_payments p JOIN bookings b ON b.id = p.booking_id
    WHERE b.artist_id = %(artist)s AND p.outcome = 'confirmed'
      AND analytics_local_day(p.processed_at, %(tz)s) BETWEEN %(first)s AND %(last)s
    UNION ALL
    SELECT s.currency, s.method, s.amount, s.refunded_amount FROM studio_payments s
    WHERE s.artist_id = %(artist)s
      AND analytics_local_day(s.recorded_at, %(tz)s) BETWEEN %(first)s AND %(last)s
) AS money
GROUP BY currency, method ORDER BY currency, method
"""
# The counted bookings starting on the range's local dates: an index range on the start
# (a day wider on each side, whatever the zone), then the exact local date.
_IN_RANGE = """
    b.artist_id = %(artist)s
    AND b.starts_at >= (%(first)s::date - 2)::timestamp AT TIME ZONE 'UTC'
    AND b.starts_at < (%(last)s::date + 3)::timestamp AT TIME ZONE 'UTC'
    AND (b.starts_at AT TIME ZONE %(tz)s)::date BETWEEN %(first)s AND %(last)s
    AND b.status <> 'pending'
    AND b.offer IS DISTINCT FROM 'offered'
    AND NOT (b.status = 'cancelled' AND b.cancellation_reason IS NOT DISTINCT FROM 'expired')
"""
# One pass over the range's bookings: the customers, the repeat ones, and the top services
# (one row each, or one row with no service when there are none).
PARTIES = f"""
WITH inside AS MATERIALIZED (
    SELECT coalesce(b.customer_id, b.client_id) AS who, b.service_id FROM bookings b
    WHERE {_IN_RANGE}
), parties AS (
    SELECT count(*) AS customers, count(*) FILTER (WHERE n > 1) AS repeat_customers
    FROM (SELECT who, count(*) AS n FROM inside GROUP BY who) AS p
), top AS (
    SELECT service_id, count(*) AS n FROM inside GROUP BY service_id
    ORDER BY n DESC, service_id LIMIT {TOP_SERVICES}
)
SELECT parties.customers, parties.repeat_customers, s.id, s.name, top.n
FROM parties LEFT JOIN (top JOIN services s ON s.id = top.service_id) ON true
ORDER BY top.n DESC NULLS LAST, s.id
"""  # noqa: S608 - constants only, values are bound
RULES = "SELECT day, start_minute, end_minute FROM weekly_rules WHERE artist_id = %(artist)s"
OVERRIDES = """
SELECT on_date, windows FROM date_overrides
WHERE artist_id = %(artist)s AND on_date BETWEEN %(first)s AND %(last)s
"""
PLATFORM = f"""
SELECT GROUPING(d.day) = 0 AS by_day, GROUPING(a.city) = 0 AS by_city,
       d.day, coalesce(a.city, '') AS city, d.artist_id, d.currency, {_SUMMED}
FROM analytics_days d JOIN artists a ON a.id = d.artist_id
WHERE d.day BETWEEN %(first)s AND %(last)s
  AND (%(artist)s::uuid IS NULL OR d.artist_id = %(artist)s::uuid)
  AND (%(city)s::text IS NULL OR lower(a.city) = lower(%(city)s::text))
GROUP BY GROUPING SETS ((d.day, d.currency), (a.city, d.currency), (d.artist_id, d.currency))
"""  # noqa: S608 - constants only, values are bound
# Without an artist, the summaries the worker folds (migration 0038) plus the differences
# of the rollup rows changed since (their current figures less their folded copies): exact
# at every commit, and small while the worker keeps up.
_NEG = ", ".join(f"-f.{c}" for c in _SUMS)
_OF_D = ", ".join(f"d.{c}" for c in _SUMS)
_OF_S = ", ".join(f"s.{c}" for c in _SUMS)
_UNFOLDED = f"""
unfolded AS MATERIALIZED (
    SELECT coalesce(a.city, '') AS city, d.day, d.artist_id, d.currency, {_OF_D}
    FROM analytics_days d JOIN artists a ON a.id = d.artist_id
    WHERE d.changed AND d.day BETWEEN %(first)s AND %(last)s
    UNION ALL
    SELECT f.city, f.day, f.artist_id, f.currency, {_NEG}
    FROM analytics_days d JOIN analytics_days_folded f USING (artist_id, day, currency)
    WHERE d.changed AND d.day BETWEEN %(first)s AND %(last)s
)"""  # noqa: S608 - constants only
_PICKED = "(%(city)s::text IS NULL OR lower({c}) = lower(%(city)s::text))"
# Each artist's range: the years wholly inside it from the yearly summary, the other months
# wholly inside it from the monthly one, both plus their unfolded differences, and the dates
# of the clipped months at its ends from the rollup; each part an index range. [lo, hi) of
# whole units: lo the first unit start on or after `first`, hi the first after `last`.
_LO = "(date_trunc('{u}', %(first)s::date - 1) + interval '1 {u}')::date"
_HI = "date_trunc('{u}', %(last)s::date + 1)::date"
_M_LO, _M_HI = _LO.format(u="month"), _HI.format(u="month")
_Y_LO, _Y_HI = _LO.format(u="year"), _HI.format(u="year")
_WHOLE = f"{{m}} >= {_M_LO} AND {{m}} < {_M_HI}"
_MONTH = "date_trunc('month', {d})::date"


def _around(column: str, lo: str, hi: str, first: str, last_: str) -> tuple[str, str]:
    """The parts of [first, last_) outside [lo, hi) (all of it when lo >= hi), as two
    ranges of ``column``."""
    return (
        f"{column} >= {first} AND {column} < least({lo}, {last_})",
        f"{column} >= greatest({hi}, {lo}) AND {column} < {last_}",
    )


def _artists_range(columns: tuple[str, ...], only: bool) -> str:
    """Each artist's rows of the range (``columns`` of them; ``only`` the ranked ones)."""
    months = _around("m.month", _Y_LO, _Y_HI, _M_LO, _M_HI)
    days = _around("r.day", _M_LO, _M_HI, "%(first)s::date", "%(last)s::date + 1")

    def of(t: str) -> str:
        return ", ".join(f"{t}.{c}" for c in columns)

    def also(t: str) -> str:
        return f" AND {t}.artist_id IN (SELECT artist_id FROM ranked)" if only else ""  # noqa: S608

    return f"""
        SELECT y.artist_id, y.currency, {of("y")} FROM analytics_artist_years y
        WHERE y.year >= {_Y_LO} AND y.year < {_Y_HI}{also("y")}
        UNION ALL
        SELECT m.artist_id, m.currency, {of("m")} FROM analytics_artist_months m
        WHERE {months[0]}{also("m")}
        UNION ALL
        SELECT m.artist_id, m.currency, {of("m")} FROM analytics_artist_months m
        WHERE {months[1]}{also("m")}
        UNION ALL
        SELECT u.artist_id, u.currency, {of("u")} FROM unfolded u
        WHERE {_WHOLE.format(m=_MONTH.format(d="u.day"))}{also("u")}
        UNION ALL
        SELECT r.artist_id, r.currency, {of("r")} FROM analytics_days r
        WHERE {days[0]}{also("r")}
        UNION ALL
        SELECT r.artist_id, r.currency, {of("r")} FROM analytics_days r
        WHERE {days[1]}{also("r")}
    """  # noqa: S608 - constants only


# Ranking every artist of the range reads only the rollup's covering date index (migration
# 0039); their cities are joined in only when the question names one.
_RANKED_ALL = f"""
    SELECT d.artist_id FROM ({_artists_range(("bookings",), only=False)}) AS d
    GROUP BY d.artist_id"""  # noqa: S608 - constants only
_RANKED_IN_CITY = f"""
    SELECT d.artist_id FROM ({_artists_range(("bookings",), only=False)}) AS d
    JOIN artists a ON a.id = d.artist_id
    WHERE {_PICKED.format(c="coalesce(a.city, '')")}
    GROUP BY d.artist_id"""  # noqa: S608 - constants only


def _summary(ranked: str) -> str:
    """One statement (one snapshot): the same rows as PLATFORM's grouping sets, but only the
    top artists' (ranked by bookings in SQL first, then summed in full for those few)."""
    return f"""
WITH {_UNFOLDED}, places AS (
    SELECT GROUPING(d.day) = 0 AS by_day, d.day, d.city, d.currency, {_SUMMED} FROM (
        SELECT s.city, s.day, s.currency, {_OF_S} FROM analytics_city_days s
        WHERE s.day BETWEEN %(first)s AND %(last)s
        UNION ALL
        SELECT u.city, u.day, u.currency, {", ".join(f"u.{c}" for c in _SUMS)} FROM unfolded u
    ) AS d
    WHERE {_PICKED.format(c="d.city")}
    GROUP BY GROUPING SETS ((d.day, d.currency), (d.city, d.currency))
), ranked AS ({ranked}
    ORDER BY sum(d.bookings) DESC, d.artist_id::text COLLATE "C"
    LIMIT {TOP_ARTISTS}
), people AS (
    SELECT d.artist_id, d.currency, {_SUMMED} FROM ({_artists_range(_SUMS, only=True)}) AS d
    GROUP BY d.artist_id, d.currency
)
SELECT p.by_day, NOT p.by_day AS by_city, p.day, p.city, NULL::uuid AS artist_id, p.currency,
       {", ".join(f"p.{c}" for c in _SUMS)}
FROM places p
UNION ALL
SELECT false, false, NULL::date, '', q.artist_id, q.currency, {", ".join(f"q.{c}" for c in _SUMS)}
FROM people q
"""  # noqa: S608 - constants only, values are bound


SUMMARY_ALL, SUMMARY_IN_CITY = _summary(_RANKED_ALL), _summary(_RANKED_IN_CITY)
NAMES = "SELECT id, display_name FROM artists WHERE id = ANY(%(ids)s)"

# The worker's fold of the changed rollup rows into the summaries (migration 0038's
# function): one call, which answers how many rows it folded.
FOLD = "SELECT analytics_fold() AS folded"
