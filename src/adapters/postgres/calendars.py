"""PostgreSQL calendar feeds: one row per person, keyed by its owner; and the read of what a
feed lists, one query for its owner and one for its entries (with joins, whatever the
number of bookings and the names they show)."""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial
from typing import Any

from sqlalchemy import Select, bindparam, func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert

from adapters.postgres.database import OnConnection
from adapters.postgres.sql import Statement, constant
from adapters.postgres.tables.accounts import users
from adapters.postgres.tables.bookings import bookings, clients
from adapters.postgres.tables.calendars import calendar_feeds
from adapters.postgres.tables.catalog import artists, services
from booking_domain.bookings import BookingStatus
from booking_domain.calendars import (
    CalendarFeed,
    CalendarFeedReader,
    CalendarFeedRepository,
    FeedEntry,
    FeedOwner,
    FeedSide,
)
from booking_domain.shared import Role, UserId
from booking_domain.shared.ids import BookingId
from booking_domain.shared.time import Interval

_F = calendar_feeds.c


def _values() -> dict[str, Any]:
    return {
        "owner_id": bindparam("owner_id"),
        "nonce": bindparam("nonce"),
        "lookup": bindparam("lookup"),
        "created_at": bindparam("created_at"),
        "updated_at": bindparam("created_at"),
    }


# A concurrent first use of the same owner waits for the first insert, then inserts nothing.
_ADD = Statement(
    lambda: (
        pg_insert(calendar_feeds)
        .values(**_values())
        .on_conflict_do_nothing(index_elements=[_F.owner_id])
        .returning(_F.owner_id)
    )
)
_REPLACE = Statement(
    lambda: (
        pg_insert(calendar_feeds)
        .values(**_values())
        .on_conflict_do_update(
            index_elements=[_F.owner_id],
            set_={
                "nonce": bindparam("nonce"),
                "lookup": bindparam("lookup"),
                "created_at": bindparam("created_at"),
                "updated_at": bindparam("created_at"),
            },
        )
    )
)
_OF_OWNER = Statement(lambda: select(calendar_feeds).where(_F.owner_id == bindparam("owner_id")))
_BY_LOOKUP = Statement(lambda: select(calendar_feeds).where(_F.lookup == bindparam("lookup")))


def _feed(row: Mapping[str, Any]) -> CalendarFeed:
    return CalendarFeed(UserId(row["owner_id"]), row["nonce"], row["lookup"], row["created_at"])


def _params(feed: CalendarFeed) -> dict[str, object]:
    return {
        "owner_id": feed.owner_id,
        "nonce": feed.nonce,
        "lookup": feed.lookup,
        "created_at": feed.created_at,
    }


class PostgresCalendarFeedRepository(OnConnection, CalendarFeedRepository):
    async def of_owner(self, owner_id: UserId) -> CalendarFeed | None:
        row = await (await self._conn.execute(_OF_OWNER.text, {"owner_id": owner_id})).fetchone()
        return None if row is None else _feed(row)

    async def by_lookup(self, lookup: str) -> CalendarFeed | None:
        row = await (await self._conn.execute(_BY_LOOKUP.text, {"lookup": lookup})).fetchone()
        return None if row is None else _feed(row)

    async def add(self, feed: CalendarFeed) -> CalendarFeed:
        if await (await self._conn.execute(_ADD.text, _params(feed))).fetchone() is not None:
            return feed
        stored = await self.of_owner(feed.owner_id)
        assert stored is not None  # the conflict was its row
        return stored

    async def replace(self, feed: CalendarFeed) -> None:
        await self._conn.execute(_REPLACE.text, _params(feed))


_OWNER = Statement(
    lambda: (
        select(users.c.id, users.c.role, users.c.disabled, users.c.deleted_at)
        .select_from(calendar_feeds.join(users, users.c.id == _F.owner_id))
        .where(_F.lookup == bindparam("lookup"))
    )
)


def _entries(side: FeedSide) -> Select[Any]:
    """The owner's bookings of one side in the window, latest start first, with the names
    their events show; the owner's index (``ix_bookings_<party>_start``) gives the order."""
    b, party = bookings.c, users.alias("party")
    joined = bookings.outerjoin(artists, artists.c.id == b.artist_id).outerjoin(
        services, services.c.id == b.service_id
    )
    if side is FeedSide.ARTIST:
        owner = b.artist_user_id
        joined = joined.outerjoin(party, party.c.id == b.customer_id).outerjoin(
            clients, clients.c.id == b.client_id
        )
        # A booking is for a customer or (booked by the artist) a client record: one.
        other = func.coalesce(party.c.name, clients.c.name, constant(""))
    else:
        owner = b.customer_id
        other = func.coalesce(artists.c.display_name, constant(""))
    return (
        select(
            b.id, b.reference, b.version, b.status, b.starts_at, b.ends_at, b.updated_at,
            func.coalesce(artists.c.time_zone, constant("UTC")).label("time_zone"),
            func.coalesce(services.c.name, constant("")).label("service_name"),
            other.label("other_party"),
        )
        .select_from(joined)
        .where(
            owner == bindparam("owner_id"),
            b.starts_at >= bindparam("starts_from"),
            b.starts_at < bindparam("starts_before"),
        )
        .order_by(b.starts_at.desc(), b.id.desc())
        .limit(bindparam("limit"))
    )  # fmt: skip


_ENTRIES = {side: Statement(partial(_entries, side)) for side in FeedSide}


def _owner(row: Mapping[str, Any]) -> FeedOwner:
    return FeedOwner(
        UserId(row["id"]), Role(row["role"]), row["disabled"], row["deleted_at"] is not None
    )


def _entry(row: Mapping[str, Any]) -> FeedEntry:
    return FeedEntry(
        booking_id=BookingId(row["id"]), reference=row["reference"], version=row["version"],
        status=BookingStatus(row["status"]), start=row["starts_at"], end=row["ends_at"],
        updated_at=row["updated_at"], time_zone=row["time_zone"],
        service_name=row["service_name"], other_party=row["other_party"],
    )  # fmt: skip


class PostgresCalendarFeedReader(OnConnection, CalendarFeedReader):
    async def owner(self, lookup: str) -> FeedOwner | None:
        row = await (await self._conn.execute(_OWNER.text, {"lookup": lookup})).fetchone()
        return None if row is None else _owner(row)

    async def entries(
        self, owner_id: UserId, side: FeedSide, window: Interval, limit: int
    ) -> tuple[FeedEntry, ...]:
        params = {
            "owner_id": owner_id,
            "starts_from": window.start,
            "starts_before": window.end,
            "limit": limit,
        }
        rows = await (await self._conn.execute(_ENTRIES[side].text, params)).fetchall()
        return tuple(_entry(row) for row in rows)
