"""Search's reads, built from a checked query (``search.py`` and ``free_starts.py`` send
them): the artist page and its cards, the portfolio page, the near words of a typed word,
and the recommendations' taste.

An artist page is one statement planned for its values: the page's ids and sort keys,
found with the indexes of migration 0017 (the words' GIN, the styles' GIN, the latitude
and longitude B-trees, the rating index, services' prices, the free-starts projection),
and the cards around them (studio, lowest price, next free slot, thumbnails). Keyset
pagination: ``(sort key, id)`` past the cursor's, so a page costs the same at any depth.

Why text (docs/performance.md, "Search": the target, p99 <= 50 ms and >= 500 req/s, met on
every shape in runs 7b-7d, from 1.6 req/s for the first text search): the statements are
what ``bench/search.py --explain`` measured, and their cost rests on details Core would
leave implicit in builder calls:

- the order the conditions are written in: PostgreSQL tests conditions of equal cost in
  that order, and the place's latitude-longitude box comes before the styles array (the
  styles + near page query: 0.30 -> 0.19-0.21 ms mean over 300 places, the slowest 4.1
  -> 1.0 ms);
- ``OFFSET 0`` inside the next-free lateral, a fence that keeps the start worked out once a
  row (free 7 d + near: 0.70-0.80 -> 0.46-0.49 ms of execution; 451 / 429 -> 544 / 524
  req/s);
- the page's cards by ``unnest(...) WITH ORDINALITY``, a text that depends only on the
  query's shape, so psycopg prepares it (planned with the page each time it cost 0.55 ms),
  with the thumbnails as ready JSON text decoded by msgspec;
- pg_trgm's ``%`` operator for the near words, through the vocabulary's trigram index.

The page queries are planned for their values every time (``prepare=False`` in the
repository): a generic plan knew neither place nor words (16-38 ms). The taste read is four
aggregates of one user's likes and bookings in one round trip (not measured on its own).
S608 (SQL built from strings) is silenced line by line: every fragment is a constant of
this module and every value a bound parameter.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any

from booking_domain.search import cursor
from booking_domain.search.cursor import NO_PRICE, NO_SLOT
from booking_domain.search.queries import (
    MAX_FREE_WITHIN_DAYS,
    ArtistQuery,
    ArtistSort,
    PortfolioQuery,
    StylesMatch,
)

# Each query word with the known words within pg_trgm's similarity threshold (0.3), through
# the vocabulary's trigram index: a typo becomes the real words near it.
SIMILAR_WORDS = """
SELECT q.w AS word,
       ARRAY(SELECT v.word FROM search_vocabulary v WHERE v.word %% q.w UNION SELECT q.w)
         AS similar
  FROM unnest(%(words)s::text[]) AS q(w)
"""

VISIBLE = "a.status = 'approved' AND NOT a.suspended"
# The search row's columns (kept by migration 0017's triggers): each has its index.
RATING = "coalesce(a.rating_total::float8 / nullif(a.review_count, 0), 0)"
POINT = "inkslot_earth_point(%(lat)s, %(lng)s)"
PLACE = "inkslot_earth_point(a.search_lat, a.search_lng)"
# How far the next free slot is looked for (the projection covers a day more).
LOOK_AHEAD = timedelta(days=MAX_FREE_WITHIN_DAYS)

# The first start of a matching service the domain offers ``now`` (the projection's runs
# from ``now + minimum notice``, no later than ``now + horizon``): the stored first start
# while it is far enough ahead (0.3 us), else from the runs (0.5 us). ``OFFSET 0`` keeps the
# inner query whole: flattened, PostgreSQL copied the start's expression into both tests
# and the sort key and worked out each start three times (the free 7 d + near page query:
# 0.70-0.80 -> 0.46-0.49 ms of execution, mean of 300, once the stored starts have aged).
NEXT_FREE = """
LEFT JOIN LATERAL (
    SELECT x.start, x.service_id FROM (
        SELECT CASE WHEN f.first_start >= %(now)s + a.minimum_notice_minutes * interval '1 minute'
                    THEN f.first_start
                    ELSE inkslot_first_start(f.run_firsts, f.run_lasts, f.step_seconds,
                             %(now)s + a.minimum_notice_minutes * interval '1 minute')
               END AS start,
               f.service_id
          FROM search_free_starts f
          JOIN services sv ON sv.id = f.service_id AND sv.active {service}
         WHERE f.artist_id = a.id
        OFFSET 0) x
     WHERE x.start <= %(now)s + a.horizon_days * interval '24 hours'
       AND x.start < %(look_until)s
     ORDER BY x.start LIMIT 1) nf ON true"""

_SORTS: dict[ArtistSort, tuple[str, str]] = {
    # sort -> (key expression, direction)
    ArtistSort.DISTANCE: ("earth_distance(" + POINT + ", " + PLACE + ")", "ASC"),
    ArtistSort.RATING: (RATING, "DESC"),
    ArtistSort.PRICE: (
        f"coalesce((SELECT min(sp.price_amount) FROM services sp WHERE sp.artist_id = a.id"  # noqa: S608
        f" AND sp.active AND sp.currency = %(currency)s), {NO_PRICE})",
        "ASC",
    ),
    ArtistSort.SOONEST: (f"coalesce(extract(epoch FROM nf.start)::float8, {NO_SLOT})", "ASC"),
}
# What a card shows of an artist; JSON as text, decoded by msgspec (psycopg's default JSON
# loader is the standard library's, several times slower on these rows).
SUMMARY = """a.id, a.display_name, a.bio, a.styles, a.city, a.studio_id, a.review_count,
       a.rating_total, a.avatar_images::text AS avatar, a.cover_images::text AS cover"""
# A page's cards, by id, in the page's order. Its text depends only on the query's shape,
# so psycopg prepares it: the rows are found by primary key, and no plan needs the values.
# The thumbnails come ready as JSON text (``search_thumbnails``, kept by migration 0022's
# triggers: the first THUMBNAILS pieces by position); building them here from the pieces
# was a third of this query (bench/search.py).
DRESS = """
SELECT {summary}, st.name AS studio_name,
       (SELECT min(sp.price_amount) FROM services sp
         WHERE sp.artist_id = a.id AND sp.active AND sp.currency = %(currency)s) AS lowest_price,
       {distance} AS distance_m,
       {slot}.start AS next_start, {slot}.service_id AS next_service_id,
       coalesce(th.thumbnails, '[]') AS thumbnails
  FROM {pages}
  JOIN artists a ON a.id = h.id
  LEFT JOIN studios st ON st.id = a.studio_id
  LEFT JOIN search_thumbnails th ON th.artist_id = a.id
  {next_free}
 ORDER BY h.n
"""

PAGE = "unnest(%(ids)s::uuid[]) WITH ORDINALITY AS h(id, n)"
PAGE_WITH_SLOTS = (
    "unnest(%(ids)s::uuid[], %(starts)s::timestamptz[], %(services)s::uuid[])"
    " WITH ORDINALITY AS h(id, start, service_id, n)"
)


class _Where:
    """A growing list of conditions and their parameters."""

    def __init__(self) -> None:
        self.conditions: list[str] = [VISIBLE]
        self.params: dict[str, Any] = {}

    def add(self, condition: str, **params: Any) -> None:
        self.conditions.append(condition)
        self.params.update(params)

    @property
    def sql(self) -> str:
        return " AND ".join(self.conditions)


def _filters(query: ArtistQuery, now: datetime, similar: Mapping[str, Sequence[str]]) -> _Where:
    where = _Where()
    where.params.update(now=now, currency=query.currency, look_until=now + LOOK_AHEAD)
    _add_words(where, "a", similar)
    if query.near is not None:
        near = query.near
        where.params.update(lat=near.lat, lng=near.lng, radius=near.radius_m)
        # The circle's latitude-longitude box through the indexes (their statistics tell
        # the planner how many fall inside), then the exact great-circle distance.
        lat_low, lat_high, lng_low, lng_high = near.box()
        where.add("a.search_lat BETWEEN %(lat_low)s AND %(lat_high)s",
                  lat_low=lat_low, lat_high=lat_high)  # fmt: skip
        if lng_low is not None:
            where.add("a.search_lng BETWEEN %(lng_low)s AND %(lng_high)s",
                      lng_low=lng_low, lng_high=lng_high)  # fmt: skip
        where.add(f"earth_distance({POINT}, {PLACE}) <= %(radius)s")
    # After the place: PostgreSQL tests a row's conditions of equal cost in the order given,
    # and comparing a latitude is cheaper than reading the styles array; by place, most rows
    # a walk meets are outside the box (the styles + near page query: 0.30 -> 0.19 ms mean
    # over 300 places, the slowest 4.1 -> 1.0 ms; docs/performance.md).
    if query.styles and query.styles_match is StylesMatch.ANY_OR_FLASH:
        where.add(f"(a.styles && %(styles)s::text[] OR EXISTS ({OPEN_FLASH_TAGGED}))",
                  styles=list(query.styles))  # fmt: skip
    elif query.styles:
        operator = "@>" if query.styles_match is StylesMatch.ALL else "&&"
        where.add(f"a.styles {operator} %(styles)s::text[]", styles=list(query.styles))
    if query.city is not None:
        where.add("a.search_city = inkslot_fold(%(city)s)", city=query.city)
    if query.studio_id is not None:
        where.add("a.studio_id = %(studio_id)s", studio_id=query.studio_id)
    if query.price_min is not None or query.price_max is not None:
        where.add(
            "EXISTS (SELECT 1 FROM services sp WHERE sp.artist_id = a.id AND sp.active"
            " AND sp.currency = %(currency)s"
            " AND sp.price_amount BETWEEN %(price_min)s AND %(price_max)s)",
            price_min=query.price_min or 0,
            price_max=NO_PRICE if query.price_max is None else query.price_max,
        )
    if query.rating_min is not None:
        where.add(
            "a.review_count > 0"
            " AND a.rating_total::float8 >= %(rating_min)s::float8 * a.review_count",
            rating_min=query.rating_min,
        )
    if query.free_within is not None:
        where.add(
            "nf.start < %(free_until)s",
            free_until=now + timedelta(days=query.free_within.days),
        )
    return where


def _add_words(where: _Where, table: str, similar: Mapping[str, Sequence[str]]) -> None:
    """Each word of the query matches one of the row's words: itself or a known word near
    it (``similar``, from ``SIMILAR_WORDS``). Literal arrays, so the planner sees how common the
    words are and picks between the word index and a rating-ordered walk."""
    for n, candidates in enumerate(similar.values()):
        where.add(f"{table}.search_words && %(near{n})s::text[]", **{f"near{n}": list(candidates)})


def _service_filter(query: ArtistQuery, params: dict[str, Any]) -> str:
    free = query.free_within
    if free is not None and free.service_id is not None:
        params["service_id"] = free.service_id
        return "AND sv.id = %(service_id)s"
    if free is not None and free.duration_minutes is not None:
        params["duration"] = free.duration_minutes
        return "AND sv.duration_minutes >= %(duration)s"
    return ""


def _order(query: ArtistQuery) -> tuple[str, str, str]:
    """(order name for cursors, key expression, direction)."""
    sort = query.sort
    if sort is ArtistSort.RELEVANCE:
        # Every match matches all the words; the best rated come first (the rating index
        # serves this order, filtering as it goes).
        return "relevance", RATING, "DESC"
    key, direction = _SORTS[sort]
    return sort.value, key, direction


def artist_search_sql(
    query: ArtistQuery, now: datetime, similar: Mapping[str, Sequence[str]]
) -> tuple[str, dict[str, Any], str]:
    """The statement of one page's ids and sort keys, its parameters and the cursor's order
    name (``similar``: the query's words and the known words near each, from
    ``SimilarWords``)."""
    where = _filters(query, now, similar)
    name, key, direction = _order(query)
    next_free = NEXT_FREE.format(service=_service_filter(query, where.params))
    needs_free = query.free_within is not None or query.sort is ArtistSort.SOONEST
    after = ""
    if query.after is not None:
        value, row_id = cursor.decode(name, query.after)
        comparison = "<" if direction == "DESC" else ">"
        after = f"WHERE (h.sort_key, h.id) {comparison} (%(after_key)s, %(after_id)s)"
        where.params.update(after_key=value, after_id=row_id)
    # Where the page needs each artist's next free slot (to filter or to sort), it hands
    # the slot on to the cards, which then need not work it out again.
    free_columns = ", nf.start AS next_start, nf.service_id AS next_service_id"
    sql = (
        f"SELECT * FROM (SELECT a.id, {key} AS sort_key"  # noqa: S608
        f"{free_columns if needs_free else ''} FROM artists a"
        f" {next_free if needs_free else ''} WHERE {where.sql}) h {after}"
        f" ORDER BY h.sort_key {direction}, h.id {direction} LIMIT %(limit)s"
    )
    where.params["limit"] = query.page_size + 1
    return sql, where.params, name


def dress_sql(
    query: ArtistQuery, now: datetime, page: Sequence[Mapping[str, Any]]
) -> tuple[str, dict[str, Any]]:
    """The statement of a page's cards (``page``: the page query's rows, in order) and its
    parameters. The next free slots come from the page's rows when it worked them out."""
    params: dict[str, Any] = {"ids": [r["id"] for r in page], "currency": query.currency}
    distance = "NULL::float8"
    if query.near is not None:
        distance = f"earth_distance({POINT}, {PLACE})"
        params.update(lat=query.near.lat, lng=query.near.lng)
    if page and "next_start" in page[0]:
        params["starts"] = [r["next_start"] for r in page]
        params["services"] = [r["next_service_id"] for r in page]
        pages, slot, next_free = PAGE_WITH_SLOTS, "h", ""
    else:
        params.update(now=now, look_until=now + LOOK_AHEAD)
        pages, slot = PAGE, "nf"
        next_free = NEXT_FREE.format(service=_service_filter(query, params))
    sql = DRESS.format(
        summary=SUMMARY, distance=distance, pages=pages, slot=slot, next_free=next_free
    )
    return sql, params


PORTFOLIO = """
SELECT p.id, p.artist_id, p.upload_id, p.images::text AS images, p.description, p.style_tags,
       p.position, p.like_count, p.created_at, p.updated_at, h.sort_key,
       {distance} AS distance_m
  FROM (SELECT * FROM (
          SELECT p.id, {key} AS sort_key
            FROM portfolio_items p JOIN artists a ON a.id = p.artist_id
           WHERE {where}) h {after}
         ORDER BY h.sort_key {direction}, h.id {direction} LIMIT %(limit)s) h
  JOIN portfolio_items p ON p.id = h.id
  JOIN artists a ON a.id = p.artist_id
 ORDER BY h.sort_key {direction}, h.id {direction}
"""
ARTISTS = f"SELECT {SUMMARY} FROM artists a WHERE a.id = ANY(%(ids)s)"  # noqa: S608


def portfolio_search_sql(
    query: PortfolioQuery, similar: Mapping[str, Sequence[str]]
) -> tuple[str, dict[str, Any], str]:
    where = _Where()
    _add_words(where, "p", similar)
    # Newest first. uuid7 ids grow with time: that is id order, straight off the primary key.
    name, key, direction = "newest", "p.id", "DESC"
    if query.styles:
        where.add("p.style_tags && %(styles)s::text[]", styles=list(query.styles))
    distance = "NULL::float8"
    if query.near is not None:
        near = query.near
        where.params.update(lat=near.lat, lng=near.lng, radius=near.radius_m)
        where.add(f"earth_distance({POINT}, {PLACE}) <= %(radius)s")
        distance = f"earth_distance({POINT}, {PLACE})"
    after = ""
    if query.after is not None:
        value, row_id = cursor.decode(name, query.after)
        comparison = "<" if direction == "DESC" else ">"
        after = f"WHERE (h.sort_key, h.id) {comparison} (%(after_key)s, %(after_id)s)"
        where.params.update(after_key=row_id if name == "newest" else value, after_id=row_id)
    where.params["limit"] = query.page_size + 1
    sql = PORTFOLIO.format(
        distance=distance, key=key, where=where.sql, after=after, direction=direction
    )
    return sql, where.params, name


# An open design of the artist's flash sheet (not removed, not a taken one-off) with one of
# the styles among its tags (recommendations: ``StylesMatch.ANY_OR_FLASH``).
OPEN_FLASH_TAGGED = """SELECT 1 FROM flash_designs d
 WHERE d.artist_id = a.id AND NOT d.removed
   AND NOT (d.one_off AND d.claimed_by_booking_id IS NOT NULL)
   AND d.tags && %(styles)s::text[]"""

# The tags of the open designs on each artist's flash sheet, among the tags asked about.
FLASH_TAGS = """
SELECT d.artist_id, array_agg(DISTINCT t.tag) AS tags
  FROM flash_designs d, unnest(d.tags) AS t(tag)
 WHERE d.artist_id = ANY(%(artist_ids)s) AND NOT d.removed
   AND NOT (d.one_off AND d.claimed_by_booking_id IS NOT NULL)
   AND t.tag = ANY(%(tags)s)
 GROUP BY d.artist_id
"""

# What a customer's likes and bookings say of their taste (the recommendations): the tags
# of the pieces they liked, the styles of the artists they booked and the tags of the flash
# designs they booked (each once a booking), the city of their latest
# booking, and the artists they know well enough already.
TASTE = """
SELECT (SELECT coalesce(jsonb_object_agg(tag, n), '{}') FROM (
          SELECT t.tag, count(*) AS n
            FROM portfolio_likes l JOIN portfolio_items p ON p.id = l.item_id,
                 unnest(p.style_tags) AS t(tag)
           WHERE l.user_id = %(user_id)s GROUP BY t.tag) liked) AS liked,
       (SELECT coalesce(jsonb_object_agg(style, n), '{}') FROM (
          SELECT st.style, count(DISTINCT b.id) AS n
            FROM bookings b JOIN artists a ON a.id = b.artist_id
                 LEFT JOIN services sv ON sv.id = b.service_id
                 LEFT JOIN flash_designs d ON d.id = sv.flash_design_id,
                 unnest(a.styles || coalesce(d.tags, '{}')) AS st(style)
           WHERE b.customer_id = %(user_id)s AND b.status IN ('confirmed', 'completed')
           GROUP BY st.style) booked) AS booked,
       (SELECT coalesce(a.city, s.city) FROM bookings b JOIN artists a ON a.id = b.artist_id
               LEFT JOIN studios s ON s.id = a.studio_id
         WHERE b.customer_id = %(user_id)s ORDER BY b.created_at DESC LIMIT 1) AS city,
       ARRAY(SELECT DISTINCT b.artist_id FROM bookings b
              WHERE b.customer_id = %(user_id)s AND b.status IN ('confirmed', 'completed')
             UNION
             SELECT p.artist_id FROM portfolio_likes l JOIN portfolio_items p ON p.id = l.item_id
              WHERE l.user_id = %(user_id)s GROUP BY p.artist_id
             HAVING count(*) >= %(seen_enough)s) AS seen_enough
"""
