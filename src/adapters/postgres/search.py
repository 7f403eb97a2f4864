"""PostgreSQL artist and portfolio search (the read port of the search context): the
statements of ``tuned.search``, their rows as hits, and the near words of a query's words."""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any
from uuid import UUID

import msgspec

from adapters.postgres.database import Connection
from adapters.postgres.media import StoredVariant, variants_from_json
from adapters.postgres.portfolio import portfolio_item_of
from adapters.postgres.tuned.search import (
    ARTISTS,
    SIMILAR_WORDS,
    artist_search_sql,
    dress_sql,
    portfolio_search_sql,
)
from booking_domain.catalog.portfolio import PortfolioItemId
from booking_domain.search import cursor
from booking_domain.search.ports import ArtistSearch
from booking_domain.search.queries import ArtistQuery, PortfolioQuery
from booking_domain.search.results import (
    ArtistHit,
    ArtistSummary,
    CursorPage,
    NextSlot,
    PortfolioHit,
    Thumbnail,
)
from booking_domain.search.text import words
from booking_domain.shared.ids import ArtistId, ServiceId, StudioId
from booking_domain.shared.money import Money


class SimilarWords:
    """Remembers each word's near words for ``SIMILAR_WORDS_TTL`` seconds (one per process
    and database: the unit-of-work factory owns it): people type the same words again and
    again, and the vocabulary grows slowly. A word indexed since is found exactly at once,
    and by its near misses within the TTL."""

    def __init__(self, capacity: int = 10_000) -> None:
        self._capacity = capacity
        self._entries: OrderedDict[str, tuple[float, list[str]]] = OrderedDict()

    async def of(self, conn: Connection, q: str | None) -> dict[str, list[str]]:
        if q is None:
            return {}
        now, asked = time.monotonic(), words(q)
        known: dict[str, list[str]] = {}
        for word in asked:
            entry = self._entries.get(word)
            if entry is not None and entry[0] > now:
                known[word] = entry[1]
        missing = [w for w in asked if w not in known]
        if missing:
            found = await conn.execute(SIMILAR_WORDS, {"words": missing})
            rows: Sequence[Mapping[str, Any]] = await found.fetchall()
            for row in rows:
                known[row["word"]] = row["similar"]
                self._remember(row["word"], now, row["similar"])
        return {word: known[word] for word in asked}

    def _remember(self, key: str, now: float, similar: list[str]) -> None:
        self._entries[key] = (now + SIMILAR_WORDS_TTL, similar)
        self._entries.move_to_end(key)
        if len(self._entries) > self._capacity:
            self._entries.popitem(last=False)


SIMILAR_WORDS_TTL = 30.0


def summary_of(row: Mapping[str, Any]) -> ArtistSummary:
    studio = row["studio_id"]
    return ArtistSummary(
        id=ArtistId(row["id"]),
        display_name=row["display_name"],
        bio=row["bio"],
        styles=tuple(row["styles"]),
        city=row["city"],
        studio_id=None if studio is None else StudioId(studio),
        review_count=row["review_count"],
        rating_total=row["rating_total"],
        avatar=variants_from_json(row["avatar"]),
        cover=variants_from_json(row["cover"]),
    )


def _hit(row: Mapping[str, Any], currency: str) -> ArtistHit:
    thumbnails = tuple(
        Thumbnail(PortfolioItemId(item_id), tuple(v.variant() for v in images))
        for item_id, images in _thumbnails(row["thumbnails"])
    )
    price = row["lowest_price"]
    start = row["next_start"]
    return ArtistHit(
        artist=summary_of(row),
        studio_name=row["studio_name"],
        thumbnails=thumbnails,
        lowest_price=None if price is None else Money(price, currency),
        distance_km=None if row["distance_m"] is None else row["distance_m"] / 1000.0,
        next_free=None if start is None else NextSlot(start, ServiceId(row["next_service_id"])),
    )


_json = msgspec.json.Decoder(list[Any]).decode
_thumbnails = msgspec.json.Decoder(list[tuple[UUID, list[StoredVariant]]]).decode


def _page(
    rows: Sequence[Mapping[str, Any]], size: int, name: str
) -> tuple[Sequence[Mapping[str, Any]], str | None]:
    if len(rows) <= size:
        return rows, None
    last = rows[size - 1]
    key = last["sort_key"]
    return rows[:size], cursor.encode(name, str(key) if isinstance(key, UUID) else key, last["id"])


class PostgresArtistSearch(ArtistSearch):
    def __init__(self, connection: Connection, similar: SimilarWords) -> None:
        self._conn = connection
        self._similar = similar

    async def artists(self, query: ArtistQuery, now: datetime) -> CursorPage[ArtistHit]:
        sql, params, name = artist_search_sql(
            query, now, await self._similar.of(self._conn, query.q)
        )
        # Planned for these values every time: a generic plan cannot know how many rows a
        # place or a word holds, and picks badly (psycopg would prepare it after 5 runs).
        rows = await (await self._conn.execute(sql, params, prepare=False)).fetchall()
        page, next_cursor = _page(rows, query.page_size, name)
        if not page:
            return CursorPage((), None)
        sql, params = dress_sql(query, now, page)
        cards = await (await self._conn.execute(sql, params)).fetchall()
        return CursorPage(tuple(_hit(r, query.currency) for r in cards), next_cursor)

    async def portfolio(self, query: PortfolioQuery) -> CursorPage[PortfolioHit]:
        similar = await self._similar.of(self._conn, query.q)
        sql, params, name = portfolio_search_sql(query, similar)
        # Planned for these values every time: a generic plan cannot know how many rows a
        # place or a word holds, and picks badly (psycopg would prepare it after 5 runs).
        rows = await (await self._conn.execute(sql, params, prepare=False)).fetchall()
        page, next_cursor = _page(rows, query.page_size, name)
        ids = list({r["artist_id"] for r in page})
        found = await (await self._conn.execute(ARTISTS, {"ids": ids})).fetchall()
        artists = {r["id"]: summary_of(r) for r in found}
        hits = tuple(
            PortfolioHit(
                item=portfolio_item_of({**r, "images": _json(r["images"])}),
                artist=artists[r["artist_id"]],
                like_count=r["like_count"],
                distance_km=None if r["distance_m"] is None else r["distance_m"] / 1000.0,
            )
            for r in page
        )
        return CursorPage(hits, next_cursor)
