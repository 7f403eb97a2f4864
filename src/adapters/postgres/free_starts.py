"""PostgreSQL: the free-starts projection (``booking_domain.search.free_starts``), the
refresher's place in the outbox's feed, and portfolio likes. The projection's two reads and
the taste read are hand-tuned text (``adapters.postgres.tuned``)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    any_,
    bindparam,
    delete,
    func,
    insert,
    not_,
    or_,
    select,
    update,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.dialects.postgresql import insert as pg_insert

from adapters.postgres.catalog_rows import artist_of, service_of
from adapters.postgres.database import OnConnection
from adapters.postgres.sql import Statement, constant
from adapters.postgres.tables.catalog import artists, services
from adapters.postgres.tables.media import portfolio_items
from adapters.postgres.tables.search import (
    portfolio_likes,
    search_calendars,
    search_feed_position,
    search_free_starts,
)
from adapters.postgres.tuned.free_starts import CALENDAR, DUE
from adapters.postgres.tuned.search import FLASH_TAGS, TASTE
from booking_domain.catalog.portfolio import PortfolioItemId
from booking_domain.scheduling import BusyTimeline, DateOverride, LocalWindow, Schedule, WeeklyRule
from booking_domain.search.free_starts import (
    ArtistCalendar,
    CalendarProjection,
    read_window,
)
from booking_domain.search.ports import (
    FeedPosition,
    FreeStartsProjection,
    PortfolioLikes,
    SearchFeedPosition,
)
from booking_domain.search.recommendations import SEEN_ENOUGH_LIKES, Taste
from booking_domain.shared.errors import ConflictError
from booking_domain.shared.ids import ArtistId, UserId

# The version first: a change that lands between this and the reads below leaves the
# stored version behind the data, so the artist is simply computed once more.
_ARTIST = Statement(lambda: select(artists).where(artists.c.id == bindparam("artist_id")))
_SERVICES = Statement(
    lambda: (
        select(services)
        .where(services.c.artist_id == bindparam("artist_id"), services.c.active)
        .order_by(services.c.id)
    )
)
_C = search_calendars.c


def _build_store_calendar() -> Any:
    # wanted_version is the trigger's: a change during the computation leaves the artist due.
    statement = pg_insert(search_calendars).values(
        artist_id=bindparam("artist_id"),
        catalog_version=bindparam("catalog_version", type_=_C.catalog_version.type),
        wanted_version=bindparam("catalog_version", type_=_C.wanted_version.type),
        computed_at=bindparam("computed_at"),
        valid_until=bindparam("valid_until"),
    )
    new = statement.excluded
    return statement.on_conflict_do_update(
        index_elements=[_C.artist_id],
        set_={
            **{name: new[name] for name in ("catalog_version", "computed_at", "valid_until")},
            "updated_at": func.now(),
        },
    )


_STORE_CALENDAR = Statement(_build_store_calendar)
_S = search_free_starts.c
_FORGET_STARTS = Statement(
    lambda: delete(search_free_starts).where(_S.artist_id == bindparam("artist_id"))
)
_FORGET_STARTS_OF_ALL = Statement(
    lambda: delete(search_free_starts).where(
        _S.artist_id == any_(bindparam("artist_ids", type_=ARRAY(_S.artist_id.type)))
    )
)
_STORE_STARTS = Statement(
    lambda: insert(search_free_starts).values(
        artist_id=bindparam("artist_id"),
        service_id=bindparam("service_id"),
        step_seconds=bindparam("step", type_=_S.step_seconds.type),
        first_start=bindparam("first", type_=_S.first_start.type),
        run_firsts=bindparam("firsts", type_=_S.run_firsts.type),
        run_lasts=bindparam("lasts", type_=_S.run_lasts.type),
    ),
    binary=("firsts", "lasts"),  # a run per free stretch: arrays of hundreds
)


def _schedule(row: Mapping[str, Any]) -> Schedule:
    rules = tuple(WeeklyRule(day, start, end) for day, start, end in row["rules"])
    overrides = tuple(
        DateOverride(date.fromisoformat(on), tuple(LocalWindow(s, e) for s, e in windows))
        for on, windows in row["overrides"]
    )
    return Schedule(rules, overrides)


class PostgresFreeStartsProjection(OnConnection, FreeStartsProjection):
    async def due(self, now: datetime, limit: int) -> Sequence[ArtistId]:
        rows: Sequence[Mapping[str, Any]] = await (
            await self._conn.execute(DUE, {"now": now, "limit": limit})
        ).fetchall()
        return [ArtistId(r["id"]) for r in rows]

    async def calendar(self, artist_id: ArtistId, now: datetime) -> ArtistCalendar | None:
        key = {"artist_id": artist_id}
        artist_row: Mapping[str, Any] | None = await (
            await self._conn.execute(_ARTIST.text, key)
        ).fetchone()
        if artist_row is None:
            return None
        services = await (await self._conn.execute(_SERVICES.text, key)).fetchall()
        window = read_window(now)
        params = {
            **key,
            "now": now,
            "window_start": window.start,
            "window_end": window.end,
            "first": window.start.date(),
            "last": window.end.date(),
        }
        row: Mapping[str, Any] | None = await (
            await self._conn.execute(CALENDAR, params)
        ).fetchone()
        assert row is not None  # an aggregate always answers
        return ArtistCalendar(
            artist=artist_of(artist_row),
            services=tuple(service_of(s) for s in services),
            schedule=_schedule(row),
            busy=BusyTimeline.of_epochs(
                row["lows"] + row["outside_lows"],
                row["highs"] + row["outside_highs"],
                row["starts"],
            ),
            next_hold_expiry=row["next_hold_expiry"],
            catalog_version=artist_row["catalog_version"],
        )

    async def store_all(self, projections: Sequence[CalendarProjection]) -> None:
        """Three statements for the whole batch, each sent once with all its rows
        (``_write_rows`` pipelines them: one round trip each): the calendars, then their old
        starts forgotten, then the new starts. A batch of 200 artists was a thousand
        round trips, each a turn of a busy worker's event loop, while the refresh's
        transaction held the outbox feed's horizon back (``refreshing.py``)."""
        if not projections:
            return
        calendars = [
            {
                "artist_id": p.artist_id,
                "catalog_version": p.catalog_version,
                "computed_at": p.computed_at,
                "valid_until": p.valid_until,
            }
            for p in projections
        ]
        await self._write_rows(_STORE_CALENDAR.text, calendars)
        forget = {"artist_ids": [p.artist_id for p in projections]}
        await self._conn.execute(_FORGET_STARTS_OF_ALL.text, forget)
        starts = [
            {
                "artist_id": p.artist_id,
                "service_id": service.service_id,
                "step": service.step_seconds,
                "first": service.first,
                "firsts": [run.first for run in service.runs],
                "lasts": [run.last for run in service.runs],
            }
            for p in projections
            for service in p.services
        ]
        await self._write_rows(_STORE_STARTS.text, starts)

    async def offer_nothing(self, artist_id: ArtistId, now: datetime, until: datetime) -> None:
        key = {"artist_id": artist_id}
        await self._conn.execute(_FORGET_STARTS.text, key)
        await self._conn.execute(_OFFER_NOTHING.text, {**key, "now": now, "until": until})


_OFFER_NOTHING = Statement(
    lambda: (
        update(search_calendars)
        .where(_C.artist_id == bindparam("artist_id"))
        .values(
            catalog_version=_C.wanted_version,
            computed_at=bindparam("now", type_=_C.computed_at.type),
            valid_until=bindparam("until", type_=_C.valid_until.type),
            updated_at=func.now(),
        )
    )
)


SEARCH_LOCK = 0x696E6B7365617263  # "inksearc": one refresher at a time
_TAKE_TURN = Statement(
    lambda: select(
        func.pg_try_advisory_xact_lock(bindparam("lock", type_=BigInteger)).label("turn")
    )
)
_F = search_feed_position.c
_FEED_ROW = constant("free_starts")
_POSITION = Statement(lambda: select(_F.after).where(_F.name == _FEED_ROW))
# Forward only: a position never moves back.
_ADVANCE = Statement(
    lambda: (
        update(search_feed_position)
        .where(_F.name == _FEED_ROW, or_(_F.after.is_(None), _F.after < bindparam("after")))
        .values(after=bindparam("after"), updated_at=func.now())
    )
)


class PostgresSearchFeedPosition(OnConnection, SearchFeedPosition):
    async def claim(self) -> FeedPosition | None:
        turn = await (await self._conn.execute(_TAKE_TURN.text, {"lock": SEARCH_LOCK})).fetchone()
        if turn is None or not turn["turn"]:
            return None
        row = await (await self._conn.execute(_POSITION.text)).fetchone()
        after = None if row is None else row["after"]
        return FeedPosition(after if isinstance(after, str) else None)

    async def advance(self, cursor: str) -> None:
        moved = await self._conn.execute(_ADVANCE.text, {"after": cursor})
        if moved.rowcount != 1:
            raise ConflictError("The search feed position would move backwards.")


_P, _L = portfolio_items.c, portfolio_likes.c
_VISIBLE_ITEM = Statement(
    lambda: (
        select(constant(1))
        .select_from(portfolio_items.join(artists, artists.c.id == _P.artist_id))
        .where(
            _P.id == bindparam("item_id"),
            artists.c.status == constant("approved"),
            not_(artists.c.suspended),
        )
    )
)


def _build_like() -> Any:
    """A like, and the item's count moved with it only when the like is new."""
    added = (
        pg_insert(portfolio_likes)
        .values(
            item_id=bindparam("item_id"), user_id=bindparam("user_id"), created_at=bindparam("at")
        )
        .on_conflict_do_nothing()
        .returning(_L.item_id)
        .cte("added")
    )
    return (
        update(portfolio_items)
        .where(_P.id.in_(select(added.c.item_id)))
        .values(like_count=_P.like_count + constant(1))
    )


def _build_unlike() -> Any:
    """A like taken back, and the item's count with it only when there was one."""
    gone = (
        delete(portfolio_likes)
        .where(_L.item_id == bindparam("item_id"), _L.user_id == bindparam("user_id"))
        .returning(_L.item_id)
        .cte("gone")
    )
    return (
        update(portfolio_items)
        .where(_P.id.in_(select(gone.c.item_id)))
        .values(like_count=_P.like_count - constant(1))
    )


_LIKE = Statement(_build_like)
_UNLIKE = Statement(_build_unlike)


class PostgresPortfolioLikes(OnConnection, PortfolioLikes):
    async def is_visible(self, item_id: PortfolioItemId) -> bool:
        found = await (
            await self._conn.execute(_VISIBLE_ITEM.text, {"item_id": item_id})
        ).fetchone()
        return found is not None

    async def like(self, item_id: PortfolioItemId, user_id: UserId, at: datetime) -> None:
        await self._conn.execute(_LIKE.text, {"item_id": item_id, "user_id": user_id, "at": at})

    async def unlike(self, item_id: PortfolioItemId, user_id: UserId) -> None:
        await self._conn.execute(_UNLIKE.text, {"item_id": item_id, "user_id": user_id})

    async def taste(self, user_id: UserId) -> Taste:
        params = {"user_id": user_id, "seen_enough": SEEN_ENOUGH_LIKES}
        row: Mapping[str, Any] | None = await (await self._conn.execute(TASTE, params)).fetchone()
        assert row is not None
        return Taste(
            liked=Counter(row["liked"]),
            booked=Counter(row["booked"]),
            city=row["city"],
            seen_enough=frozenset(ArtistId(a) for a in row["seen_enough"]),
        )

    async def flash_tags(
        self, artist_ids: Sequence[ArtistId], tags: Sequence[str]
    ) -> Mapping[ArtistId, tuple[str, ...]]:
        if not artist_ids or not tags:
            return {}
        params = {"artist_ids": list(artist_ids), "tags": list(tags)}
        rows: Sequence[Mapping[str, Any]] = await (
            await self._conn.execute(FLASH_TAGS, params)
        ).fetchall()
        return {ArtistId(row["artist_id"]): tuple(sorted(row["tags"])) for row in rows}
