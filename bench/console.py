"""Benchmark of the artist's console: each page's server time (p50, p99) for a busy artist
(1,000 bookings in the month, 500 clients), beside the cheapest signed-in request
(``GET /api/v1/me``) measured in the same run, and each page's weight on a phone (its CSS
and JS, gzipped, as the browser fetches them).

    .venv/bin/python bench/console.py                 # seed, serve, measure
    .venv/bin/python bench/console.py --seconds 10

The embedded PostgreSQL in a temporary directory, seeded with COPY: one approved artist
(Asia/Ulaanbaatar), a 30-minute service, 500 client records and 1,000 confirmed bookings
over the 31 days from today (2 each; about 33 a day, the busiest day 34), then
``inkslot serve --workers 2``. One client at a time (how long the artist waits), then four
(``--clients``), each page asked for ``--seconds`` with the console's session cookies,
and under each page the CPU it cost per request: the API's processes, PostgreSQL's and this
client's (``bench/cpu.py``). The week is next week (Monday to Sunday, all in the seeded
month: 7 x 33 = 231 bookings whatever day the run is on; this week's page holds only the
days from today on). Client, two API processes and PostgreSQL share the machine's cores.
Prints; asserts nothing.
"""

from __future__ import annotations

import argparse
import gzip
import http.client
import json
import re
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from functools import partial
from pathlib import Path
from uuid import UUID, uuid4
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "bench")]

import psycopg  # noqa: E402
from argon2 import PasswordHasher  # noqa: E402

from booking_setup import free_port, start_postgres, start_server, stop_server  # noqa: E402
from cpu import CpuMeter  # noqa: E402
from loadgen import build_request, run_load  # noqa: E402

ZONE = ZoneInfo("Asia/Ulaanbaatar")
EMAIL = "console-bench@bench.local"
PASSWORD = "bench-console-password-1"
CLIENTS = 500
BOOKINGS = 1_000
DAYS = 31
SLOT = timedelta(minutes=30)


def seed(url: str) -> tuple[UUID, date]:
    """The artist, its service, clients and bookings; the first booking's id and today."""
    today = datetime.now(ZONE).date()
    user_id, artist_id, service_id = uuid4(), uuid4(), uuid4()
    clients = [uuid4() for _ in range(CLIENTS)]
    with psycopg.connect(url) as conn:
        conn.execute(
            "INSERT INTO users (id, email, name, role, password_hash) VALUES (%s, %s, %s, %s, %s)",
            (user_id, EMAIL, "Bench Artist", "artist", PasswordHasher().hash(PASSWORD)),
        )
        conn.execute(
            "INSERT INTO artists (id, user_id, display_name, time_zone, status, city)"
            " VALUES (%s, %s, 'Bench Artist', %s, 'approved', 'Ulaanbaatar')",
            (artist_id, user_id, ZONE.key),
        )
        conn.execute(
            "INSERT INTO services (id, artist_id, name, duration_minutes, price_amount, currency)"
            " VALUES (%s, %s, 'Small tattoo', 30, 15000000, 'MNT')",
            (service_id, artist_id),
        )
        cur = conn.cursor()
        now = datetime.now(UTC)
        with cur.copy(
            "COPY clients (id, artist_id, name, phone, created_at, updated_at) FROM STDIN"
        ) as cp:
            for n, client_id in enumerate(clients):
                cp.write_row((client_id, artist_id, f"Client {n}", f"+9768{n:07d}", now, now))
        first = uuid4()
        with cur.copy(
            "COPY bookings (id, reference, artist_id, artist_user_id, client_id, service_id,"
            " starts_at, ends_at, blocked, status, payment_status, requires_approval,"
            " approved, currency, deposit_amount, version, status_changed_at) FROM STDIN"
        ) as cp:
            per_day = -(-BOOKINGS // DAYS)
            for k in range(BOOKINGS):
                day, slot = divmod(k, per_day)
                start = datetime.combine(today + timedelta(days=day), datetime.min.time(), ZONE)
                start += timedelta(hours=6) + slot * SLOT
                end = start + SLOT
                row = (
                    first if k == 0 else uuid4(), f"CON-{k:05d}", artist_id, user_id,
                    clients[k % CLIENTS], service_id, start, end,
                    f"[{start.isoformat()},{end.isoformat()})", "confirmed", "unpaid",
                    False, True, "MNT", 0, 1, start,
                )  # fmt: skip
                cp.write_row(row)
        conn.commit()
        conn.execute("ANALYZE")
    return first, today


def sign_in(port: int) -> str:
    """The console's session cookies, as a browser sends them back."""
    connection = http.client.HTTPConnection("127.0.0.1", port)
    body = f"email={EMAIL}&password={PASSWORD}"
    connection.request(
        "POST",
        "/console/sign-in",
        body,
        {"content-type": "application/x-www-form-urlencoded"},
    )
    answer = connection.getresponse()
    answer.read()
    cookies = [c.split(";", 1)[0] for c in answer.headers.get_all("set-cookie") or []]
    if answer.status != 303 or len(cookies) != 2:
        raise SystemExit(f"signing in at the console failed: {answer.status} {cookies}")
    return "; ".join(cookies)


def _get(port: int, path: str, headers: dict[str, str]) -> bytes:
    connection = http.client.HTTPConnection("127.0.0.1", port)
    connection.request("GET", path, headers=headers)
    answer = connection.getresponse()
    return answer.read()


def page_weight(port: int, cookie: str, path: str) -> int:
    """The gzipped bytes of the style sheets and scripts ``path`` links to."""
    page = _get(port, path, {"cookie": cookie}).decode()
    assets = re.findall(r'(?:href|src)="(/static/booking-page/[^"]+)"', page)
    return sum(len(gzip.compress(_get(port, a.replace("&amp;", "&"), {}))) for a in assets)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--clients", type=int, nargs="+", default=[1, 4])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="inkslot-console-") as tmp:
        data = Path(tmp)
        server, url = start_postgres(data)
        try:
            booking_id, today = seed(url)
            port = free_port()
            process = start_server(data, url, port, workers=2)
            try:
                cookie = sign_in(port)
                busiest = today.isoformat()
                next_week = (today + timedelta(days=7)).isoformat()  # seven seeded days
                paths = {
                    "GET /api/v1/me (floor)": ("/api/v1/me", None),
                    "API: the day's bookings": (_day_query(today), None),
                    "sign-in page": ("/console/sign-in", None),
                    "day (34 bookings)": (f"/console?day={busiest}", cookie),
                    "week (231 bookings)": (f"/console/week?day={next_week}", cookie),
                    "a booking": (f"/console/bookings/{booking_id}", cookie),
                    "walk-in form": ("/console/book", cookie),
                }
                token = _api_token(port)
                postmaster = int((server.pgdata / "postmaster.pid").read_text().split()[0])
                meter = CpuMeter(process.pid, postmaster)
                for clients in args.clients:
                    for name, (path, session) in paths.items():
                        headers = {"cookie": session} if session else {}
                        if path.startswith("/api/"):
                            headers = {"authorization": f"Bearer {token}"}
                        request = build_request("GET", path, f"127.0.0.1:{port}", headers)
                        load = partial(run_load, name, "127.0.0.1", port, lambda _i, r=request: r,
                                       concurrency=clients)  # fmt: skip
                        load(duration=1.0, warmup=0)  # warm-up, apart: the CPU counts only
                        before, began = meter.snapshot(), time.monotonic()
                        result = load(duration=args.seconds, warmup=0)
                        after, wall = meter.snapshot(), time.monotonic() - began
                        print(result.line(), flush=True)
                        print(CpuMeter.line(before, after, len(result.latencies_ms), wall))
                for name, path in (("day", f"/console?day={busiest}"), ("week", "/console/week")):
                    weight = page_weight(port, cookie, path)
                    print(f"page weight {name}: {weight / 1024:.1f} KB of CSS and JS, gzip")
            finally:
                stop_server(process)
        finally:
            server.stop()


def _day_query(day: date) -> str:
    """The API's list of the same day's bookings (what the day page reads, as JSON)."""
    first = datetime.combine(day, datetime.min.time(), ZONE).astimezone(UTC)
    following = first + timedelta(days=1)
    stamp = "%Y-%m-%dT%H:%M:%SZ"
    return (
        f"/api/v1/bookings?pageSize=100&from={first.strftime(stamp)}&to={following.strftime(stamp)}"
    )


def _api_token(port: int) -> str:
    connection = http.client.HTTPConnection("127.0.0.1", port)
    body = json.dumps({"email": EMAIL, "password": PASSWORD})
    connection.request("POST", "/api/v1/auth/login", body, {"content-type": "application/json"})
    return str(json.loads(connection.getresponse().read())["tokens"]["accessToken"])


if __name__ == "__main__":
    started = time.monotonic()
    main()
    print(f"done in {time.monotonic() - started:.0f} s")
