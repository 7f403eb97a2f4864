"""PostgreSQL portfolio items."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import bindparam, delete, func, insert, select, update

from adapters.postgres.database import OnConnection
from adapters.postgres.media import variants_json, variants_of
from adapters.postgres.sql import Statement, count_of, page_in_order
from adapters.postgres.tables.media import portfolio_items
from booking_domain.catalog.portfolio import PortfolioItem, PortfolioItemId
from booking_domain.catalog.ports import PortfolioRepository
from booking_domain.shared.ids import ArtistId
from booking_domain.shared.pages import Page, PageRequest

_P = portfolio_items
_INSERT = Statement(
    lambda: insert(_P).values(
        {c.name: bindparam(c.name) for c in _P.c if c.name not in ("like_count", "search_words")}
    )
)
_BY_ID = Statement(lambda: select(_P).where(_P.c.id == bindparam("id")))
_UPDATE = Statement(
    lambda: (
        update(_P)
        .where(_P.c.id == bindparam("id"))
        .values(
            {
                c.name: bindparam(c.name)
                for c in _P.c
                if c.name in ("description", "style_tags", "position", "updated_at")
            }
        )
    )
)
_REMOVE = Statement(lambda: delete(_P).where(_P.c.id == bindparam("id")))
_COUNT = Statement(
    lambda: select(func.count().label("count"), func.max(_P.c.position).label("last")).where(
        _P.c.artist_id == bindparam("artist_id")
    )
)
_PAGE = Statement(
    lambda: page_in_order(_P, [_P.c.artist_id == bindparam("artist_id")], [_P.c.position, _P.c.id])
)


class PostgresPortfolioRepository(OnConnection, PortfolioRepository):
    async def add(self, item: PortfolioItem) -> None:
        await self._conn.execute(_INSERT.text, _params(item))

    async def get(self, item_id: PortfolioItemId) -> PortfolioItem | None:
        row = await (await self._conn.execute(_BY_ID.text, {"id": item_id})).fetchone()
        return None if row is None else portfolio_item_of(row)

    async def update(self, item: PortfolioItem) -> None:
        await self._conn.execute(_UPDATE.text, _params(item))

    async def remove(self, item_id: PortfolioItemId) -> None:
        await self._conn.execute(_REMOVE.text, {"id": item_id})

    async def count_for_artist(self, artist_id: ArtistId) -> int:
        return count_of(await self._counts(artist_id), "count")

    async def last_position(self, artist_id: ArtistId) -> int | None:
        row = await self._counts(artist_id)
        last = None if row is None else row["last"]
        return None if last is None else int(last)

    async def page_for_artist(
        self, artist_id: ArtistId, request: PageRequest
    ) -> Page[PortfolioItem]:
        params = {"artist_id": artist_id, "limit": request.page_size, "offset": request.offset}
        rows = await (await self._conn.execute(_PAGE.text, params)).fetchall()
        total = await self.count_for_artist(artist_id)
        return Page(tuple(portfolio_item_of(r) for r in rows), total, request)

    async def _counts(self, artist_id: ArtistId) -> Mapping[str, Any] | None:
        cursor = await self._conn.execute(_COUNT.text, {"artist_id": artist_id})
        row: Mapping[str, Any] | None = await cursor.fetchone()
        return row


def _params(item: PortfolioItem) -> dict[str, Any]:
    return {
        "id": item.id,
        "artist_id": item.artist_id,
        "upload_id": item.upload_id,
        "images": variants_json(item.images),
        "description": item.description,
        "style_tags": list(item.style_tags),
        "position": item.position,
        "created_at": item.created_at,
        "updated_at": item.updated_at,
    }


def portfolio_item_of(row: Mapping[str, Any]) -> PortfolioItem:
    return PortfolioItem(
        id=PortfolioItemId(row["id"]),
        artist_id=ArtistId(row["artist_id"]),
        upload_id=row["upload_id"],
        images=variants_of(row["images"]),
        description=row["description"],
        style_tags=tuple(row["style_tags"]),
        position=row["position"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )
