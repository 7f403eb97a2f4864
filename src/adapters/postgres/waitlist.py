"""PostgreSQL waitlist entries, settings and the reader's feed position.

The reader's look for candidates is served by the partial index of waiting entries (the
artist's, first come first served); a customer's list and count by the customer's index;
the artist's figures by ``(artist_id, offered_at)``: one aggregate over the offers of the
period (a handful a day for the busiest artist) and a count of those waiting."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import (
    BigInteger,
    and_,
    bindparam,
    delete,
    distinct,
    func,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.dialects.postgresql import insert as pg_insert

from adapters.postgres.bookings import calendar_lock_key
from adapters.postgres.database import OnConnection
from adapters.postgres.sql import Statement, constant, count_of, exact_count, page_in_order
from adapters.postgres.tables.waitlist import (
    waitlist_entries,
    waitlist_feed_position,
    waitlist_settings,
)
from booking_domain.shared.errors import ConcurrentUpdateError, ConflictError
from booking_domain.shared.ids import ArtistId, BookingId, ServiceId, UserId
from booking_domain.shared.pages import Page, PageRequest
from booking_domain.shared.time import Interval
from booking_domain.waitlist import (
    DateRange,
    EntryId,
    EntryStatus,
    Offer,
    ReaderTurn,
    WaitlistEntry,
    WaitlistFeedPosition,
    WaitlistFigures,
    WaitlistRepository,
    WaitlistSettings,
    WaitlistSettingsRepository,
)

_E = waitlist_entries.c
_CHANGING = (
    "status", "updated_at", "version", "offer_booking_id", "offer_start", "offer_until",
    "offered_at", "answered_at", "freed_by",
)  # fmt: skip
_WAITING = _E.status == constant("waiting")

_ADD = Statement(lambda: insert(waitlist_entries).values({c.name: bindparam(c.name) for c in _E}))
_GET = Statement(lambda: select(waitlist_entries).where(_E.id == bindparam("id")))
_GET_FOR_UPDATE = Statement(
    lambda: select(waitlist_entries).where(_E.id == bindparam("id")).with_for_update()
)
_OF_OFFER = Statement(
    lambda: select(waitlist_entries).where(
        _E.offer_booking_id == bindparam("booking_id"), _E.offer_booking_id.is_not(None)
    )
)
_OF_OFFER_FOR_UPDATE = Statement(
    lambda: (
        select(waitlist_entries)
        .where(_E.offer_booking_id == bindparam("booking_id"), _E.offer_booking_id.is_not(None))
        .with_for_update()
    )
)
_UPDATE = Statement(
    lambda: (
        update(waitlist_entries)
        .where(_E.id == bindparam("id"), _E.version == bindparam("expected"))
        .values({name: bindparam(name) for name in _CHANGING})
    )
)
_CUSTOMER = (_E.customer_id == bindparam("customer_id"),)
_CUSTOMER_PAGE = Statement(
    lambda: page_in_order(waitlist_entries, _CUSTOMER, (_E.joined_at.desc(), _E.id.desc()))
)
_CUSTOMER_COUNT = Statement(lambda: exact_count(waitlist_entries, _CUSTOMER))
# Live now: offered, or waiting with a date still to come (an expired entry is no more).
_LIVE_NOW = or_(
    _E.status == constant("offered"),
    and_(_WAITING, _E.window_end > bindparam("now", type_=_E.window_end.type)),
)
_LIVE_COUNT = Statement(lambda: exact_count(waitlist_entries, (*_CUSTOMER, _LIVE_NOW)))
_CANDIDATES = Statement(
    lambda: (
        select(waitlist_entries)
        .where(
            _E.artist_id == bindparam("artist_id"),
            _WAITING,
            _E.window_start < bindparam("span_end", type_=_E.window_start.type),
            _E.window_end > bindparam("span_start", type_=_E.window_end.type),
            _E.window_end > bindparam("now", type_=_E.window_end.type),
        )
        .order_by(_E.joined_at, _E.id)
        .limit(bindparam("limit"))
        .with_for_update()
    )
)


def _figures() -> Any:
    """One row: the offers of the period by outcome, their freed times, those filled, and
    the entries waiting now."""
    since = bindparam("since", type_=_E.offered_at.type)
    now = bindparam("now", type_=_E.offered_at.type)
    made = (_E.artist_id == bindparam("artist_id"), _E.offered_at >= since, _E.offered_at <= now)

    def by(status: str) -> Any:
        return func.count().filter(_E.status == constant(status))

    waiting = (
        select(func.count())
        .where(_E.artist_id == bindparam("artist_id"), _WAITING, _E.window_end > now)
        .scalar_subquery()
    )
    accepted = _E.status == constant("accepted")
    return select(
        waiting.label("waiting"),
        func.count().label("offers"),
        by("accepted").label("accepted"),
        by("declined").label("declined"),
        by("lapsed").label("lapsed"),
        by("withdrawn").label("withdrawn"),
        by("offered").label("open"),
        func.count(distinct(_E.freed_by)).label("slots"),
        func.count(distinct(_E.freed_by)).filter(accepted).label("filled"),
    ).where(*made)


_FIGURES = Statement(_figures)
_HOLD_CUSTOMER = Statement(
    lambda: select(func.pg_advisory_xact_lock(bindparam("key", type_=BigInteger)))
)
_CUSTOMER_SALT = 0x7761697463757374  # "waitcust": apart from the calendars' keys


def customer_lock_key(customer_id: UserId) -> int:
    """A signed 64-bit advisory-lock key of a customer's waitlist: the id's 128 bits folded
    as the calendars' are (``calendar_lock_key``), salted apart from them."""
    return calendar_lock_key(ArtistId(customer_id)) ^ _CUSTOMER_SALT


_REMOVE_OF_CUSTOMER = Statement(
    lambda: delete(waitlist_entries).where(_E.customer_id == bindparam("customer_id"))
)
_REMOVE_OF_ARTIST = Statement(
    lambda: delete(waitlist_entries).where(_E.artist_id == bindparam("artist_id"))
)
_S = waitlist_settings.c
_REMOVE_SETTINGS = Statement(
    lambda: delete(waitlist_settings).where(_S.artist_id == bindparam("artist_id"))
)


def _row(e: WaitlistEntry) -> dict[str, Any]:
    o = e.offer
    return {
        "id": e.id, "customer_id": e.customer_id, "artist_id": e.artist_id,
        "service_id": e.service_id, "first_date": e.dates.first, "last_date": e.dates.last,
        "window_start": e.window.start, "window_end": e.window.end, "status": e.status.value,
        "joined_at": e.joined_at, "updated_at": e.updated_at, "version": e.version,
        "offer_booking_id": None if o is None else o.booking_id,
        "offer_start": None if o is None else o.start,
        "offer_until": None if o is None else o.until,
        "offered_at": None if o is None else o.made_at,
        "answered_at": None if o is None else o.answered_at,
        "freed_by": None if o is None else o.freed_by,
    }  # fmt: skip


def _entry(row: Mapping[str, Any]) -> WaitlistEntry:
    offer = None
    if row["offer_booking_id"] is not None:
        offer = Offer(
            BookingId(row["offer_booking_id"]), row["offer_start"], row["offer_until"],
            row["offered_at"], BookingId(row["freed_by"]), row["answered_at"],
        )  # fmt: skip
    return WaitlistEntry(
        id=EntryId(row["id"]), customer_id=UserId(row["customer_id"]),
        artist_id=ArtistId(row["artist_id"]), service_id=ServiceId(row["service_id"]),
        dates=DateRange(row["first_date"], row["last_date"]),
        window=Interval(row["window_start"], row["window_end"]),
        status=EntryStatus(row["status"]), joined_at=row["joined_at"],
        updated_at=row["updated_at"], version=row["version"], offer=offer,
    )  # fmt: skip


class PostgresWaitlistRepository(OnConnection, WaitlistRepository):
    async def add(self, entry: WaitlistEntry) -> None:
        await self._conn.execute(_ADD.text, _row(entry))

    async def get(self, entry_id: EntryId, *, for_update: bool = False) -> WaitlistEntry | None:
        query = _GET_FOR_UPDATE if for_update else _GET
        return await self._one(query, {"id": entry_id})

    async def of_offer(
        self, booking_id: BookingId, *, for_update: bool = False
    ) -> WaitlistEntry | None:
        query = _OF_OFFER_FOR_UPDATE if for_update else _OF_OFFER
        return await self._one(query, {"booking_id": booking_id})

    async def update(self, entry: WaitlistEntry) -> None:
        row = _row(entry)
        params = {name: row[name] for name in _CHANGING}
        params |= {"id": entry.id, "expected": entry.version - 1}
        changed = await self._conn.execute(_UPDATE.text, params)
        if changed.rowcount != 1:
            raise ConcurrentUpdateError()

    async def of_customer(self, customer_id: UserId, page: PageRequest) -> Page[WaitlistEntry]:
        params = {"customer_id": customer_id}
        paged = params | {"limit": page.page_size, "offset": page.offset}
        rows = await (await self._conn.execute(_CUSTOMER_PAGE.text, paged)).fetchall()
        total = await (await self._conn.execute(_CUSTOMER_COUNT.text, params)).fetchone()
        return Page(tuple(_entry(r) for r in rows), count_of(total), page)

    async def hold_customer(self, customer_id: UserId) -> None:
        # Transaction-scoped: released by COMMIT or ROLLBACK, never leaked to the pool.
        await self._conn.execute(_HOLD_CUSTOMER.text, {"key": customer_lock_key(customer_id)})

    async def live_count(self, customer_id: UserId, now: datetime) -> int:
        params = {"customer_id": customer_id, "now": now}
        return count_of(await (await self._conn.execute(_LIVE_COUNT.text, params)).fetchone())

    async def candidates(
        self, artist_id: ArtistId, span: Interval, now: datetime, *, limit: int
    ) -> tuple[WaitlistEntry, ...]:
        params = {
            "artist_id": artist_id, "span_start": span.start, "span_end": span.end,
            "now": now, "limit": limit,
        }  # fmt: skip
        rows = await (await self._conn.execute(_CANDIDATES.text, params)).fetchall()
        return tuple(_entry(r) for r in rows)

    async def figures(self, artist_id: ArtistId, since: datetime, now: datetime) -> WaitlistFigures:
        params = {"artist_id": artist_id, "since": since, "now": now}
        row = await (await self._conn.execute(_FIGURES.text, params)).fetchone()
        names = (
            "waiting", "offers", "accepted", "declined", "lapsed", "withdrawn", "open", "slots",
            "filled",
        )  # fmt: skip
        return WaitlistFigures(*(count_of(row, name) for name in names))

    async def remove_of_customer(self, customer_id: UserId) -> int:
        gone = await self._conn.execute(_REMOVE_OF_CUSTOMER.text, {"customer_id": customer_id})
        return gone.rowcount

    async def remove_of_artist(self, artist_id: ArtistId) -> int:
        gone = await self._conn.execute(_REMOVE_OF_ARTIST.text, {"artist_id": artist_id})
        await self._conn.execute(_REMOVE_SETTINGS.text, {"artist_id": artist_id})
        return gone.rowcount

    async def _one(self, query: Statement, params: dict[str, Any]) -> WaitlistEntry | None:
        row = await (await self._conn.execute(query.text, params)).fetchone()
        return None if row is None else _entry(row)


_GET_SETTINGS = Statement(
    lambda: select(waitlist_settings).where(_S.artist_id == bindparam("artist_id"))
)
_PUT_SETTINGS = Statement(
    lambda: (
        pg_insert(waitlist_settings)
        .values({c.name: bindparam(c.name) for c in _S})
        .on_conflict_do_update(
            index_elements=[_S.artist_id],
            set_={name: bindparam(name) for name in ("enabled", "hold_minutes", "updated_at")},
        )
    )
)
_MINUTE = 60


def _settings(row: Mapping[str, Any]) -> WaitlistSettings:
    hold = timedelta(minutes=row["hold_minutes"])
    return WaitlistSettings(ArtistId(row["artist_id"]), row["enabled"], hold, row["updated_at"])


class PostgresWaitlistSettingsRepository(OnConnection, WaitlistSettingsRepository):
    async def get(self, artist_id: ArtistId) -> WaitlistSettings | None:
        params = {"artist_id": artist_id}
        row = await (await self._conn.execute(_GET_SETTINGS.text, params)).fetchone()
        return None if row is None else _settings(row)

    async def put(self, settings: WaitlistSettings) -> None:
        minutes = int(settings.hold.total_seconds()) // _MINUTE
        params = {
            "artist_id": settings.artist_id, "enabled": settings.enabled,
            "hold_minutes": minutes, "updated_at": settings.updated_at,
        }  # fmt: skip
        await self._conn.execute(_PUT_SETTINGS.text, params)


WAITLIST_LOCK = 0x696E6B7761697431  # "inkwait1": one reader at a time
_F = waitlist_feed_position.c
_FEED_ROW = constant("offers")
_TAKE_TURN = Statement(
    lambda: select(
        func.pg_try_advisory_xact_lock(bindparam("lock", type_=BigInteger)).label("turn")
    )
)
_POSITION = Statement(lambda: select(_F.after).where(_F.name == _FEED_ROW))
_ADVANCE = Statement(  # forward only
    lambda: (
        update(waitlist_feed_position)
        .where(_F.name == _FEED_ROW, or_(_F.after.is_(None), _F.after < bindparam("after")))
        .values(after=bindparam("after"), updated_at=func.now())
    )
)


class PostgresWaitlistFeedPosition(OnConnection, WaitlistFeedPosition):
    """The turn is a transaction-scoped advisory lock (as search's refresher's: a row lock
    would give every idle look a transaction id); the position is read in the statement
    after the one that takes it, so it is the previous holder's committed one."""

    async def claim(self) -> ReaderTurn | None:
        turn = await (await self._conn.execute(_TAKE_TURN.text, {"lock": WAITLIST_LOCK})).fetchone()
        if turn is None or not turn["turn"]:
            return None
        row = await (await self._conn.execute(_POSITION.text)).fetchone()
        after = None if row is None else row["after"]
        return ReaderTurn(after if isinstance(after, str) else None)

    async def advance(self, cursor: str) -> None:
        moved = await self._conn.execute(_ADVANCE.text, {"after": cursor})
        if moved.rowcount != 1:
            raise ConflictError("The waitlist's feed position would move backwards.")
