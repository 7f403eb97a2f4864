"""Analytics on PostgreSQL equal a plain recomputation from the raw rows, over random
histories (DST days included).

Each example stores an artist in a zone with DST (New York, Berlin) or without (Ulaanbaatar)
with rules, an override, two services, customers and clients, then plays a random history
straight in SQL: bookings in every status (expired holds too, and waitlist offers: never
accepted, which never count, or accepted while pending), status changes, reschedules,
payments on deposit (and, once invoices have kinds, balance) invoices, refunds opened and
settled, a move to another time zone. The rollup kept by the triggers of migration 0037 is
then read through the use cases; every figure of every period must equal what
``naive.py`` computes from the bookings, payments and refunds themselves.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any
from uuid import UUID, uuid4

import anyio
import psycopg
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from psycopg.rows import dict_row

from adapters.postgres.database import Database
from booking_domain.analytics import (
    ArtistReport,
    DateRange,
    Granularity,
    Period,
    PlatformFilter,
    PlatformReport,
    Tally,
)
from booking_domain.shared import ArtistId, UserId
from booking_domain.shared.identity import Actor, Role
from tests.contract.analytics.naive import (
    Sums,
    naive_available,
    naive_customers,
    naive_periods,
)
from tests.support.bootstrap import build_app
from tests.support.builders import TEST_SECRETS
from tests.support.storage import postgres_units

Conn = psycopg.Connection[dict[str, Any]]
ZONES = ("America/New_York", "Europe/Berlin", "Asia/Ulaanbaatar")
# Days with a DST change in New York or Berlin (and one without any).
ORIGINS = (
    datetime(2026, 3, 8, 7, 0, tzinfo=UTC),
    datetime(2026, 3, 29, 1, 0, tzinfo=UTC),
    datetime(2026, 10, 25, 1, 0, tzinfo=UTC),
    datetime(2026, 11, 1, 6, 0, tzinfo=UTC),
    datetime(2026, 6, 30, 23, 0, tzinfo=UTC),
)
STATUSES = ("pending", "confirmed", "completed", "cancelled", "no_show", "disputed")
CITIES = ("Ulaanbaatar", "Darkhan", "Berlin")
SLOTS = 60  # bookings start on a 3-hour grid around the origin: active ones never overlap


@pytest.fixture
def conn(database_url: str) -> Iterator[Conn]:
    with psycopg.connect(database_url, autocommit=True, row_factory=dict_row) as connection:
        yield connection


def _has_invoice_kinds(conn: Conn) -> bool:
    found = conn.execute(
        "SELECT 1 FROM information_schema.columns"
        " WHERE table_name = 'payment_invoices' AND column_name = 'kind'"
    ).fetchone()
    return found is not None


def _clear(conn: Conn) -> None:
    for table in ("received_payments", "refunds", "payment_invoices", "bookings", "clients",
                  "weekly_rules", "date_overrides", "services", "artists", "users"):  # fmt: skip
        conn.execute(f"DELETE FROM {table}")  # noqa: S608 - the names above


def _store_artist(conn: Conn, tz: str, origin: datetime) -> dict[str, Any]:
    _clear(conn)
    user, artist = uuid4(), uuid4()
    people = [uuid4() for _ in range(3)]
    for who, role in [(user, "artist"), *((p, "customer") for p in people)]:
        conn.execute(
            "INSERT INTO users (id, email, name, role, password_hash)"
            " VALUES (%s, %s, 'A', %s, '!')",
            (who, f"{who.hex}@example.com", role),
        )
    conn.execute(
        "INSERT INTO artists (id, user_id, display_name, time_zone, status, city)"
        " VALUES (%s, %s, 'A', %s, 'approved', 'Ulaanbaatar')",
        (artist, user, tz),
    )
    services = [uuid4(), uuid4()]
    for n, sid in enumerate(services):
        conn.execute(
            "INSERT INTO services (id, artist_id, name, duration_minutes, price_amount, currency)"
            " VALUES (%s, %s, %s, 60, 1, 'MNT')",
            (sid, artist, f"service {n}"),
        )
    clients = [uuid4(), uuid4()]
    for n, cid in enumerate(clients):
        conn.execute(
            "INSERT INTO clients (id, artist_id, name, phone) VALUES (%s, %s, 'C', %s)",
            (cid, artist, f"+9768800000{n}"),
        )
    return {"user": user, "artist": artist, "people": people, "clients": clients,
            "services": services, "origin": origin}  # fmt: skip


def _slot(world: dict[str, Any], slot: int, jitter: int) -> datetime:
    origin: datetime = world["origin"]
    return origin + timedelta(hours=3 * (slot - SLOTS // 2), minutes=jitter)


def _book(conn: Conn, world: dict[str, Any], op: dict[str, Any]) -> None:
    start = _slot(world, op["slot"], op["jitter"])
    end = start + timedelta(minutes=op["minutes"])
    party = op["party"]
    customer = world["people"][party] if party < 3 else None
    client = None if party < 3 else world["clients"][party - 3]
    created = start - timedelta(seconds=op["lead"], microseconds=op["micro"])
    booking = uuid4()
    conn.execute(
        "INSERT INTO bookings (id, reference, artist_id, artist_user_id, customer_id, client_id,"
        " service_id, starts_at, ends_at, blocked, status, payment_status, requires_approval,"
        " approved, currency, deposit_amount, version, status_changed_at, cancellation_reason,"
        " created_at, offer)"
        " VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, tstzrange(%s, %s), %s, 'unpaid', false,"
        " true, 'MNT', 0, 1, %s, %s, %s, %s)",
        (booking, f"A-{booking.hex[:12]}", world["artist"], world["user"], customer, client,
         world["services"][op["service"]], start, end, start, end, op["status"], start,
         op["reason"], created, op.get("offer") if customer else None),
    )  # fmt: skip
    world.setdefault("bookings", []).append((booking, op["slot"], customer))


def _pay(conn: Conn, world: dict[str, Any], op: dict[str, Any], kinds: bool) -> None:
    paying = [b for b in world.get("bookings", []) if b[2] is not None]
    if not paying:
        return
    booking, _, customer = paying[op["which"] % len(paying)]
    invoice, provider = uuid4(), f"inv-{uuid4().hex}"
    at = world["origin"] + timedelta(seconds=op["at"])
    conn.execute(
        "INSERT INTO payment_invoices (id, booking_id, customer_id, artist_user_id, number,"
        " amount, currency, status, callback_token_hash, expires_at, provider_invoice_id,"
        " cancel_due) VALUES (%s, %s, %s, %s, %s, %s, %s, 'paid', 'h', %s, %s, false)",
        (invoice, booking, customer, world["user"], provider, op["amount"], op["currency"], at,
         provider),
    )  # fmt: skip
    if kinds:  # once balance invoices exist (migration 0033)
        kind = "balance" if op["balance"] else "deposit"
        conn.execute(
            "UPDATE payment_invoices SET kind = %s, price_amount = amount, credit_amount = 0"
            " WHERE id = %s",
            (kind, invoice),
        )
    conn.execute(
        "INSERT INTO received_payments (payment_id, provider_invoice_id, booking_id, amount,"
        " currency, method, outcome, processed_at, callback_payload, check_payload)"
        " VALUES (%s, %s, %s, %s, %s, 'qpay', 'confirmed', %s, '', '')",
        (f"pay-{uuid4().hex}", provider, booking, op["amount"], op["currency"], at),
    )


def _refund(conn: Conn, world: dict[str, Any], op: dict[str, Any]) -> None:
    paying = [b for b in world.get("bookings", []) if b[2] is not None]
    if not paying:
        return
    booking, _, customer = paying[op["which"] % len(paying)]
    at = world["origin"] + timedelta(seconds=op["at"])
    refund = uuid4()
    conn.execute(
        "INSERT INTO refunds (id, booking_id, customer_id, artist_user_id, amount, currency,"
        " status, reason, created_at, updated_at) VALUES (%s, %s, %s, %s, %s, %s, %s, '', %s, %s)",
        (refund, booking, customer, world["user"], op["amount"], op["currency"], op["status"],
         at, at),
    )  # fmt: skip
    world.setdefault("refunds", []).append(refund)


def _apply(conn: Conn, world: dict[str, Any], op: dict[str, Any], kinds: bool) -> None:
    if op["op"] in ("book", "status", "accept", "move"):
        _change_booking(conn, world, op)
    elif op["op"] == "pay":
        _pay(conn, world, op, kinds)
    elif op["op"] == "refund":
        _refund(conn, world, op)
    elif op["op"] == "settle" and world.get("refunds"):
        refund = world["refunds"][op["which"] % len(world["refunds"])]
        at = world["origin"] + timedelta(seconds=op["at"])
        conn.execute(
            "UPDATE refunds SET status = %s, settled_at = %s, updated_at = %s WHERE id = %s",
            (op["status"], at if op["status"] == "settled" else None, at, refund),
        )
    elif op["op"] == "zone":
        conn.execute("UPDATE artists SET time_zone = %s WHERE id = %s", (op["tz"], world["artist"]))
    elif op["op"] == "city":
        conn.execute("UPDATE artists SET city = %s WHERE id = %s", (op["city"], world["artist"]))
    elif op["op"] == "fold":  # the worker's periodic fold, at any point of the history
        conn.execute("SELECT analytics_fold()")


def _change_booking(conn: Conn, world: dict[str, Any], op: dict[str, Any]) -> None:
    booked = world.get("bookings", [])
    taken = {slot for _, slot, _ in booked}
    if op["op"] == "book" and op["slot"] not in taken:
        _book(conn, world, op)
    elif op["op"] == "status" and booked:
        booking = booked[op["which"] % len(booked)][0]
        conn.execute(
            "UPDATE bookings SET status = %s, cancellation_reason = %s WHERE id = %s",
            (op["status"], op["reason"], booking),
        )
    elif op["op"] == "accept" and booked:  # a waitlist offer's answer: only while pending
        conn.execute(
            "UPDATE bookings SET offer = 'accepted', status = %s"
            " WHERE id = %s AND offer = 'offered' AND status = 'pending'",
            (op["status"], booked[op["which"] % len(booked)][0]),
        )
    elif op["op"] == "move" and booked and op["slot"] not in taken:
        n = op["which"] % len(booked)
        booking, _, customer = booked[n]
        start = _slot(world, op["slot"], 0)
        end = start + timedelta(minutes=45)
        conn.execute(
            "UPDATE bookings SET starts_at = %s, ends_at = %s, blocked = tstzrange(%s, %s)"
            " WHERE id = %s",
            (start, end, start, end, booking),
        )
        booked[n] = (booking, op["slot"], customer)


AROUND = st.integers(-6 * 86_400, 6 * 86_400)
OPS = st.one_of(
    st.fixed_dictionaries({
        "op": st.just("book"), "slot": st.integers(0, SLOTS - 1), "jitter": st.integers(0, 29),
        "minutes": st.integers(15, 150), "status": st.sampled_from(STATUSES),
        "reason": st.sampled_from([None, "expired", "changed plans"]),
        "party": st.integers(0, 4), "service": st.integers(0, 1),
        "lead": st.integers(-3_600, 40 * 86_400), "micro": st.integers(0, 999_999),
        "offer": st.sampled_from([None, None, "offered", "accepted"]),  # waitlist offers
    }),
    st.fixed_dictionaries({
        "op": st.just("accept"), "which": st.integers(0, 99),
        "status": st.sampled_from(["pending", "confirmed"]),
    }),
    st.fixed_dictionaries({
        "op": st.just("status"), "which": st.integers(0, 99),
        "status": st.sampled_from(STATUSES), "reason": st.sampled_from([None, "expired", "x"]),
    }),
    st.fixed_dictionaries({
        "op": st.just("move"), "which": st.integers(0, 99), "slot": st.integers(0, SLOTS - 1),
    }),
    st.fixed_dictionaries({
        "op": st.just("pay"), "which": st.integers(0, 99), "amount": st.integers(1, 10**9),
        "currency": st.sampled_from(["MNT", "USD"]), "at": AROUND, "balance": st.booleans(),
    }),
    st.fixed_dictionaries({
        "op": st.just("refund"), "which": st.integers(0, 99), "amount": st.integers(1, 10**6),
        "currency": st.sampled_from(["MNT", "USD"]), "at": AROUND,
        "status": st.sampled_from(["pending", "manual", "refunded"]),
    }),
    st.fixed_dictionaries({
        "op": st.just("settle"), "which": st.integers(0, 99), "at": AROUND,
        "status": st.sampled_from(["refunded", "settled", "manual"]),
    }),
    st.fixed_dictionaries({"op": st.just("zone"), "tz": st.sampled_from(ZONES)}),
    st.fixed_dictionaries({"op": st.just("city"), "city": st.sampled_from(CITIES)}),
    st.fixed_dictionaries({"op": st.just("fold")}),
    st.fixed_dictionaries({"op": st.just("fold")}),
)  # fmt: skip


# Ranges a few days around the history, or wide enough to hold whole months and years (the
# platform's view reads those from its monthly and yearly summaries, the rest by date).
REACHES = ("near", "near", "month", "months", "year", "years")


def _span(origin: date, reach: str, before: int, after: int, by: Granularity) -> DateRange:
    if reach == "month":
        first = origin.replace(day=1)
        return DateRange(first, (first + timedelta(days=32)).replace(day=1) - timedelta(1), by)
    if reach == "months":
        return DateRange(origin - timedelta(40 - before), origin + timedelta(40 + after), by)
    if reach == "year":
        return DateRange(origin.replace(month=1, day=1), origin.replace(month=12, day=31), by)
    if reach == "years":
        return DateRange(origin - timedelta(365), origin + timedelta(365), by)
    return DateRange(origin + timedelta(days=before), origin + timedelta(days=after), by)


def _raw(conn: Conn, artist: UUID) -> tuple[str, list[Any], list[Any], list[Any]]:
    tz = conn.execute("SELECT time_zone FROM artists WHERE id = %s", (artist,)).fetchone()
    bookings = conn.execute("SELECT * FROM bookings").fetchall()
    payments = conn.execute(
        "SELECT p.*, to_jsonb(i) ->> 'kind' AS kind FROM received_payments p"
        " JOIN payment_invoices i ON i.provider_invoice_id = p.provider_invoice_id"
    ).fetchall()
    refunds = conn.execute("SELECT * FROM refunds").fetchall()
    assert tz is not None
    return str(tz["time_zone"]), bookings, payments, refunds


def _of(period: Period) -> tuple[Any, ...]:
    t = period.tally
    money = {
        r.currency: {"deposits_paid": r.deposits_paid, "balances_paid": r.balances_paid,
                     "refunded": r.refunded, "awaiting_settlement": r.awaiting_settlement}
        for r in t.revenue
    }  # fmt: skip
    return (t.bookings, t.booked_seconds, t.cancelled, t.no_shows, t.lead_seconds, money)


def _expected(sums: dict[date, Sums]) -> dict[date, tuple[Any, ...]]:
    return {start: s.comparable() for start, s in sums.items()}


def _tallied(tally: Tally) -> tuple[Any, ...]:
    money = {
        r.currency: (r.deposits_paid, r.balances_paid, r.refunded, r.awaiting_settlement)
        for r in tally.revenue
    }
    return (tally.bookings, tally.booked_seconds, tally.cancelled, tally.no_shows,
            tally.lead_seconds, money)  # fmt: skip


def _breakdown(report: PlatformReport) -> tuple[dict[str, Any], dict[str, Any]]:
    """The cities and artists of the report with anything in them (a summary may keep a
    row whose figures came back to zero)."""
    empty: tuple[Any, ...] = (0, 0, 0, 0, 0, {})
    return (
        {b.key: _tallied(b.tally) for b in report.cities if _tallied(b.tally) != empty},
        {b.key: _tallied(b.tally) for b in report.artists if _tallied(b.tally) != empty},
    )


async def _ask(
    url: str, artist: UUID, span: DateRange, city: str
) -> tuple[ArtistReport, list[PlatformReport]]:
    database = Database(url, min_size=1, max_size=2)
    await database.open()
    try:
        analytics = build_app(postgres_units(database, secrets=TEST_SECRETS))
        admin = Actor(UserId(uuid4()), Role.ADMIN)
        mine = await analytics.bundles.analytics.artist_analytics(admin, ArtistId(artist), span)
        platform = analytics.bundles.analytics.platform_analytics
        views = [
            await platform(admin, span, PlatformFilter()),
            await platform(admin, span, PlatformFilter(city.upper())),
            await platform(admin, span, PlatformFilter(artist_id=ArtistId(artist))),
        ]
        return mine, views
    finally:
        await database.close()


async def _fold(url: str) -> int:
    database = Database(url, min_size=1, max_size=1)
    await database.open()
    try:
        analytics = build_app(postgres_units(database, secrets=TEST_SECRETS))
        return await analytics.bundles.analytics.fold_analytics()
    finally:
        await database.close()


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.sampled_from(ZONES),
    st.sampled_from(ORIGINS),
    st.lists(OPS, min_size=1, max_size=25),
    st.sampled_from(list(Granularity)),
    st.sampled_from(REACHES),
    st.integers(-8, 0),
    st.integers(0, 8),
)
def test_the_figures_equal_a_plain_recomputation_from_the_raw_rows(
    database_url: str,
    conn: Conn,
    tz: str,
    origin: datetime,
    history: list[dict[str, Any]],
    granularity: Granularity,
    reach: str,
    before: int,
    after: int,
) -> None:
    world = _store_artist(conn, tz, origin)
    rules = [(d, 9 * 60, 17 * 60 + 30) for d in (1, 2, 3, 4, 5)] + [(6, 10 * 60, 20 * 60)]
    for day, start, end in rules:
        conn.execute(
            "INSERT INTO weekly_rules (id, artist_id, day, start_minute, end_minute)"
            " VALUES (%s, %s, %s, %s, %s)",
            (uuid4(), world["artist"], day, start, end),
        )
    overrides = {origin.date() + timedelta(days=1): [(11 * 60, 13 * 60)],
                 origin.date() - timedelta(days=2): []}  # fmt: skip
    for on, windows in overrides.items():
        conn.execute(
            "INSERT INTO date_overrides (id, artist_id, on_date, windows) VALUES (%s, %s, %s, %s)",
            (uuid4(), world["artist"], on, json.dumps([list(w) for w in windows])),
        )
    kinds = _has_invoice_kinds(conn)
    for op in history:
        _apply(conn, world, op, kinds)
    span = _span(origin.date(), reach, before, after, granularity)

    place = conn.execute("SELECT city FROM artists WHERE id = %s", (world["artist"],)).fetchone()
    assert place is not None
    city = str(place["city"])
    mine, views = anyio.run(_ask, database_url, world["artist"], span, city)

    zone, bookings, payments, refunds = _raw(conn, world["artist"])
    first, last, by = span.first, span.last, granularity.value
    expected = _expected(naive_periods(first, last, by, zone, bookings, payments, refunds))
    assert {p.start: _of(p) for p in mine.periods} == expected
    # The platform's view: partly folded (the history's folds), then wholly folded.
    total = _tallied(mine.total.tally)
    nothing = total == (0, 0, 0, 0, 0, {})
    breakdown = ({}, {}) if nothing else ({city: total}, {str(world["artist"]): total})
    anyio.run(_fold, database_url)
    _, folded = anyio.run(_ask, database_url, world["artist"], span, city)
    for everyone in (*views, *folded):
        assert {p.start: _of(p) for p in everyone.periods} == expected
        assert _breakdown(everyone) == breakdown
    free = naive_available(first, last, by, zone, rules, overrides)
    assert {p.start: p.available_seconds for p in mine.periods} == free
    customers, repeat, services = naive_customers(first, last, zone, bookings)
    assert (mine.customers, mine.repeat_customers) == (customers, repeat)
    assert [(s.service_id, s.bookings) for s in mine.top_services] == services
    assert mine.time_zone == zone


def test_a_zone_the_database_does_not_know_never_fails_a_booking(conn: Conn) -> None:
    """The application checks zones against Python's database, which may be newer than the
    server's: the rollup then reads that artist's dates in UTC instead of refusing the write."""
    world = _store_artist(conn, "Europe/Berlin", ORIGINS[0])
    conn.execute("UPDATE artists SET time_zone = 'Nowhere/Newer' WHERE id = %s", (world["artist"],))
    op = {"slot": 3, "jitter": 0, "minutes": 60, "party": 0, "service": 0, "lead": 3_600,
          "micro": 0, "status": "confirmed", "reason": None}  # fmt: skip
    _book(conn, world, op)
    day = _slot(world, 3, 0).astimezone(UTC).date()
    row = conn.execute(
        "SELECT day, bookings FROM analytics_days WHERE artist_id = %s", (world["artist"],)
    ).fetchone()
    assert row == {"day": day, "bookings": 1}
