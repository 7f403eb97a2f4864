"""Payments benchmark: deposit invoices and QPay callbacks through ``inkslot serve --workers 2``
with the QPay gateway pointed at the fake QPay (its own process, on loopback).

    .venv/bin/python bench/payments.py [--bookings 2000] [--duplicates 4] [--callers 32]

1. ``--bookings`` pending bookings awaiting a deposit are written with SQL (200 artists of
   ``bench/booking_setup.py``), each of one of 64 customers registered through the API.
2. Deposit-invoice creation: every booking's customer asks for its invoice, 8 at a time
   (each is two transactions around a call to the fake QPay): invoices/s and latency.
3. Every invoice is paid at the fake QPay, which says where it would call back.
4. The callback storm: each callback URL ``--duplicates`` times, shuffled, sent by
   ``--callers`` concurrent keep-alive connections: callbacks answered/s, and bookings
   confirmed/s (bookings / wall time).
5. Checks: every answer ``200 SUCCESS``; each booking confirmed, one ``payment_recorded``
   event and one received payment each (duplicate state changes must be 0).
6. The database's ceiling of the same run: ``bench/bookings.py``'s pgbench (booking inserts
   under the same exclusion constraint, 8 clients), printed beside the rates.

Prints figures; never asserts. Client, server, fake QPay and PostgreSQL share the machine.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import UTC, datetime, timedelta
from pathlib import Path
from uuid import UUID, uuid4

import httpx
import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parent))

from booking_setup import (
    free_port,
    pgbench_rows,
    register_customers,
    seed_catalogue,
    start_postgres,
    start_server,
    stop_server,
)
from bookings import pgbench

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
DEPOSIT_MINOR = 3_000_000  # 30,000 MNT


def start_fake_qpay(port: int, log: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [
        sys.executable,
        "-m",
        "uvicorn",
        "tests.support.fake_qpay:app",
        "--host",
        HOST,
        "--port",
        str(port),
        "--log-level",
        "warning",
        "--no-access-log",
        "--lifespan",
        "off",
    ]
    process = subprocess.Popen(
        command,
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=open(log, "wb"),  # noqa: SIM115 - lives with the process
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://{HOST}:{port}/v2/invoice/x", timeout=1)
        except urllib.error.HTTPError:
            return process  # it answers (401 without a token)
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("the fake QPay did not start")


def customer_ids(base: str, tokens: list[str]) -> list[UUID]:
    ids = []
    for token in tokens:
        request = urllib.request.Request(
            base + "/api/v1/me", headers={"Authorization": f"Bearer {token}"}
        )
        with urllib.request.urlopen(request, timeout=10) as answer:
            ids.append(UUID(json.load(answer)["id"]))
    return ids


def pending_bookings(
    database_url: str, catalogue: object, customers: list[UUID], count: int
) -> list[tuple[UUID, int]]:
    """``count`` pending bookings awaiting a 30,000 MNT deposit, held for three hours:
    (booking id, customer index)."""
    now = datetime.now(UTC)
    made: list[tuple[UUID, int]] = []
    rows = []
    for k in range(count):
        artist, start = catalogue.creation_slot(k)  # type: ignore[attr-defined]
        end = start + timedelta(hours=1)
        booking_id, who = uuid4(), k % len(customers)
        made.append((booking_id, who))
        rows.append(
            (
                booking_id,
                f"PAY-{k:06d}",
                artist.id,
                artist.user_id,
                customers[who],
                artist.service_id,
                start,
                end,
                f"[{start.isoformat()},{end.isoformat()})",
                "pending",
                "unpaid",
                now + timedelta(hours=3),
                False,
                False,
                "MNT",
                DEPOSIT_MINOR,
                1,
                now,
            )
        )
    with psycopg.connect(database_url) as conn:
        with conn.cursor().copy(
            "COPY bookings (id, reference, artist_id, artist_user_id, customer_id, service_id,"
            " starts_at, ends_at, blocked, status, payment_status, hold_expires_at,"
            " requires_approval, approved, currency, deposit_amount, version, status_changed_at)"
            " FROM STDIN"
        ) as cp:
            for row in rows:
                cp.write_row(row)
        conn.commit()
        conn.execute("ANALYZE bookings")
    return made


async def create_invoices(
    base: str, tokens: list[str], bookings: list[tuple[UUID, int]], concurrency: int = 8
) -> list[str]:
    queue: asyncio.Queue[tuple[UUID, int]] = asyncio.Queue()
    for item in bookings:
        queue.put_nowait(item)
    invoices: list[str] = []
    latencies: list[float] = []
    failures = 0

    async def caller() -> None:
        nonlocal failures
        async with httpx.AsyncClient(base_url=base, timeout=30) as client:
            while not queue.empty():
                booking_id, who = queue.get_nowait()
                began = time.perf_counter()
                answer = await client.post(
                    f"/api/v1/bookings/{booking_id}/deposit-invoice",
                    headers={"Authorization": f"Bearer {tokens[who]}"},
                )
                latencies.append((time.perf_counter() - began) * 1000)
                if answer.status_code == 201:
                    invoices.append(answer.json()["invoiceId"])
                else:
                    failures += 1

    began = time.perf_counter()
    await asyncio.gather(*(caller() for _ in range(concurrency)))
    seconds = time.perf_counter() - began
    ordered = sorted(latencies)
    print(
        f"    deposit invoices: {len(invoices)} in {seconds:.1f} s = "
        f"{len(invoices) / seconds:,.0f}/s at c={concurrency}, p50 "
        f"{statistics.median(ordered):.1f} ms, p99 {ordered[int(0.99 * len(ordered))]:.1f} ms, "
        f"failed {failures}"
    )
    return invoices


async def pay_all(fake: str, invoices: list[str]) -> list[str]:
    async with httpx.AsyncClient(base_url=fake, timeout=30) as client:
        callbacks = []
        for chunk in range(0, len(invoices), 64):
            answers = await asyncio.gather(
                *(client.post(f"/_fake/invoices/{i}/pay") for i in invoices[chunk : chunk + 64])
            )
            callbacks += [a.json()["callbackUrl"] for a in answers]
    return callbacks


async def storm(callbacks: list[str], duplicates: int, callers: int) -> float:
    sends = [url for url in callbacks for _ in range(duplicates)]
    random.Random(11).shuffle(sends)
    queue: asyncio.Queue[str] = asyncio.Queue()
    for url in sends:
        queue.put_nowait(url)
    answers: list[tuple[int, str]] = []
    latencies: list[float] = []

    async def caller() -> None:
        limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
        async with httpx.AsyncClient(timeout=60, limits=limits) as client:
            while not queue.empty():
                url = queue.get_nowait()
                began = time.perf_counter()
                answer = await client.get(url)
                latencies.append((time.perf_counter() - began) * 1000)
                answers.append((answer.status_code, answer.text))

    began = time.perf_counter()
    await asyncio.gather(*(caller() for _ in range(callers)))
    seconds = time.perf_counter() - began
    ordered = sorted(latencies)
    wrong = sum(1 for status, text in answers if (status, text) != (200, "SUCCESS"))
    print(
        f"    callbacks: {len(sends)} ({len(callbacks)} invoices x {duplicates}) in "
        f"{seconds:.1f} s by {callers} callers = {len(sends) / seconds:,.0f} answered/s, "
        f"{len(callbacks) / seconds:,.0f} bookings confirmed/s; p50 "
        f"{statistics.median(ordered):.1f} ms, p99 {ordered[int(0.99 * len(ordered))]:.1f} ms; "
        f"answers other than 200 SUCCESS: {wrong}"
    )
    return len(sends) / seconds


def verify(database_url: str, count: int) -> None:
    with psycopg.connect(database_url) as conn:
        confirmed = conn.execute(
            "SELECT count(*) FROM bookings WHERE reference LIKE 'PAY-%' AND status = 'confirmed'"
            " AND payment_status = 'paid'"
        ).fetchone()
        twice = conn.execute(
            "SELECT count(*) FROM (SELECT booking_id FROM booking_events"
            " WHERE kind = 'payment_recorded' GROUP BY booking_id HAVING count(*) > 1) d"
        ).fetchone()
        payments = conn.execute("SELECT count(*) FROM received_payments").fetchone()
    print(
        f"    bookings confirmed and paid: {confirmed[0]} of {count}; received payments: "
        f"{payments[0]}; bookings with more than one payment recorded (duplicate state "
        f"changes): {twice[0]}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bookings", type=int, default=2000)
    parser.add_argument("--duplicates", type=int, default=4)
    parser.add_argument("--callers", type=int, default=32)
    parser.add_argument("--pgbench-seconds", type=float, default=10)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="inkslot-bench-payments-"))
    postgres, database_url = start_postgres(tmp)
    fake_port = free_port()
    fake = start_fake_qpay(fake_port, tmp / "fake-qpay.log")
    server = None
    try:
        catalogue = seed_catalogue(database_url)
        port = free_port()
        server = start_server(
            tmp,
            database_url,
            port,
            workers=2,
            INKSLOT_PAYMENT_GATEWAY="qpay",
            INKSLOT_QPAY_BASE_URL=f"http://{HOST}:{fake_port}",
            INKSLOT_QPAY_CLIENT_ID="TEST_MERCHANT",
            INKSLOT_QPAY_CLIENT_SECRET="123456",  # noqa: S106 - the fake QPay's sandbox pair
            INKSLOT_QPAY_INVOICE_CODE="TEST_INVOICE",
            INKSLOT_PUBLIC_URL=f"http://{HOST}:{port}",
            INKSLOT_EMBEDDED_WORKER="false",
        )
        base = f"http://{HOST}:{port}"
        tokens = register_customers(base, 64)
        bookings = pending_bookings(
            database_url, catalogue, customer_ids(base, tokens), args.bookings
        )
        print(
            f"server: {base}, 2 workers, QPay gateway -> fake QPay on :{fake_port} "
            f"(its own process); {os.cpu_count()} cores shared by all"
        )
        invoices = asyncio.run(create_invoices(base, tokens, bookings))
        callbacks = asyncio.run(pay_all(f"http://{HOST}:{fake_port}", invoices))
        rate = asyncio.run(storm(callbacks, args.duplicates, args.callers))
        verify(database_url, len(invoices))
        stop_server(server)
        server = None
        print("\n# the database's ceiling of this run: pgbench, booking inserts, 8 clients")
        pgbench_rows(database_url, catalogue)
        tps = pgbench(postgres.bin("pgbench"), postgres.port or 0, args.pgbench_seconds, tmp)
        if tps:
            print(f"    callbacks answered/s / pgbench ceiling: {rate / tps:.2f}")
    finally:
        if server is not None:
            stop_server(server)
        fake.terminate()
        fake.wait(10)
        postgres.stop()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
