"""PostgreSQL flash designs; their sizes are rows of ``services``.

A one-off design is claimed by one statement: the conditional update of its row (``WHERE
claimed_by_booking_id IS NULL``) wins for exactly one of concurrent claims (the others wait
on the row lock, see it claimed and update nothing), and the same statement marks its sizes
taken, which moves the artist's catalogue version (the slot reader's cache sees it).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import bindparam, func, insert, select, update

from adapters.postgres.catalog_rows import service_of
from adapters.postgres.database import OnConnection
from adapters.postgres.media import variants_json, variants_of
from adapters.postgres.sql import Statement, count_of
from adapters.postgres.tables.catalog import flash_designs, services
from adapters.postgres.tuned.flash import CLAIM
from booking_domain.catalog import ClaimOutcome, FlashDesign, FlashDesignId, Service
from booking_domain.catalog.ports import FlashRepository, SheetEntry
from booking_domain.shared.ids import ArtistId, BookingId, ServiceId

_D = flash_designs
_INSERT = Statement(
    lambda: insert(_D).values({c.name: bindparam(c.name) for c in _D.c if c.name != "removed"})
)
_BY_ID = Statement(lambda: select(_D).where(_D.c.id == bindparam("id")))
_UPDATE = Statement(
    lambda: (
        update(_D)
        .where(_D.c.id == bindparam("id"))
        .values(
            {
                c.name: bindparam(c.name)
                for c in _D.c
                if c.name in ("title", "tags", "removed", "updated_at")
            }
        )
    )
)
_COUNT = Statement(
    lambda: select(func.count().label("count")).where(
        _D.c.artist_id == bindparam("artist_id"), _D.c.removed.is_(False)
    )
)
_SHEET = Statement(
    lambda: (
        select(_D)
        .where(_D.c.artist_id == bindparam("artist_id"), _D.c.removed.is_(False))
        .order_by(_D.c.created_at, _D.c.id)
    )
)
_SIZES_OF_ARTIST = Statement(
    lambda: (
        select(services)
        .where(services.c.artist_id == bindparam("artist_id"))
        .where(services.c.flash_design_id.is_not(None))
        .order_by(services.c.price_amount, services.c.name, services.c.id)
    )
)
_SIZES_OF_DESIGN = Statement(
    lambda: (
        select(services)
        .where(services.c.flash_design_id == bindparam("design_id"))
        .order_by(services.c.price_amount, services.c.name, services.c.id)
    )
)


def _params(design: FlashDesign) -> dict[str, Any]:
    return {
        "id": design.id,
        "artist_id": design.artist_id,
        "title": design.title,
        "upload_id": design.upload_id,
        "images": variants_json(design.images),
        "tags": list(design.tags),
        "one_off": design.one_off,
        "claimed_by_booking_id": design.claimed_by,
        "removed": design.removed,
        "created_at": design.created_at,
        "updated_at": design.updated_at,
    }


def _design_of(row: Mapping[str, Any]) -> FlashDesign:
    claimed = row["claimed_by_booking_id"]
    return FlashDesign(
        id=FlashDesignId(row["id"]),
        artist_id=ArtistId(row["artist_id"]),
        title=row["title"],
        upload_id=row["upload_id"],
        images=variants_of(row["images"]),
        tags=tuple(row["tags"]),
        one_off=row["one_off"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        claimed_by=None if claimed is None else BookingId(claimed),
        removed=row["removed"],
    )


class PostgresFlashRepository(OnConnection, FlashRepository):
    async def add(self, design: FlashDesign) -> None:
        await self._conn.execute(_INSERT.text, _params(design))

    async def get(self, design_id: FlashDesignId) -> FlashDesign | None:
        row = await (await self._conn.execute(_BY_ID.text, {"id": design_id})).fetchone()
        return None if row is None else _design_of(row)

    async def update(self, design: FlashDesign) -> None:
        await self._conn.execute(_UPDATE.text, _params(design))

    async def count_for_artist(self, artist_id: ArtistId) -> int:
        row = await (await self._conn.execute(_COUNT.text, {"artist_id": artist_id})).fetchone()
        return count_of(row, "count")

    async def sheet(self, artist_id: ArtistId) -> tuple[SheetEntry, ...]:
        params = {"artist_id": artist_id}
        designs = [
            _design_of(r) for r in await (await self._conn.execute(_SHEET.text, params)).fetchall()
        ]
        if not designs:
            return ()
        sizes: dict[Any, list[Service]] = {d.id: [] for d in designs}
        for row in await (await self._conn.execute(_SIZES_OF_ARTIST.text, params)).fetchall():
            size = service_of(row)
            if size.flash is not None and size.flash.design_id in sizes:
                sizes[size.flash.design_id].append(size)
        return tuple(SheetEntry(d, tuple(sizes[d.id])) for d in designs)

    async def variants(self, design_id: FlashDesignId) -> tuple[Service, ...]:
        cursor = await self._conn.execute(_SIZES_OF_DESIGN.text, {"design_id": design_id})
        return tuple(service_of(r) for r in await cursor.fetchall())

    async def claim(self, service_id: ServiceId, booking_id: BookingId) -> ClaimOutcome:
        params = {"service_id": service_id, "booking_id": booking_id}
        row = await (await self._conn.execute(CLAIM, params)).fetchone()
        if row is None or not row["one_off"]:
            return ClaimOutcome.NOT_ONE_OFF
        return ClaimOutcome.CLAIMED if row["won"] else ClaimOutcome.TAKEN
