"""Benchmark of the admin lists: p50/p99 at page 1 and page 500, with filters, on
100,000 users, 100,000 bookings and 100,000 transactions (``bench/seed_large.py``).

    .venv/bin/python bench/admin_lists.py                # seed, serve, measure
    .venv/bin/python bench/admin_lists.py --explain      # also EXPLAIN ANALYZE each page 500

The embedded PostgreSQL (as the local profile runs it) in a temporary directory, seeded with
COPY, then ``inkslot serve --workers 2``; each list and filter is asked for page 1 and page
500 (20 a page: rows 9,981 to 10,000; every filter here has at least 10,000 matches) for
``--seconds`` by one admin (one client at a time: how long an admin waits), then by four
at once (``--clients``: closed-loop keep-alive clients), with one admin's bearer token. The
audit trail pages by keyset: its "page 500" starts from the cursor 10,000 entries deep.
Client, two API processes and PostgreSQL share the machine's 2 cores. Prints; asserts
nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "bench")]

import psycopg  # noqa: E402
from argon2 import PasswordHasher  # noqa: E402

from booking_setup import free_port, start_postgres, start_server, stop_server  # noqa: E402
from loadgen import build_request, run_load  # noqa: E402
from seed_large import Seeded, seed  # noqa: E402

PASSWORD = "bench-admin-password-1"
PAGE_SIZE = 20
DEEP = 500


def _login(base: str, email: str) -> str:
    body = json.dumps({"email": email, "password": PASSWORD}).encode()
    request = urllib.request.Request(f"{base}/api/v1/auth/login", body,
                                     {"content-type": "application/json"})  # fmt: skip
    with urllib.request.urlopen(request) as answer:
        return str(json.load(answer)["tokens"]["accessToken"])


def _get(base: str, path: str, token: str) -> dict[str, Any]:
    request = urllib.request.Request(f"{base}{path}", headers={"authorization": f"Bearer {token}"})
    with urllib.request.urlopen(request) as answer:
        return dict(json.load(answer))


def shapes(seeded: Seeded) -> dict[str, dict[str, str]]:
    """Each list with its filters (query strings without the page)."""
    artist = seeded.artist_ids[0]
    return {
        "users role": {"path": "/api/v1/admin/users", "q": "role=customer"},
        "users role+unrestricted": {
            "path": "/api/v1/admin/users", "q": "role=customer&restricted=false"},
        "users text": {"path": "/api/v1/admin/users", "q": "q=bat"},
        "artists approved": {"path": "/api/v1/admin/artists", "q": "status=approved"},
        "artists approved+city": {
            "path": "/api/v1/admin/artists", "q": "status=approved&city=Ulaanbaatar"},
        "bookings confirmed": {"path": "/api/v1/admin/bookings", "q": "status=confirmed"},
        "bookings paid": {"path": "/api/v1/admin/bookings", "q": "paymentStatus=paid"},
        "bookings completed+dates": {
            "path": "/api/v1/admin/bookings",
            "q": "status=completed&from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z"},
        "bookings artist": {"path": "/api/v1/admin/bookings", "q": f"artistId={artist}"},
        "transactions all": {"path": "/api/v1/admin/transactions", "q": ""},
        "transactions deposit paid": {
            "path": "/api/v1/admin/transactions", "q": "kind=deposit&status=paid"},
        "transactions awaiting": {
            "path": "/api/v1/admin/transactions", "q": "awaitingSettlement=true"},
        "transactions dates": {
            "path": "/api/v1/admin/transactions",
            "q": "from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z"},
        "disputes open": {"path": "/api/v1/admin/disputes", "q": "status=open"},
        "disputes dates": {
            "path": "/api/v1/admin/disputes",
            "q": "from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z"},
    }  # fmt: skip


def _wait_for_search_projection(url: str, limit_s: float = 1800) -> float:
    """Seconds until the worker has computed search's free starts of every visible artist:
    it does so once after a start, and would share the cores with the first lists."""
    started = time.monotonic()
    with psycopg.connect(url, autocommit=True) as conn:
        while time.monotonic() - started < limit_s:
            row = conn.execute(
                "SELECT (SELECT count(*) FROM artists WHERE status = 'approved' AND NOT suspended)"
                " - (SELECT count(*) FROM search_calendars"
                "     WHERE catalog_version >= wanted_version AND valid_until > now())"
            ).fetchone()
            if row is not None and row[0] <= 0:
                return time.monotonic() - started
            time.sleep(0.5)  # polling the worker's progress, not waiting for time
    raise SystemExit("the search projection did not fill in time")


def _deep_cursor(base: str, token: str, query: str) -> str | None:
    """The audit cursor after 10,000 entries (500 pages of 20), read 100 at a time."""
    before = None
    for _ in range(DEEP * PAGE_SIZE // 100):
        extra = f"&before={before}" if before else ""
        page = _get(base, f"/api/v1/admin/audit?limit=100&{query}{extra}", token)
        before = page["next"]
        if before is None:
            return None
    return before


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--clients", type=int, nargs="+", default=[1, 4])
    parser.add_argument("--explain", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="inkslot-admin-") as tmp:
        data = Path(tmp)
        server, url = start_postgres(data)
        try:
            started = time.monotonic()
            seeded = seed(url, password_hash=PasswordHasher().hash(PASSWORD))
            print(f"seeded in {time.monotonic() - started:.0f} s")
            port = free_port()
            base = f"http://127.0.0.1:{port}"
            process = start_server(data, url, port, workers=2)
            try:
                settled = _wait_for_search_projection(url)
                print(f"the worker's search projection filled in {settled:.0f} s (measured after)")
                token = _login(base, seeded.admin_email)
                paths = _paths(base, token, seeded)
                headers = {"authorization": f"Bearer {token}"}
                for clients in args.clients:
                    for name, path in paths.items():
                        request = build_request("GET", path, f"127.0.0.1:{port}", headers)
                        result = run_load(name, "127.0.0.1", port, lambda _i, r=request: r,
                                          concurrency=clients, duration=args.seconds)  # fmt: skip
                        print(result.line())
            finally:
                stop_server(process)
            if args.explain:
                asyncio.run(explain(url, seeded))
        finally:
            server.stop()


def _paths(base: str, token: str, seeded: Seeded) -> dict[str, str]:
    paths: dict[str, str] = {}
    for name, shape in shapes(seeded).items():
        for page in (1, DEEP):
            query = "&".join(q for q in (shape["q"], f"page={page}&pageSize={PAGE_SIZE}") if q)
            paths[f"{name} p{page}"] = f"{shape['path']}?{query}"
    for name, query in (("audit all", ""), ("audit booking.", "action=booking.")):
        paths[f"{name} p1"] = f"/api/v1/admin/audit?limit={PAGE_SIZE}&{query}"
        cursor = _deep_cursor(base, token, query)
        paths[f"{name} p{DEEP}"] = f"/api/v1/admin/audit?limit={PAGE_SIZE}&{query}&before={cursor}"
    target = f"booking/{seeded.booking_ids[7]}"
    paths["audit target p1"] = f"/api/v1/admin/audit?target={urllib.parse.quote(target)}"
    return paths


class _Recording:
    """A connection that remembers what the adapters send (for EXPLAIN)."""

    def __init__(self, conn: psycopg.AsyncConnection[Any]) -> None:
        self.conn = conn
        self.sent: list[tuple[str, Any]] = []

    async def execute(self, sql: str, params: Any = None, **options: Any) -> Any:
        self.sent.append((sql, params))
        return await self.conn.execute(sql, params, **options)


async def explain(url: str, seeded: Seeded) -> None:
    """EXPLAIN (ANALYZE, BUFFERS) of page 500 of each list, exactly as the adapters send it."""
    from datetime import UTC, datetime

    from psycopg.rows import dict_row

    from adapters.postgres.accounts import PostgresUserRepository
    from adapters.postgres.audit import PostgresAuditTrail
    from adapters.postgres.bookings import PostgresBookingRepository
    from adapters.postgres.catalog import PostgresArtistRepository
    from adapters.postgres.disputes import PostgresDisputeRepository
    from adapters.postgres.ledger import PostgresTransactionLedger
    from booking_domain.accounts.ports import UserFilter
    from booking_domain.bookings import BookingStatus, PaymentStatus
    from booking_domain.bookings.ports import BookingFilter
    from booking_domain.catalog import ArtistStatus
    from booking_domain.catalog.ports import ArtistFilter
    from booking_domain.disputes import DisputeFilter, DisputeStatus
    from booking_domain.payments.ledger import TransactionFilter, TransactionKind
    from booking_domain.shared import PageRequest, Role
    from booking_domain.shared.audit import AuditFilter

    page = PageRequest(DEEP, PAGE_SIZE)
    async with await psycopg.AsyncConnection.connect(url, row_factory=dict_row) as conn:
        recording = _Recording(conn)
        on: Any = recording  # the adapters take a connection; this one records, then sends
        users, artists = PostgresUserRepository(on), PostgresArtistRepository(on)
        bookings, ledger = PostgresBookingRepository(on), PostgresTransactionLedger(on)
        disputes, audit = PostgresDisputeRepository(on), PostgresAuditTrail(on)
        deposits_paid = TransactionFilter(
            kinds=frozenset({TransactionKind.DEPOSIT}), statuses=frozenset({"paid"})
        )
        calls: dict[str, Callable[[], Awaitable[Any]]] = {
            "users role=customer": lambda: users.list(
                page, UserFilter(Role.CUSTOMER, None, None, datetime.now(UTC))),
            "users q=bat": lambda: users.list(page, UserFilter(text="bat")),
            "artists status=approved&city=Ulaanbaatar": lambda: artists.list(
                ArtistFilter(status=ArtistStatus.APPROVED, city="Ulaanbaatar"), page),
            "artists status=approved": lambda: artists.list(
                ArtistFilter(status=ArtistStatus.APPROVED), page),
            "bookings paymentStatus=paid": lambda: bookings.list(
                BookingFilter(payment_statuses=(PaymentStatus.PAID,)), page),
            "bookings status=confirmed": lambda: bookings.list(
                BookingFilter(statuses=(BookingStatus.CONFIRMED,)), page),
            "bookings status=completed&from&to": lambda: bookings.list(BookingFilter(
                statuses=(BookingStatus.COMPLETED,), starts_from=datetime(2000, 1, 1, tzinfo=UTC),
                starts_before=datetime(2100, 1, 1, tzinfo=UTC)), page),
            "transactions (all)": lambda: ledger.list(TransactionFilter(), page),
            "transactions kind=deposit&status=paid": lambda: ledger.list(deposits_paid, page),
            "transactions awaitingSettlement": lambda: ledger.list(
                TransactionFilter(awaiting_settlement=True), page),
            "disputes status=open": lambda: disputes.list(
                DisputeFilter(status=DisputeStatus.OPEN), page),
            "audit action=booking.": lambda: audit.list(
                AuditFilter(action="booking."), before=None, limit=PAGE_SIZE),
        }  # fmt: skip
        for name, call in calls.items():
            recording.sent.clear()
            await call()
            for sql, params in recording.sent:
                print(f"\n## {name}\n\n{' '.join(sql.split())}\n")
                cursor = await conn.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, params)
                for row in await cursor.fetchall():
                    print(row["QUERY PLAN"])


if __name__ == "__main__":
    main()
