"""Benchmark of analytics: an artist with 5,000 bookings over two years, and the platform
with 1,000,000 bookings (2,000 artists), their payments and refunds.

    .venv/bin/python bench/analytics.py                      # seed, then measure
    .venv/bin/python bench/analytics.py --data /tmp/analytics  # seed once there, reuse it
    .venv/bin/python bench/analytics.py --seconds 5 --trigger-cost   # and the triggers' cost

The embedded PostgreSQL (as the local profile runs it), migrated, seeded with straight SQL
(``generate_series``; the rollup's triggers off while seeding, then ``analytics_rebuild``
fills the rollup in one statement, as migration 0037 does, and ``analytics_fold`` folds it
into the platform's summaries, as the worker would). Measured through the use cases
(``ArtistAnalytics``, ``PlatformAnalytics``: the read port's SQL on the PostgreSQL adapter
plus the grouping into periods), one caller at a time, in this process: what an HTTP request
adds on top is the same for every endpoint (``bench/serving.py``). Prints p50/p99 per
question; asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from uuid import UUID

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "bench")]

import psycopg  # noqa: E402

from adapters.postgres.database import Database  # noqa: E402
from adapters.postgres.uow_factory import PostgresUnitOfWorkFactory  # noqa: E402
from adapters.security.secret_box import FernetSecretBox  # noqa: E402
from booking_domain.analytics import DateRange, Granularity, PlatformFilter  # noqa: E402
from booking_domain.analytics.use_cases import AnalyticsDeps, AnalyticsUseCases  # noqa: E402
from booking_domain.shared import ArtistId, Role, UserId  # noqa: E402
from booking_domain.shared.identity import Actor  # noqa: E402
from booking_setup import start_postgres  # noqa: E402
from entrypoints.app import settle_heap_for_serving  # noqa: E402
from entrypoints.container.units import postgres_unit  # noqa: E402

ARTISTS = 2_000
BOOKINGS = 1_000_000
HEAVY = 5_000  # the first artist's bookings (of the million)
CUSTOMERS = 50_000
FIRST_DAY = date(2025, 1, 1)
DAYS = 730
KEY = "YmVuY2gtb25seS1rZXktZm9yLWlua3Nsb3QtYmVuY2g="
HEAVY_ARTIST = UUID(int=1)

# Every row is derived from its number, so the seed is the same every time. Artist 1 (the
# heavy one) has HEAVY bookings 3.5 h apart; the others share the rest, each 35 h apart:
# active bookings of one artist never overlap.
SEED = f"""
SET session_replication_role = replica;  -- the rollup's triggers off: rebuilt at the end
INSERT INTO users (id, email, name, role, password_hash)
SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(n), 12, '0'))::uuid,
       'artist' || n || '@bench.example', 'Artist ' || n, 'artist', '!'
FROM generate_series(1, {ARTISTS}) AS n;
INSERT INTO users (id, email, name, role, password_hash)
SELECT ('00000000-0000-4000-9000-' || lpad(to_hex(n), 12, '0'))::uuid,
       'customer' || n || '@bench.example', 'Customer ' || n, 'customer', '!'
FROM generate_series(1, {CUSTOMERS}) AS n;
INSERT INTO artists (id, user_id, display_name, time_zone, status, city)
SELECT ('00000000-0000-0000-0000-' || lpad(to_hex(n), 12, '0'))::uuid,
       ('00000000-0000-4000-8000-' || lpad(to_hex(n), 12, '0'))::uuid,
       'Artist ' || n,
       (ARRAY['Asia/Ulaanbaatar', 'Europe/Berlin', 'America/New_York'])[1 + n % 3],
       'approved', (ARRAY['Ulaanbaatar', 'Darkhan', 'Erdenet', 'Berlin', 'New York'])[1 + n % 5]
FROM generate_series(1, {ARTISTS}) AS n;
INSERT INTO services (id, artist_id, name, duration_minutes, price_amount, currency)
SELECT ('00000000-0000-4000-a000-' || lpad(to_hex(n * 4 + s), 12, '0'))::uuid,
       ('00000000-0000-0000-0000-' || lpad(to_hex(n), 12, '0'))::uuid,
       'Service ' || s, 60 + 30 * s, 100000, 'MNT'
FROM generate_series(1, {ARTISTS}) AS n, generate_series(0, 3) AS s;
INSERT INTO weekly_rules (id, artist_id, day, start_minute, end_minute)
SELECT gen_random_uuid(), ('00000000-0000-0000-0000-' || lpad(to_hex(n), 12, '0'))::uuid,
       d, 600, 1140
FROM generate_series(1, {ARTISTS}) AS n, generate_series(1, 6) AS d;
CREATE TEMP TABLE plan AS
SELECT i,
       CASE WHEN i <= {HEAVY} THEN 1 ELSE 2 + (i - {HEAVY} - 1) % ({ARTISTS} - 1) END AS artist,
       CASE WHEN i <= {HEAVY} THEN i ELSE (i - {HEAVY} - 1) / ({ARTISTS} - 1) END AS j
FROM generate_series(1, {BOOKINGS}) AS i;
INSERT INTO bookings (id, reference, artist_id, artist_user_id, customer_id, service_id,
    starts_at, ends_at, blocked, status, payment_status, requires_approval, approved, currency,
    deposit_amount, version, status_changed_at, cancellation_reason, created_at)
SELECT ('00000000-0000-4000-b000-' || lpad(to_hex(i), 12, '0'))::uuid, 'B' || i,
       ('00000000-0000-0000-0000-' || lpad(to_hex(artist), 12, '0'))::uuid,
       ('00000000-0000-4000-8000-' || lpad(to_hex(artist), 12, '0'))::uuid,
       ('00000000-0000-4000-9000-'
        || lpad(to_hex(1 + (i::bigint * 7919) % {CUSTOMERS}), 12, '0'))::uuid,
       ('00000000-0000-4000-a000-' || lpad(to_hex(artist * 4 + i % 4), 12, '0'))::uuid,
       s, s + (60 + 30 * (i % 4)) * interval '1 minute',
       tstzrange(s, s + (60 + 30 * (i % 4)) * interval '1 minute'),
       (ARRAY['completed', 'completed', 'completed', 'completed', 'completed', 'confirmed',
              'cancelled', 'no_show', 'cancelled', 'pending'])[1 + i % 10],
       'unpaid', false, true, 'MNT', 30000, 1, s,
       CASE WHEN i % 10 = 8 THEN 'expired' END, s - (i % 40) * interval '1 day'
FROM (
    SELECT i, artist,
           timestamptz '{FIRST_DAY.isoformat()} 00:00Z'
             + CASE WHEN artist = 1 THEN j * interval '210 minutes'
                    ELSE j * interval '35 hours' + (artist % 30) * interval '1 hour' END AS s
    FROM plan
) AS p;
-- Deposits paid on 5 bookings in 10; the paid cancelled ones refunded (half settled).
INSERT INTO payment_invoices (id, booking_id, customer_id, artist_user_id, number, amount,
    currency, status, callback_token_hash, expires_at, provider_invoice_id, cancel_due)
SELECT gen_random_uuid(), b.id, b.customer_id, b.artist_user_id, 'N' || b.reference, 30000,
       'MNT', 'paid', 'h', b.created_at, 'P' || b.reference, false
FROM bookings b WHERE b.reference::text ~ '[0-36]$';
INSERT INTO received_payments (payment_id, provider_invoice_id, booking_id, amount, currency,
    method, outcome, processed_at, callback_payload, check_payload)
SELECT 'R' || b.reference, 'P' || b.reference, b.id, 30000, 'MNT', 'card', 'confirmed',
       b.created_at + interval '5 minutes', '', ''
FROM bookings b WHERE b.reference::text ~ '[0-36]$';
INSERT INTO refunds (id, booking_id, customer_id, artist_user_id, amount, currency, status,
    reason, created_at, updated_at)
SELECT gen_random_uuid(), b.id, b.customer_id, b.artist_user_id, 30000, 'MNT',
       CASE WHEN b.reference::text ~ '[02468]6$' THEN 'refunded' ELSE 'pending' END,
       'cancelled',
       b.starts_at - interval '1 day', b.starts_at
FROM bookings b WHERE b.reference::text ~ '6$' AND b.status = 'cancelled';
SET session_replication_role = origin;
SELECT analytics_rebuild(NULL);
"""  # noqa: S608 - constants only


def _seed(url: str, data: Path) -> None:
    marker = data / "analytics-seeded"
    if marker.exists():
        print("reusing the seeded database in", data)
        return
    started = time.monotonic()
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(SEED)
        folding = time.monotonic()  # every rollup row is new: the worker's first fold
        folded = conn.execute("SELECT analytics_fold()").fetchone()
        print(f"folded {folded[0] if folded else 0:,} rollup rows into the summaries"
              f" in {time.monotonic() - folding:.0f} s")  # fmt: skip
        conn.execute("VACUUM ANALYZE")
        rows = conn.execute("SELECT count(*) FROM analytics_days").fetchone()
    marker.write_text("seeded\n")
    print(f"seeded {BOOKINGS:,} bookings in {time.monotonic() - started:.0f} s; "
          f"rollup rows: {rows[0] if rows else 0:,}")  # fmt: skip


async def _timed(label: str, ask: Callable[[], Awaitable[object]], seconds: float) -> None:
    for _ in range(5):  # warm the pool, the plans and the caches
        await ask()
    took: list[float] = []
    until = time.monotonic() + seconds
    while time.monotonic() < until or len(took) < 20:
        started = time.perf_counter()
        await ask()
        took.append((time.perf_counter() - started) * 1000)
    took.sort()
    p99 = took[min(len(took) - 1, int(len(took) * 0.99))]
    print(f"{label:<58} n={len(took):>5}  p50 {statistics.median(took):6.1f} ms"
          f"  p99 {p99:6.1f} ms")  # fmt: skip


async def _measure(url: str, seconds: float) -> None:
    database = Database(url, min_size=1, max_size=4)
    await database.open()
    try:
        factory = PostgresUnitOfWorkFactory(
            database, unit=postgres_unit(), secrets=FernetSecretBox([KEY])
        )
        analytics = AnalyticsUseCases.build(AnalyticsDeps(uow=factory))
        # As a serving process does once built: without it, a full collection walking this
        # process's heap lands in some questions (the two-year ones' p99 read 70-98 ms).
        settle_heap_for_serving()
        admin = Actor(UserId(UUID(int=0)), Role.ADMIN)
        artist = ArtistId(HEAVY_ARTIST)
        last = FIRST_DAY + timedelta(days=DAYS - 1)
        spans = {
            "two years by day": DateRange(FIRST_DAY, last, Granularity.DAY),
            "two years by month": DateRange(FIRST_DAY, last, Granularity.MONTH),
            "one year by week": DateRange(last - timedelta(days=364), last, Granularity.WEEK),
            "30 days by day": DateRange(last - timedelta(days=29), last, Granularity.DAY),
        }
        everyone = PlatformFilter()
        for name, span in spans.items():

            async def mine(s: DateRange = span) -> object:
                return await analytics.artist_analytics(admin, artist, s)

            await _timed(f"artist (5,000 bookings), {name}", mine, seconds)
        for name, span in spans.items():

            async def platform(s: DateRange = span, w: PlatformFilter = everyone) -> object:
                return await analytics.platform_analytics(admin, s, w)

            await _timed(f"platform (1,000,000 bookings), {name}", platform, seconds)
        recent = spans["30 days by day"]
        for name, where in (("one city", PlatformFilter("Darkhan")),
                            ("one artist", PlatformFilter(artist_id=artist))):  # fmt: skip

            async def narrowed(w: PlatformFilter = where) -> object:
                return await analytics.platform_analytics(admin, recent, w)

            await _timed(f"platform, {name}, 30 days by day", narrowed, seconds)
    finally:
        await database.close()


_INSERT = """
INSERT INTO bookings (id, reference, artist_id, artist_user_id, customer_id, service_id,
    starts_at, ends_at, blocked, status, payment_status, requires_approval, approved, currency,
    deposit_amount, version, status_changed_at)
SELECT gen_random_uuid(), 'T-' || %(round)s || '-' || gen_random_uuid(), a.id, a.user_id,
       ('00000000-0000-4000-9000-' || lpad(to_hex(1), 12, '0'))::uuid,
       ('00000000-0000-4000-a000-' || lpad(to_hex(2 * 4), 12, '0'))::uuid,
       %(at)s, %(at)s + interval '1 hour', tstzrange(%(at)s, %(at)s + interval '1 hour'),
       %(status)s, 'unpaid', false, true, 'MNT', 0, 1, %(at)s
FROM artists a WHERE a.id = ('00000000-0000-0000-0000-' || lpad(to_hex(2), 12, '0'))::uuid
"""


def trigger_cost(url: str, count: int = 1_000) -> None:
    """What the rollup's trigger adds to one booking insert (one statement, autocommit, as
    a booking created without an Idempotency-Key): confirmed (one upsert) and pending (the
    WHEN test only), against the same insert with that trigger disabled; rounds alternate. The rows
    stay (each batch in years of its own): deleting bookings is no path worth timing."""
    sums: dict[str, list[float]] = {}
    variants = (("confirmed", "ENABLE"), ("confirmed", "DISABLE"),
                ("pending", "ENABLE"), ("pending", "DISABLE"))  # fmt: skip
    with psycopg.connect(url, autocommit=True) as conn:
        # After the artist's latest booking (a run before this one left its own).
        latest = conn.execute(
            "SELECT max(starts_at) FROM bookings WHERE artist_id = %s", (UUID(int=2),)
        ).fetchone()
        base = (latest[0] if latest and latest[0] else datetime.now(UTC)) + timedelta(days=1)
        for round_ in range(6):
            # Odd rounds run the variants backwards: no variant always follows another.
            order = variants if round_ % 2 == 0 else variants[::-1]
            for v, (status, switch) in enumerate(order):
                conn.execute(f"ALTER TABLE bookings {switch} TRIGGER analytics_bookings_inserted")
                start = base + timedelta(days=100 * (round_ * len(variants) + v))
                started = time.perf_counter()
                for n in range(count):
                    at = start + timedelta(hours=2 * n)
                    conn.execute(_INSERT, {"round": f"{status}{switch}{round_}", "at": at,
                                           "status": status})  # fmt: skip
                took = (time.perf_counter() - started) / count * 1e6
                conn.execute("ALTER TABLE bookings ENABLE TRIGGER analytics_bookings_inserted")
                label = f"{status}, analytics trigger {'on' if switch == 'ENABLE' else 'off'}"
                sums.setdefault(label, []).append(took)
    for label, runs in sums.items():
        print(f"insert one booking, {label:<31} median of rounds {statistics.median(runs):5.0f} us")


def _parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--data", type=Path, help="seed once in this directory, then reuse it")
    parser.add_argument("--seconds", type=float, default=3.0, help="per question")
    parser.add_argument("--trigger-cost", action="store_true", help="also time booking inserts")
    parser.add_argument("--no-queries", action="store_true", help="skip the questions")
    return parser.parse_args()


def main() -> None:
    args = _parse()
    with tempfile.TemporaryDirectory(prefix="inkslot-analytics-") as tmp:
        data = args.data or Path(tmp)
        data.mkdir(parents=True, exist_ok=True)
        server, url = start_postgres(data)
        try:
            _seed(url, data)
            if not args.no_queries:
                asyncio.run(_measure(url, args.seconds))
            if args.trigger_cost:
                trigger_cost(url)
        finally:
            server.stop()


if __name__ == "__main__":
    main()
