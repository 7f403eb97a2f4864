"""PostgreSQL booking links: the current token sealed with the secret box (the artist's
listing shows it), found by its keyed digest; replaced tokens' digests kept as retired; the
counts one upsert per link and day; bookings made through a link counted from ``bookings``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import bindparam, delete, insert, select, union_all, update

from adapters.postgres.database import Connection
from adapters.postgres.sql import Statement, constant
from adapters.postgres.tables.booking_links import (
    booking_link_days,
    booking_link_retired,
    booking_link_visitors,
    booking_links,
)
from adapters.postgres.tuned.booking_links import COUNT_VISIT, USAGE
from booking_domain.catalog.links import (
    BookingLink,
    BookingLinkId,
    FoundLink,
    LinkCounts,
    LinkUsage,
    LinkUse,
)
from booking_domain.catalog.ports import BookingLinkRepository
from booking_domain.shared import SecretBox
from booking_domain.shared.ids import ArtistId, ServiceId

_L = booking_links.c
_R = booking_link_retired.c
_D = booking_link_days.c

_INSERT = Statement(
    lambda: insert(booking_links).values({c.name: bindparam(c.name) for c in booking_links.c})
)
_GET = Statement(lambda: select(booking_links).where(_L.id == bindparam("id")))
_FOR_ARTIST = Statement(
    lambda: (
        select(booking_links)
        .where(_L.artist_id == bindparam("artist_id"))
        .order_by(_L.service_id.is_not(None), _L.created_at, _L.id)
    )
)
# The old digest is kept (retired) and the row takes the new token, in one statement.
_RETIRE = Statement(
    lambda: insert(booking_link_retired).from_select(
        ["token_digest", "link_id", "created_at"],
        select(_L.token_digest, _L.id, bindparam("now", type_=_L.updated_at.type)).where(
            _L.id == bindparam("id")
        ),
    )
)
_REPLACE = Statement(
    lambda: (
        update(booking_links)
        .where(_L.id == bindparam("id"))
        .values(
            token_sealed=bindparam("token_sealed"),
            token_digest=bindparam("token_digest"),
            token_created_at=bindparam("token_created_at"),
            updated_at=bindparam("token_created_at"),
        )
    )
)
_FIND = Statement(
    lambda: union_all(
        select(booking_links, constant(True).label("current")).where(
            _L.token_digest == bindparam("digest")
        ),
        select(booking_links, constant(False).label("current"))
        .select_from(booking_link_retired.join(booking_links, _L.id == _R.link_id))
        .where(_R.token_digest == bindparam("digest")),
    ).limit(constant(1))
)

# The primary key's leading link_id serves no range of days: this scans the table, which
# holds about two days of visitors, once an hour (the worker's purge).
_FORGET = Statement(
    lambda: delete(booking_link_visitors).where(booking_link_visitors.c.day < bindparam("before"))
)


class PostgresBookingLinkRepository(BookingLinkRepository):
    def __init__(self, connection: Connection, secrets: SecretBox) -> None:
        self._conn = connection
        self._box = secrets

    async def add(self, link: BookingLink, digest: str) -> None:
        await self._conn.execute(_INSERT.text, self._row(link, digest))

    async def get(self, link_id: BookingLinkId) -> BookingLink | None:
        row = await (await self._conn.execute(_GET.text, {"id": link_id})).fetchone()
        return None if row is None else self._link(row)

    async def for_artist(self, artist_id: ArtistId) -> tuple[BookingLink, ...]:
        cursor = await self._conn.execute(_FOR_ARTIST.text, {"artist_id": artist_id})
        return tuple(self._link(row) for row in await cursor.fetchall())

    async def replace_token(self, link: BookingLink, digest: str) -> None:
        await self._conn.execute(_RETIRE.text, {"id": link.id, "now": link.token_created_at})
        row = self._row(link, digest)
        await self._conn.execute(_REPLACE.text, row)

    async def find(self, digest: str) -> FoundLink | None:
        cursor = await self._conn.execute(_FIND.text, {"digest": digest})
        row: Mapping[str, Any] | None = await cursor.fetchone()
        return None if row is None else FoundLink(self._link(row), current=bool(row["current"]))

    async def count_use(
        self, link_id: BookingLinkId, day: date, use: LinkUse, visitor: str
    ) -> bool:
        params = {
            "link_id": link_id,
            "day": day,
            "use": use.value,
            "visitor": visitor,
            "visits": int(use is LinkUse.VISIT),
            "slot_views": int(use is LinkUse.SLOT_VIEW),
        }
        return await (await self._conn.execute(COUNT_VISIT, params)).fetchone() is not None

    async def forget_visitors(self, before: date) -> int:
        cursor = await self._conn.execute(_FORGET.text, {"before": before})
        return cursor.rowcount

    async def usage(self, artist_id: ArtistId, since: date) -> Mapping[BookingLinkId, LinkUsage]:
        params = {
            "artist_id": artist_id,
            "since": since,
            "since_at": datetime.combine(since, time(), tzinfo=UTC),
        }
        rows: Sequence[Mapping[str, Any]] = await (
            await self._conn.execute(USAGE, params)
        ).fetchall()
        return {
            BookingLinkId(row["link_id"]): LinkUsage(
                LinkCounts(int(row["visits"]), int(row["slot_views"]), int(row["bookings"])),
                LinkCounts(
                    int(row["recent_visits"]),
                    int(row["recent_views"]),
                    int(row["recent_bookings"]),
                ),
            )
            for row in rows
        }

    def _row(self, link: BookingLink, digest: str) -> dict[str, Any]:
        return {
            "id": link.id,
            "artist_id": link.artist_id,
            "service_id": link.service_id,
            "token_sealed": self._box.seal(link.token),
            "token_digest": digest,
            "token_created_at": link.token_created_at,
            "created_at": link.created_at,
            "updated_at": link.token_created_at,
        }

    def _link(self, row: Mapping[str, Any]) -> BookingLink:
        service = row["service_id"]
        return BookingLink(
            id=BookingLinkId(row["id"]),
            artist_id=ArtistId(row["artist_id"]),
            service_id=ServiceId(service) if service is not None else None,
            token=self._box.open(row["token_sealed"]),
            created_at=row["created_at"],
            token_created_at=row["token_created_at"],
        )
