"""PostgreSQL artist and portfolio search (the read port of the search context).

One statement per page: an inner query finds the page's ids and sort keys with the
indexes of migration 0017 (trigram documents, styles, earth points, the rating, services'
prices, the free-starts projection), and an outer one dresses the page's rows (studio,
lowest price, next free slot, thumbnails). Keyset pagination: ``(sort key, id)`` past the
cursor's, so a page costs the same at any depth of a stable result.
"""

# S608 (SQL built from strings) is silenced line by line below: every fragment is a
# constant of this module and every value a bound parameter.
from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any
from uuid import UUID

from adapters.postgres.catalog_rows import artist_of
from adapters.postgres.database import OnConnection
from adapters.postgres.media import variants_of
from adapters.postgres.portfolio import portfolio_item_of
from booking_domain.catalog.portfolio import PortfolioItemId
from booking_domain.search import cursor
from booking_domain.search.ports import ArtistSearch
from booking_domain.search.queries import ArtistQuery, ArtistSort, PortfolioQuery, StylesMatch
from booking_domain.search.results import (
    THUMBNAILS,
    ArtistHit,
    CursorPage,
    NextSlot,
    PortfolioHit,
    Thumbnail,
)
from booking_domain.shared.ids import ServiceId
from booking_domain.shared.money import Money

VISIBLE = "a.status = 'approved' AND NOT a.suspended"
DOCUMENT = "inkslot_artist_document(a.display_name, a.styles, a.city, a.bio)"
RATING = "coalesce(a.rating_total::float8 / nullif(a.review_count, 0), 0)"
POINT = "inkslot_earth_point(%(lat)s, %(lng)s)"
PLACE = (
    "coalesce(inkslot_earth_point(a.lat, a.lng),"
    " (SELECT inkslot_earth_point(s.lat, s.lng) FROM studios s WHERE s.id = a.studio_id))"
)
NO_PRICE = 2**63 - 1
NO_SLOT = 1e18  # epoch seconds: later than any start

# The first start of a matching service the domain offers ``now`` (the projection's runs
# from ``now + minimum notice``, no later than ``now + horizon``).
NEXT_FREE = """
LEFT JOIN LATERAL (
    SELECT x.start, x.service_id FROM (
        SELECT inkslot_first_start(f.starts, f.step_seconds,
                   %(now)s + a.minimum_notice_minutes * interval '1 minute') AS start,
               f.service_id
          FROM search_free_starts f
          JOIN services sv ON sv.id = f.service_id AND sv.active {service}
         WHERE f.artist_id = a.id) x
     WHERE x.start <= %(now)s + a.horizon_days * interval '1 day'
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
_RELEVANCE = (
    f"greatest(word_similarity(inkslot_fold(%(q)s), {DOCUMENT}),"  # noqa: S608
    " coalesce((SELECT word_similarity(inkslot_fold(%(q)s), inkslot_fold(s.name))"
    " FROM studios s WHERE s.id = a.studio_id), 0))::float8"
)

_DRESS = """
SELECT a.*, h.sort_key, st.name AS studio_name,
       (SELECT min(sp.price_amount) FROM services sp
         WHERE sp.artist_id = a.id AND sp.active AND sp.currency = %(currency)s) AS lowest_price,
       {distance} AS distance_m,
       nf.start AS next_start, nf.service_id AS next_service_id,
       (SELECT coalesce(jsonb_agg(jsonb_build_array(p.id, p.images)), '[]')
          FROM (SELECT p.id, p.images FROM portfolio_items p WHERE p.artist_id = a.id
                 ORDER BY p.position, p.id LIMIT {thumbnails}) p) AS thumbnails
  FROM ({inner}) h
  JOIN artists a ON a.id = h.id
  LEFT JOIN studios st ON st.id = a.studio_id
  {next_free}
 ORDER BY h.sort_key {direction}, h.id {direction}
"""


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


def _filters(query: ArtistQuery, now: datetime) -> _Where:
    where = _Where()
    where.params.update(now=now, currency=query.currency, q=query.q)
    if query.q is not None:
        where.add(
            f"({DOCUMENT} %%> inkslot_fold(%(q)s) OR a.studio_id IN"  # noqa: S608
            " (SELECT s.id FROM studios s WHERE inkslot_fold(s.name) %%> inkslot_fold(%(q)s)))"
        )
    if query.styles:
        operator = "@>" if query.styles_match is StylesMatch.ALL else "&&"
        where.add(f"a.styles {operator} %(styles)s::text[]", styles=list(query.styles))
    if query.near is not None:
        near = query.near
        where.params.update(lat=near.lat, lng=near.lng, radius=near.radius_m)
        # Two index paths (the artist's own place; else their studio's), then the exact test.
        where.add(
            f"a.id IN (SELECT a2.id FROM artists a2 WHERE a2.status = 'approved'"  # noqa: S608
            f" AND NOT a2.suspended AND a2.lat IS NOT NULL"
            f" AND earth_box({POINT}, %(radius)s) @> inkslot_earth_point(a2.lat, a2.lng)"
            f" UNION ALL SELECT a3.id FROM studios s3 JOIN artists a3 ON a3.studio_id = s3.id"
            f" WHERE a3.lat IS NULL AND s3.lat IS NOT NULL"
            f" AND earth_box({POINT}, %(radius)s) @> inkslot_earth_point(s3.lat, s3.lng))"
        )
        where.add(f"earth_distance({POINT}, {PLACE}) <= %(radius)s")
    if query.city is not None:
        where.add(
            "inkslot_fold(coalesce(a.city, (SELECT s.city FROM studios s"
            " WHERE s.id = a.studio_id))) = inkslot_fold(%(city)s)",
            city=query.city,
        )
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
            "nf.start < %(now)s + %(free_days)s * interval '1 day'",
            free_days=query.free_within.days,
        )
    return where


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
        if query.q is not None:
            return "relevance", _RELEVANCE, "DESC"
        return "relevance", RATING, "DESC"
    key, direction = _SORTS[sort]
    return sort.value, key, direction


def artist_search_sql(query: ArtistQuery, now: datetime) -> tuple[str, dict[str, Any], str]:
    """The statement of one page, its parameters and the cursor's order name."""
    where = _filters(query, now)
    name, key, direction = _order(query)
    next_free = NEXT_FREE.format(service=_service_filter(query, where.params))
    needs_free = query.free_within is not None or query.sort is ArtistSort.SOONEST
    after = ""
    if query.after is not None:
        value, row_id = cursor.decode(name, query.after)
        comparison = "<" if direction == "DESC" else ">"
        after = f"WHERE (h.sort_key, h.id) {comparison} (%(after_key)s, %(after_id)s)"
        where.params.update(after_key=value, after_id=row_id)
    inner = (
        f"SELECT * FROM (SELECT a.id, {key} AS sort_key FROM artists a"  # noqa: S608
        f" {next_free if needs_free else ''} WHERE {where.sql}) h {after}"
        f" ORDER BY h.sort_key {direction}, h.id {direction} LIMIT %(limit)s"
    )
    where.params["limit"] = query.page_size + 1
    distance = f"earth_distance({POINT}, {PLACE})" if query.near is not None else "NULL::float8"
    sql = _DRESS.format(
        inner=inner,
        distance=distance,
        thumbnails=THUMBNAILS,
        next_free=next_free,
        direction=direction,
    )
    return sql, where.params, name


def _hit(row: Mapping[str, Any], currency: str) -> ArtistHit:
    thumbnails = tuple(
        Thumbnail(PortfolioItemId(UUID(item_id)), variants_of(images))
        for item_id, images in row["thumbnails"]
    )
    price = row["lowest_price"]
    start = row["next_start"]
    return ArtistHit(
        artist=artist_of(row),
        studio_name=row["studio_name"],
        thumbnails=thumbnails,
        lowest_price=None if price is None else Money(price, currency),
        distance_km=None if row["distance_m"] is None else row["distance_m"] / 1000.0,
        next_free=None if start is None else NextSlot(start, ServiceId(row["next_service_id"])),
    )


def _page(
    rows: Sequence[Mapping[str, Any]], size: int, name: str
) -> tuple[Sequence[Mapping[str, Any]], str | None]:
    if len(rows) <= size:
        return rows, None
    last = rows[size - 1]
    key = last["sort_key"]
    return rows[:size], cursor.encode(name, str(key) if isinstance(key, UUID) else key, last["id"])


_PORTFOLIO = """
SELECT p.*, h.sort_key, {distance} AS distance_m
  FROM (SELECT * FROM (
          SELECT p.id, {key} AS sort_key
            FROM portfolio_items p JOIN artists a ON a.id = p.artist_id
           WHERE {where}) h {after}
         ORDER BY h.sort_key {direction}, h.id {direction} LIMIT %(limit)s) h
  JOIN portfolio_items p ON p.id = h.id
  JOIN artists a ON a.id = p.artist_id
 ORDER BY h.sort_key {direction}, h.id {direction}
"""
_PORTFOLIO_DOCUMENT = "inkslot_portfolio_document(p.description, p.style_tags)"
_ARTISTS = "SELECT * FROM artists WHERE id = ANY(%(ids)s)"


def portfolio_search_sql(query: PortfolioQuery) -> tuple[str, dict[str, Any], str]:
    where = _Where()
    where.params.update(q=query.q)
    if query.q is not None:
        where.add(f"{_PORTFOLIO_DOCUMENT} %%> inkslot_fold(%(q)s)")
        name, key = "text", f"word_similarity(inkslot_fold(%(q)s), {_PORTFOLIO_DOCUMENT})::float8"
    else:
        # uuid7 ids grow with time: newest first is id order, straight off the primary key.
        name, key = "newest", "p.id"
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
        after = "WHERE (h.sort_key, h.id) < (%(after_key)s, %(after_id)s)"
        where.params.update(after_key=row_id if name == "newest" else value, after_id=row_id)
    where.params["limit"] = query.page_size + 1
    sql = _PORTFOLIO.format(
        distance=distance, key=key, where=where.sql, after=after, direction="DESC"
    )
    return sql, where.params, name


class PostgresArtistSearch(OnConnection, ArtistSearch):
    async def artists(self, query: ArtistQuery, now: datetime) -> CursorPage[ArtistHit]:
        sql, params, name = artist_search_sql(query, now)
        rows = await (await self._conn.execute(sql, params)).fetchall()
        page, next_cursor = _page(rows, query.page_size, name)
        return CursorPage(tuple(_hit(r, query.currency) for r in page), next_cursor)

    async def portfolio(self, query: PortfolioQuery) -> CursorPage[PortfolioHit]:
        sql, params, name = portfolio_search_sql(query)
        rows = await (await self._conn.execute(sql, params)).fetchall()
        page, next_cursor = _page(rows, query.page_size, name)
        ids = list({r["artist_id"] for r in page})
        found = await (await self._conn.execute(_ARTISTS, {"ids": ids})).fetchall()
        artists = {r["id"]: artist_of(r) for r in found}
        hits = tuple(
            PortfolioHit(
                item=portfolio_item_of(r),
                artist=artists[r["artist_id"]],
                like_count=r["like_count"],
                distance_km=None if r["distance_m"] is None else r["distance_m"] / 1000.0,
            )
            for r in page
        )
        return CursorPage(hits, next_cursor)
