"""What reading a busy artist's calendar feed costs: one artist with 300 bookings in the
feed's window, each for a person of its own (every fifth a client record), over three
services, read through ``ReadCalendarFeed`` (as ``GET /cal/<token>.ics`` does, less the
HTTP) N times, one caller at a time, in this process.

    .venv/bin/python bench/calendar_feed.py            # 200 reads
    .venv/bin/python bench/calendar_feed.py --reads 1000

The embedded PostgreSQL (as the local profile runs it), migrated, seeded with straight SQL.
Prints the statements one read sends, then milliseconds per feed (median and p99): the
whole read (the queries and writing the iCalendar text) and the queries alone (the read
port: the owner, then the entries). Asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit
from uuid import UUID

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT), str(ROOT / "bench")]

import psycopg  # noqa: E402
from tests.support.statements import counting  # noqa: E402

from adapters.icalendar_writer.writer import IcsCalendarWriter  # noqa: E402
from adapters.postgres.database import Database  # noqa: E402
from adapters.postgres.uow_factory import PostgresUnitOfWorkFactory  # noqa: E402
from adapters.security.digest import HmacDigest  # noqa: E402
from adapters.security.secret_box import FernetSecretBox  # noqa: E402
from adapters.system.clock import ManualClock  # noqa: E402
from booking_domain.calendars import MAX_FEED_EVENTS, FeedSide, feed_lookup, feed_window  # noqa: E402
from booking_domain.calendars.use_cases import CalendarsDeps, CalendarUseCases  # noqa: E402
from booking_domain.shared import Role, UserId  # noqa: E402
from booking_domain.shared.identity import Actor  # noqa: E402
from booking_setup import start_postgres  # noqa: E402
from entrypoints.container.units import postgres_unit  # noqa: E402

BOOKINGS = 300
KEY = "YmVuY2gtb25seS1rZXktZm9yLWlua3Nsb3QtYmVuY2g="
NOW = datetime(2026, 3, 1, tzinfo=UTC)
ARTIST_USER = "00000000-0000-4000-8000-000000000001"

# Bookings 3.5 hours apart from 30 days back: all in the feed's window, none overlapping.
SEED = f"""
INSERT INTO users (id, email, name, role, password_hash)
VALUES ('{ARTIST_USER}', 'artist@bench.example', 'Ada', 'artist', '!');
INSERT INTO users (id, email, name, role, password_hash)
SELECT ('00000000-0000-4000-9000-' || lpad(to_hex(n), 12, '0'))::uuid,
       'customer' || n || '@bench.example', 'Customer ' || n, 'customer', '!'
FROM generate_series(1, {BOOKINGS}) AS n;
INSERT INTO artists (id, user_id, display_name, time_zone, status)
VALUES ('00000000-0000-0000-0000-000000000001', '{ARTIST_USER}', 'Ink Master',
        'Asia/Ulaanbaatar', 'approved');
INSERT INTO services (id, artist_id, name, duration_minutes, price_amount, currency)
SELECT ('00000000-0000-4000-a000-' || lpad(to_hex(n), 12, '0'))::uuid,
       '00000000-0000-0000-0000-000000000001', 'Service ' || n, 60, 150000, 'MNT'
FROM generate_series(1, 3) AS n;
INSERT INTO clients (id, artist_id, name, phone)
SELECT ('00000000-0000-4000-b000-' || lpad(to_hex(n), 12, '0'))::uuid,
       '00000000-0000-0000-0000-000000000001', 'Walk-in ' || n,
       '+9768811' || lpad(n::text, 4, '0')
FROM generate_series(1, {BOOKINGS}) AS n WHERE n % 5 = 0;
INSERT INTO bookings (id, reference, artist_id, artist_user_id, customer_id, client_id,
    service_id, starts_at, ends_at, blocked, status, payment_status, requires_approval,
    approved, currency, deposit_amount, version, status_changed_at)
SELECT gen_random_uuid(), 'BENCH' || n, '00000000-0000-0000-0000-000000000001',
       '{ARTIST_USER}',
       CASE WHEN n % 5 = 0 THEN NULL
            ELSE ('00000000-0000-4000-9000-' || lpad(to_hex(n), 12, '0'))::uuid END,
       CASE WHEN n % 5 = 0 THEN ('00000000-0000-4000-b000-' || lpad(to_hex(n), 12, '0'))::uuid
       END,
       ('00000000-0000-4000-a000-' || lpad(to_hex(1 + n % 3), 12, '0'))::uuid,
       at, at + interval '1 hour', tstzrange(at, at + interval '1 hour'),
       (ARRAY['confirmed', 'pending', 'cancelled', 'completed'])[1 + n % 4], 'unpaid',
       false, true, 'MNT', 0, 1 + n % 3, at
FROM generate_series(1, {BOOKINGS}) AS n,
     LATERAL (SELECT timestamptz '{NOW.isoformat()}' - interval '30 days'
                     + n * interval '210 minutes' AS at) AS t;
"""  # noqa: S608 - constants only


async def _timed(label: str, read: Callable[[], Awaitable[object]], reads: int) -> None:
    for _ in range(10):  # warm: connections, compiled statements, the zone's VTIMEZONE
        await read()
    took: list[float] = []
    for _ in range(reads):
        started = time.perf_counter()
        await read()
        took.append((time.perf_counter() - started) * 1000)
    took.sort()
    p99 = took[min(len(took) - 1, int(len(took) * 0.99))]
    print(f"{label:<44} n={reads:>5}  median {statistics.median(took):6.2f} ms"
          f"  p99 {p99:6.2f} ms a feed")  # fmt: skip


async def _measure(url: str, reads: int) -> None:
    database = Database(url, min_size=1, max_size=4)
    await database.open()
    try:
        factory = PostgresUnitOfWorkFactory(
            database, unit=postgres_unit(), secrets=FernetSecretBox([KEY])
        )
        digest = HmacDigest("bench-secret")
        deps = CalendarsDeps(factory, ManualClock(NOW), digest, IcsCalendarWriter())
        calendars = CalendarUseCases.build(deps)
        artist = Actor(UserId(UUID(ARTIST_USER)), Role.ARTIST)
        name = urlsplit((await calendars.show_my_feed(artist)).url).path.removeprefix("/cal/")

        async def whole() -> object:
            return await calendars.read_feed(name)

        async def queries() -> object:
            async with factory(read_only=True, may_lag=True) as uow:
                reader = uow.calendar_feed_reader
                owner = await reader.owner(feed_lookup(digest, name.removesuffix(".ics")))
                assert owner is not None
                window = feed_window(NOW)
                return await reader.entries(owner.id, FeedSide.ARTIST, window, MAX_FEED_EVENTS)

        document = await calendars.read_feed(name)
        with counting() as tally:
            await calendars.read_feed(name)
        print(f"one feed of {document.events} events: {len(tally.statements)} statements,"
              f" {tally.round_trips} round trips, {len(document.text):,} characters")  # fmt: skip
        await _timed("the feed read (queries + iCalendar text)", whole, reads)
        await _timed("its queries alone (the read port)", queries, reads)
    finally:
        await database.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--reads", type=int, default=200, help="feeds read, each measured")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="inkslot-calendar-feed-") as tmp:
        server, url = start_postgres(Path(tmp))
        try:
            with psycopg.connect(url, autocommit=True) as conn:
                conn.execute(SEED)
                conn.execute("ANALYZE")
            asyncio.run(_measure(url, args.reads))
        finally:
            server.stop()


if __name__ == "__main__":
    main()
