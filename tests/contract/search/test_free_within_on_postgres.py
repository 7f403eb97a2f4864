""" "Free within N days" on PostgreSQL against the domain, on random calendars.

Each example stores an artist (policy, weekly rules, an override, services, confirmed
bookings and a pending one whose hold runs out), lets the refresher compute the
projection at ``t0``, and asks the search adapter at a later moment; the answer must be
the one ``free_slots`` gives. Stale moments are checked as documented: after the hold runs
out or a booking arrives, the answer may lag until the refresher runs, and then agrees.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from uuid import uuid4

import anyio
import psycopg
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from adapters.postgres.database import Database
from adapters.postgres.free_starts import PostgresFreeStartsProjection
from adapters.postgres.outbox import PostgresOutboxFeed
from adapters.system.clock import ManualClock
from booking_domain.catalog import SchedulingPolicy, Service
from booking_domain.media.ports import MediaStores
from booking_domain.scheduling import BusyTimeline, Schedule, WeeklyRule, free_slots
from booking_domain.search import ArtistQuery, FreeWithin
from booking_domain.search.free_starts import ArtistCalendar
from booking_domain.search.use_cases import RefreshFreeStarts, SearchDeps
from booking_domain.shared.ids import ArtistId, ServiceId
from booking_domain.shared.money import Money
from booking_domain.shared.time import Interval
from booking_domain.testing.strategies import policies, schedules, services
from tests.support.builders import TEST_SECRETS
from tests.support.storage import PostgresUnits, postgres_units

T0 = datetime(2026, 3, 2, 10, 7, 13, tzinfo=UTC)
HOUR = timedelta(hours=1)


@pytest.fixture
def conn(database_url: str) -> Iterator[psycopg.Connection[tuple[object, ...]]]:
    with psycopg.connect(database_url, autocommit=True) as connection:
        yield connection


def _store(
    conn: psycopg.Connection[tuple[object, ...]],
    policy: SchedulingPolicy,
    schedule: Schedule,
    offered: list[Service],
    busy: list[tuple[datetime, datetime, str, datetime | None]],
) -> tuple[ArtistId, list[Service]]:
    # The previous example's rows (bookings hold their people with RESTRICT).
    conn.execute("DELETE FROM bookings")
    conn.execute("DELETE FROM users")
    user, artist = uuid4(), ArtistId(uuid4())
    conn.execute(
        "INSERT INTO users (id, email, name, role, password_hash)"
        " VALUES (%s, %s, 'A', 'artist', '!')",
        (user, f"{user.hex}@example.com"),
    )

    def minutes(d: timedelta) -> int:
        return int(d.total_seconds() // 60)

    conn.execute(
        "INSERT INTO artists (id, user_id, display_name, time_zone, status, slot_step_minutes,"
        " minimum_notice_minutes, horizon_days, daily_cap)"
        " VALUES (%s, %s, 'A', %s, 'approved', %s, %s, %s, %s)",
        (artist, user, policy.timezone, minutes(policy.slot_step),
         minutes(policy.minimum_notice), max(1, policy.horizon.days), policy.daily_cap),
    )  # fmt: skip
    stored = []
    for service in offered:
        sid = ServiceId(uuid4())
        stored.append(Service(sid, artist, "s", service.duration, service.price,
                              buffer_before=service.buffer_before,
                              buffer_after=service.buffer_after))  # fmt: skip
        conn.execute(
            "INSERT INTO services (id, artist_id, name, duration_minutes, buffer_before_minutes,"
            " buffer_after_minutes, price_amount, currency)"
            " VALUES (%s, %s, 's', %s, %s, %s, 1, 'MNT')",
            (sid, artist, minutes(service.duration), minutes(service.buffer_before),
             minutes(service.buffer_after)),
        )  # fmt: skip
    for rule in schedule.weekly:
        conn.execute(
            "INSERT INTO weekly_rules (id, artist_id, day, start_minute, end_minute)"
            " VALUES (%s, %s, %s, %s, %s)",
            (uuid4(), artist, rule.day, rule.start_minute, rule.end_minute),
        )
    for override in schedule.overrides:
        windows = [[w.start_minute, w.end_minute] for w in override.windows]
        conn.execute(
            "INSERT INTO date_overrides (id, artist_id, on_date, windows) VALUES (%s, %s, %s, %s)",
            (uuid4(), artist, override.on, json.dumps(windows)),
        )
    for n, (start, end, status, hold) in enumerate(busy):
        if status == "external":
            _block(conn, artist, start, end)
        else:
            _book(conn, artist, user, stored[0].id, n, start, end, status, hold)
    return artist, stored


def _block(
    conn: psycopg.Connection[tuple[object, ...]], artist: ArtistId, start: datetime, end: datetime
) -> None:
    """An external calendar's busy span, as the worker's fetch stores it."""
    # One calendar per artist (its id the artist's), holding every span of the example.
    conn.execute(
        "INSERT INTO external_calendars (id, artist_id, name, url) VALUES (%s, %s, 'x', 'x')"
        " ON CONFLICT (id) DO NOTHING",
        (artist, artist),
    )
    conn.execute(
        "INSERT INTO external_busy (calendar_id, artist_id, span)"
        " VALUES (%s, %s, tstzrange(%s, %s))",
        (artist, artist, start, end),
    )


def _book(
    conn: psycopg.Connection[tuple[object, ...]],
    artist: ArtistId,
    user: object,
    service: ServiceId,
    n: int,
    start: datetime,
    end: datetime,
    status: str,
    hold: datetime | None,
) -> None:
    conn.execute(
        "INSERT INTO bookings (id, reference, artist_id, artist_user_id, customer_id,"
        " service_id, starts_at, ends_at, blocked, status, payment_status, requires_approval,"
        " approved, currency, deposit_amount, version, status_changed_at, hold_expires_at)"
        " VALUES (%s, %s, %s, %s, %s, %s, %s, %s, tstzrange(%s, %s), %s, 'unpaid', false,"
        " true, 'MNT', 0, 1, %s, %s)",
        (uuid4(), f"P-{uuid4().hex[:8]}-{n}", artist, user, user, service, start, end, start,
         end, status, start, hold),
    )  # fmt: skip


def _expected(
    policy: SchedulingPolicy,
    schedule: Schedule,
    offered: list[Service],
    busy: list[tuple[datetime, datetime, str, datetime | None]],
    now: datetime,
    days: int,
) -> datetime | None:
    """The first start any service offers within ``days`` (None: none)."""
    active = [Interval(s, e) for s, e, status, hold in busy if status == "confirmed" or
              (hold is not None and hold > now)]  # fmt: skip
    # External calendars' spans block time but are no appointments (no daily-cap mark).
    outside = [Interval(s, e) for s, e, status, _ in busy if status == "external"]
    timeline = BusyTimeline.of(active + outside, [i.start for i in active])
    stored_policy = SchedulingPolicy(
        policy.timezone, slot_step=policy.slot_step, minimum_notice=policy.minimum_notice,
        horizon=timedelta(days=max(1, policy.horizon.days)), daily_cap=policy.daily_cap,
    )  # fmt: skip
    firsts = [
        starts[0]
        for s in offered
        if (starts := free_slots(service=s, policy=stored_policy, schedule=schedule,
                                 busy=timeline, between=Interval(now, now + timedelta(days=days)),
                                 now=now, limit=1))
    ]  # fmt: skip
    return min(firsts, default=None)


async def _answer(factory: PostgresUnits, artist: ArtistId, now: datetime,
                  days: int) -> datetime | None:  # fmt: skip
    """The search's answer: the artist's next free slot if the artist is found free within
    ``days``, and the next free slot it shows without that filter must agree (the filtered
    page's cards take the slot the page query found; the other cards work it out)."""
    async with factory(read_only=True) as uow:
        page = await uow.artist_search.artists(ArtistQuery(free_within=FreeWithin(days)), now)
        every = await uow.artist_search.artists(ArtistQuery(), now)
    (shown,) = [hit.next_free for hit in every.items if hit.artist.id == artist]
    if any(hit.artist.id == artist for hit in page.items):
        assert shown is not None and shown.start < now + timedelta(days=days)
        assert [hit.next_free for hit in page.items] == [shown]
        return shown.start
    assert shown is None or shown.start >= now + timedelta(days=days)
    return None


@asynccontextmanager
async def _searching(
    database_url: str, clock: ManualClock
) -> AsyncIterator[tuple[PostgresUnits, RefreshFreeStarts]]:
    """The search's unit of work and the free-starts refresher on the test's database."""
    database = Database(database_url, min_size=1, max_size=2)
    await database.open()
    try:
        factory = postgres_units(database, secrets=TEST_SECRETS)
        deps = SearchDeps(uow=factory, clock=clock, feed=PostgresOutboxFeed(database),
                          stores=MediaStores(None, None))  # type: ignore[arg-type]  # fmt: skip
        yield factory, RefreshFreeStarts(deps)
    finally:
        await database.close()


@st.composite
def calendars(draw: st.DrawFn) -> tuple[object, ...]:
    policy = draw(policies())
    schedule = draw(schedules(near=T0.date()))
    offered = draw(st.lists(services(), min_size=1, max_size=2))
    hold_start = T0 + timedelta(minutes=30 * draw(st.integers(0, 4 * 48)))
    hold_until = T0 + timedelta(minutes=draw(st.integers(1, 600)))
    busy: list[tuple[datetime, datetime, str, datetime | None]] = []
    for _ in range(draw(st.integers(0, 6))):
        start = T0 + timedelta(minutes=30 * draw(st.integers(0, 14 * 48)))
        end = start + HOUR * draw(st.integers(1, 4))
        # Active bookings never overlap (the exclusion constraint): keep those that fit.
        if all(end <= s or e <= start for s, e, _, _ in busy) and (
            end <= hold_start or hold_start + 3 * HOUR <= start
        ):
            busy.append((start, end, "confirmed", None))
    spans = set()
    for _ in range(draw(st.integers(0, 3))):  # external spans may overlap anything
        start = T0 + timedelta(minutes=15 * draw(st.integers(-8, 14 * 96)))
        spans.add((start, start + timedelta(minutes=15 * draw(st.integers(1, 4 * 96)))))
    busy.extend((start, end, "external", None) for start, end in sorted(spans))
    busy.append((hold_start, hold_start + HOUR * 3, "pending", hold_until))
    return policy, schedule, offered, busy


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(calendars(), st.integers(1, 30), st.integers(0, 86_399))
def test_the_search_answers_as_the_domain_and_catches_up_after_stale_moments(
    database_url: str,
    conn: psycopg.Connection[tuple[object, ...]],
    calendar: tuple[object, ...],
    days: int,
    later_s: int,
) -> None:
    policy, schedule, offered, busy = calendar
    assert isinstance(policy, SchedulingPolicy) and isinstance(schedule, Schedule)
    assert isinstance(offered, list) and isinstance(busy, list)
    artist, stored = _store(conn, policy, schedule, offered, busy)
    hold_until = busy[-1][3]

    async def scenario() -> None:
        clock = ManualClock(T0)
        async with _searching(database_url, clock) as (factory, refresh):
            await refresh()
            # While it holds (before the hold runs out), any moment answers exactly.
            now = T0 + (hold_until - T0) * (later_s / 86_400)
            expected = _expected(policy, schedule, stored, busy, now, days)
            assert await _answer(factory, artist, now, days) == expected
            # After the hold runs out: exact again once the refresher has run.
            clock.set(hold_until + timedelta(seconds=1))
            await refresh()
            after = _expected(policy, schedule, stored, busy, clock.now(), days)
            assert await _answer(factory, artist, clock.now(), days) == after

    anyio.run(scenario)


def test_a_change_of_external_busy_time_makes_the_artist_due_at_once(
    database_url: str, conn: psycopg.Connection[tuple[object, ...]]
) -> None:
    """A fetch storing spans, or a calendar's removal deleting them, makes the artist's
    free starts due on the refresher's next look (migration 0041), not a day later."""
    policy = SchedulingPolicy("Asia/Ulaanbaatar")
    weekdays = Schedule(tuple(WeeklyRule(d, 9 * 60, 17 * 60) for d in range(1, 6)))
    offered = [Service(ServiceId(uuid4()), ArtistId(uuid4()), "s", HOUR, Money(1, "MNT"))]
    artist, stored = _store(conn, policy, weekdays, offered, [])
    month = (T0, T0 + timedelta(days=31))

    async def scenario() -> None:
        async with _searching(database_url, ManualClock(T0)) as (factory, refresh):
            await refresh()
            assert await refresh() == 0
            free = _expected(policy, weekdays, stored, [], T0, 7)
            assert free is not None and await _answer(factory, artist, T0, 7) == free

            _block(conn, artist, *month)  # the whole month busy elsewhere
            assert await refresh() == 1
            assert await _answer(factory, artist, T0, 7) is None
            assert await refresh() == 0

            conn.execute("DELETE FROM external_calendars WHERE artist_id = %s", (artist,))
            assert await refresh() == 1
            assert await _answer(factory, artist, T0, 7) == free

    anyio.run(scenario)


def test_an_artist_the_rules_refuse_offers_nothing_and_stops_no_one(
    database_url: str, conn: psycopg.Connection[tuple[object, ...]]
) -> None:
    """Stored data the domain refuses (a time zone it does not know, written around the
    application) leaves that artist offering nothing; everyone else is refreshed."""
    policy = SchedulingPolicy("Asia/Ulaanbaatar")
    weekdays = Schedule(tuple(WeeklyRule(d, 9 * 60, 17 * 60) for d in range(1, 6)))
    offered = [Service(ServiceId(uuid4()), ArtistId(uuid4()), "s", HOUR, Money(1, "MNT"))]
    good, _ = _store(conn, policy, weekdays, offered, [])
    bad = ArtistId(uuid4())
    conn.execute(
        "INSERT INTO users (id, email, name, role, password_hash)"
        " VALUES (%s, 'bad@example.com', 'B', 'artist', '!')", (bad,),
    )  # fmt: skip
    conn.execute(
        "INSERT INTO artists (id, user_id, display_name, time_zone, status)"
        " VALUES (%s, %s, 'B', 'Mars/Olympus', 'approved')", (bad, bad),
    )  # fmt: skip

    async def scenario() -> None:
        async with _searching(database_url, ManualClock(T0)) as (factory, refresh):
            assert await refresh() == 2
            assert await refresh() == 0  # nobody is due any more
            async with factory(read_only=True) as uow:
                assert await uow.free_starts.due(T0, 10) == []
            assert await _answer(factory, good, T0, 7) is not None

    anyio.run(scenario)


def test_a_refresh_writes_only_once_every_artist_is_computed(
    database_url: str, conn: psycopg.Connection[tuple[object, ...]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """While a batch reads and computes, its transaction has written nothing, so it has no
    transaction id and holds back no reader of the outbox's feed (docs/events.md, "Order
    and the feed"): every artist's calendar is read before the first write."""
    policy = SchedulingPolicy("Asia/Ulaanbaatar")
    weekdays = Schedule(tuple(WeeklyRule(d, 9 * 60, 17 * 60) for d in range(1, 6)))
    offered = [Service(ServiceId(uuid4()), ArtistId(uuid4()), "s", HOUR, Money(1, "MNT"))]
    _store(conn, policy, weekdays, offered, [])
    for n in range(2):  # two more, with nothing offered yet
        other = ArtistId(uuid4())
        conn.execute(
            "INSERT INTO users (id, email, name, role, password_hash)"
            " VALUES (%s, %s, 'O', 'artist', '!')", (other, f"other{n}@example.com"),
        )  # fmt: skip
        conn.execute(
            "INSERT INTO artists (id, user_id, display_name, time_zone, status)"
            " VALUES (%s, %s, 'O', 'Asia/Ulaanbaatar', 'approved')", (other, other),
        )  # fmt: skip
    written_before_reads: list[object] = []
    read = PostgresFreeStartsProjection.calendar

    async def probed(
        self: PostgresFreeStartsProjection, artist_id: ArtistId, now: datetime
    ) -> ArtistCalendar | None:
        cursor = await self._conn.execute("SELECT pg_current_xact_id_if_assigned() AS xid")
        row = await cursor.fetchone()
        assert row is not None
        written_before_reads.append(row["xid"])
        return await read(self, artist_id, now)

    monkeypatch.setattr(PostgresFreeStartsProjection, "calendar", probed)

    async def scenario() -> None:
        async with _searching(database_url, ManualClock(T0)) as (factory, refresh):
            assert await refresh() == 3
            async with factory(read_only=True) as uow:
                assert await uow.free_starts.due(T0, 10) == []

    anyio.run(scenario)
    assert written_before_reads == [None, None, None]
