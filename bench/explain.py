"""Query plans of the hot reads, on a realistic amount of data.

Starts a throwaway embedded PostgreSQL, migrates it, fills it with 200 artists (weekly
rules, date overrides, 200 bookings each over a year, 40,000 bookings in all, across 2,000
customers), runs ANALYZE, and prints ``EXPLAIN (ANALYZE, BUFFERS)`` of:

- the scheduling context (the slot query: artist + service + rules + overrides + active
  blocked spans of a 31-day window), exactly as ``adapters.postgres.tuned.scheduling``
  writes it;
- the booking lists as ``adapters.postgres.bookings`` sends them: a customer's, an
  artist's, and the admin's list filtered by status.

    .venv/bin/python bench/explain.py
"""

from __future__ import annotations

import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import psycopg
from psycopg.rows import dict_row

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from adapters.postgres import migrate
from adapters.postgres.booking_lists import list_params, list_statements
from adapters.postgres.embedded import UNSAFE_FAST_SETTINGS, EmbeddedPostgres
from adapters.postgres.tuned.scheduling import FULL_CONTEXT_SQL, KNOWN_CATALOGUE_SQL
from booking_domain.bookings import BookingStatus
from booking_domain.bookings.ports import BookingFilter
from booking_domain.shared import PageRequest
from entrypoints.database import ensure_database

FILL = """
INSERT INTO users (id, email, name, role, password_hash)
SELECT gen_random_uuid(), 'artist' || g || '@example.com', 'Artist ' || g, 'artist', 'x'
  FROM generate_series(1, 200) g;
INSERT INTO users (id, email, name, role, password_hash)
SELECT gen_random_uuid(), 'customer' || g || '@example.com', 'Customer ' || g, 'customer', 'x'
  FROM generate_series(1, 2000) g;
INSERT INTO artists (id, user_id, display_name, time_zone, status)
SELECT gen_random_uuid(), id, name, 'Asia/Ulaanbaatar', 'approved' FROM users WHERE role = 'artist';
INSERT INTO services (id, artist_id, name, duration_minutes, price_amount, currency)
SELECT gen_random_uuid(), id, 'Session', 60, 100000, 'MNT' FROM artists;
INSERT INTO weekly_rules (id, artist_id, day, start_minute, end_minute)
SELECT gen_random_uuid(), a.id, d, 540, 1080 FROM artists a, generate_series(1, 5) d;
INSERT INTO date_overrides (id, artist_id, on_date, windows)
SELECT gen_random_uuid(), a.id, %(today)s::date + (k * 11), '[]'::jsonb
  FROM artists a, generate_series(1, 20) k;
WITH numbered AS (
    SELECT a.id AS artist_id, a.user_id, s.id AS service_id, n,
           %(year_start)s::timestamptz + (n * interval '43 hours') AS starts_at
      FROM artists a JOIN services s ON s.artist_id = a.id, generate_series(0, 199) n
)
INSERT INTO bookings (id, reference, artist_id, artist_user_id, customer_id, service_id,
                      starts_at, ends_at, blocked, status, payment_status, requires_approval,
                      approved, currency, deposit_amount, version, status_changed_at)
SELECT gen_random_uuid(), 'INK-' || substr(md5(random()::text), 1, 10), artist_id, user_id,
       (SELECT id FROM users
         WHERE email = 'customer'
               || (1 + (n * 7 + hashtext(artist_id::text) & 2047) %% 2000) || '@example.com'),
       service_id, starts_at, starts_at + interval '1 hour',
       tstzrange(starts_at, starts_at + interval '1 hour'),
       CASE WHEN n %% 10 = 0 THEN 'cancelled'
            WHEN starts_at < now() THEN 'completed' ELSE 'confirmed' END,
       'unpaid', false, false, 'MNT', 0, 1, now()
  FROM numbered;
ANALYZE;
"""


def explain(
    conn: psycopg.Connection[dict[str, object]], title: str, sql: str, params: dict[str, object]
) -> None:
    rows = conn.execute("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + sql, params).fetchall()
    print(f"\n### {title}\n")
    print("\n".join(str(next(iter(r.values()))) for r in rows))


def main() -> None:
    data = Path(tempfile.mkdtemp(prefix="inkslot-explain-")) / "pg"
    server = EmbeddedPostgres(data, settings=UNSAFE_FAST_SETTINGS)
    server.start()
    try:
        ensure_database(server.url(), "explain")
        url = server.url("explain")
        migrate.upgrade(url)
        now = datetime.now(UTC)
        with psycopg.connect(url, row_factory=dict_row, autocommit=True) as conn:
            fill_params = {"today": now.date(), "year_start": now - timedelta(days=180)}
            for statement in filter(str.strip, FILL.split(";\n")):
                conn.execute(statement, fill_params if "%(" in statement else None)
            artist = conn.execute(
                "SELECT a.id, a.user_id, s.id AS service_id"
                " FROM artists a JOIN services s ON s.artist_id = a.id LIMIT 1"
            ).fetchone()
            customer = conn.execute("SELECT customer_id FROM bookings LIMIT 1").fetchone()
            total = conn.execute("SELECT count(*) AS n FROM bookings").fetchone()
            assert artist is not None
            assert customer is not None
            assert total is not None
            print(f"{total['n']} bookings, 200 artists, 2000 customers")
            context_params = {
                "artist_id": artist["id"],
                "service_id": artist["service_id"],
                "window_start": now,
                "window_end": now + timedelta(days=31),
                "first": (now - timedelta(days=1)).date(),
                "last": (now + timedelta(days=32)).date(),
                "now": now,
            }
            for title, sql in (
                ("Slot query, first read: the context for a 31-day window", FULL_CONTEXT_SQL),
                ("Slot query, catalogue remembered: version, overrides, busy", KNOWN_CATALOGUE_SQL),
            ):
                explain(conn, title, sql, context_params)
            month = now + timedelta(days=30)
            lists = [
                (
                    "Booking list: a customer's bookings, newest first",
                    BookingFilter(customer_id=customer["customer_id"]),  # type: ignore[arg-type]
                ),
                (
                    "Booking list: an artist's upcoming bookings",
                    BookingFilter(artist_user_id=artist["user_id"], starts_from=now),  # type: ignore[arg-type]
                ),
                (
                    "Booking list: admin, confirmed bookings in a month",
                    BookingFilter(
                        statuses=(BookingStatus.CONFIRMED,), starts_from=now, starts_before=month
                    ),
                ),
            ]
            for title, where in lists:
                count_sql, page_sql = list_statements(where)
                params = list_params(where, PageRequest(1, 20))
                explain(conn, title + " (page)", page_sql, params)
                explain(conn, title + " (count)", count_sql, params)
    finally:
        server.destroy()


if __name__ == "__main__":
    main()
