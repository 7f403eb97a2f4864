"""Benchmark: notifications from the outbox to a real SMTP server and to Telegram.

Starts the embedded PostgreSQL with the catalogue of ``bench/bookings.py``, ``inkslot serve
--workers 2`` on it without embedded workers, an SMTP server (aiosmtpd, in this process: it
notes each message's Message-ID and arrival time), the fake Telegram Bot API
(``entrypoints/telegram/fake_api.py``, in this process too: it checks each message's HTML and
buttons as Telegram does) with every bench customer's chat linked, and, when a phase needs
it, one ``inkslot worker`` process sending to both. Then:

1. throughput: N bookings are created through the API while no worker runs (each confirmed
   at once: 2 emails, the customer's and the artist's, 2 inbox items, the customer's
   Telegram message, and a text skipped for want of a phone); then the worker starts and
   drains the backlog. Reported: emails and Telegram messages arrived per second from the
   worker's start to the last arrival, and all notifications (every channel) settled per
   second.
2. commit-to-delivered: with the worker running, bookings are created at a fixed rate
   (default 50/s, open loop) for some seconds. For each booking: from the event's
   ``occurredAt`` (the server's clock at the decision, just before the commit) to the
   customer's email arriving at the SMTP server, and to its Telegram message arriving at
   the fake Bot API.

    .venv/bin/python bench/notifications.py [--backlog 1000] [--rate 50] [--seconds 20]
                                            [--concurrency 16] [--no-telegram]

Client, API processes, the worker, the SMTP server and PostgreSQL share the machine's
cores. Prints; never asserts.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psycopg
from aiosmtpd.controller import Controller

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from adapters.jobs.queue import job_app
from booking_setup import (
    free_port,
    register_customers,
    seed_catalogue,
    start_postgres,
    start_server,
    stop_server,
)
from delivery import _create_at_rate, _percentile
from telegram_sink import TelegramSink, link_chats, report_backlog, report_steady


class Shifted:
    """The catalogue's creation slots from ``offset`` on: the steady phase books times the
    backlog left free."""

    def __init__(self, catalogue: object, offset: int) -> None:
        self._catalogue, self._offset = catalogue, offset

    def creation_slot(self, k: int) -> object:
        return self._catalogue.creation_slot(k + self._offset)  # type: ignore[attr-defined]


class Sink:
    """An SMTP server that keeps, per Message-ID, when the message arrived."""

    def __init__(self) -> None:
        self.arrived: dict[str, float] = {}
        self.count = 0
        self._lock = threading.Lock()
        sink = self

        class Handler:
            async def handle_DATA(self, server: object, session: object, envelope: object) -> str:
                now = time.time()
                raw: bytes = envelope.original_content or b""  # type: ignore[attr-defined]
                head = raw.split(b"\r\n\r\n", 1)[0]
                for line in head.split(b"\r\n"):
                    if line.lower().startswith(b"message-id:"):
                        with sink._lock:
                            sink.arrived.setdefault(line[11:].strip().decode(), now)
                            sink.count += 1
                return "250 OK"

        self.port = free_port()
        self.controller = Controller(
            Handler(), hostname="127.0.0.1", port=self.port, server_hostname="sink.bench"
        )
        self.controller.start()


def start_worker(
    workdir: Path, url: str, smtp_port: int, concurrency: int, telegram: dict[str, str]
) -> subprocess.Popen:  # type: ignore[type-arg]
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("INKSLOT_")},
        "INKSLOT_DATA_DIR": str(workdir), "INKSLOT_DATABASE_URL": url,
        "INKSLOT_SEED_DEMO_DATA": "false", "INKSLOT_SMTP_HOST": "127.0.0.1",
        "INKSLOT_SMTP_PORT": str(smtp_port), "INKSLOT_SMTP_TLS": "none",
        "INKSLOT_LOG_LEVEL": "WARNING", **telegram,
    }  # fmt: skip
    command = [sys.executable, "-m", "entrypoints.cli", "worker", "--concurrency", str(concurrency)]
    log = open(workdir / "worker.log", "ab")  # noqa: SIM115 - lives with the process
    return subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=log)


def settled(url: str) -> tuple[int, int]:
    """(notifications no longer pending, all of them), reminders aside."""
    with psycopg.connect(url) as conn:
        row = conn.execute(
            "SELECT count(*) FILTER (WHERE status <> 'pending'), count(*) FROM notifications"
            " WHERE kind <> 'booking.reminder'"
        ).fetchone()
    assert row is not None
    return int(row[0]), int(row[1])


def wait_for(check: object, limit: float) -> bool:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if check():  # type: ignore[operator]
            return True
        time.sleep(0.02)  # polling the sink and the database for the worker's progress
    return False


async def _defer_ping(url: str) -> None:
    app = job_app(url)
    async with app.open_async():
        await app.configure_task("inkslot:ping", queue="diagnostics").defer_async()


def ping_done(url: str) -> bool:
    with psycopg.connect(url) as conn:
        row = conn.execute(
            "SELECT count(*) FROM procrastinate_jobs WHERE task_name = 'inkslot:ping'"
        ).fetchone()
    return row is not None and row[0] == 0


def customer_mails(url: str, booking_ids: set[str]) -> dict[str, tuple[str, float]]:
    """booking id -> (the Message-ID of its customer's booking.confirmed email, occurredAt)."""
    with psycopg.connect(url) as conn:
        rows = conn.execute(
            "SELECT n.id, n.booking_id, n.data->'booking'->>'id' AS b,"
            "       extract(epoch FROM e.occurred_at) AS occurred"
            "  FROM notifications n JOIN outbox_events e ON e.id = n.event_id"
            " WHERE n.kind = 'booking.confirmed' AND n.channel = 'email' AND n.party = 'customer'"
        ).fetchall()
    return {
        str(r[1]): (f"<{r[0]}@inkslot.local>", float(r[3]))
        for r in rows
        if str(r[1]) in booking_ids
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--backlog", type=int, default=1000)
    parser.add_argument("--rate", type=float, default=50)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument(
        "--no-telegram", dest="telegram", action="store_false", help="email, texts, inbox only"
    )
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="inkslot-notify-"))
    pg, url = start_postgres(workdir)
    server = worker = None
    sink = Sink()
    telegram = TelegramSink() if args.telegram else None
    bot = {} if telegram is None else telegram.settings
    try:
        catalogue = seed_catalogue(url)
        port = free_port()
        server = start_server(workdir, url, port, workers=2, INKSLOT_EMBEDDED_WORKER="false", **bot)
        base = f"http://127.0.0.1:{port}"
        tokens = register_customers(base, 16)
        link_chats(telegram, base, url, tokens)
        where = "" if telegram is None else f"; Telegram {telegram.url}"
        print(f"server: {base} (2 API processes, no embedded worker); SMTP :{sink.port}{where}")

        answered, failures = asyncio.run(
            _create_at_rate(base, tokens, catalogue, rate=400, seconds=args.backlog / 400)
        )
        emails = 2 * len(answered)
        messages = 0 if telegram is None else len(answered)
        print(
            f"backlog: {len(answered)} bookings ({failures} refused) -> {emails} emails,"
            f" {messages} Telegram messages"
        )
        asyncio.run(_defer_ping(url))  # its end marks the worker ready: started and imported
        began = time.time()
        worker = start_worker(workdir, url, sink.port, args.concurrency, bot)
        spy = None
        if os.environ.get("BENCH_PYSPY"):  # a profile of the worker while it drains
            spy = subprocess.Popen(
                [os.environ["BENCH_PYSPY"], "record", "-p", str(worker.pid), "-f", "raw",
                 "-o", str(workdir / "worker.folded"), "-r", "200", "--nonblocking"],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )  # fmt: skip
        wait_for(lambda: ping_done(url), 60)
        ready = time.time()
        wait_for(lambda: sink.count >= emails, 600)
        last = max(sink.arrived.values())
        report_backlog(telegram, messages, ready)
        if spy is not None:
            spy.send_signal(2)
            spy.wait(timeout=30)
            print(f"  worker profile: {workdir / 'worker.folded'}")
        wait_for(lambda: settled(url)[0] == settled(url)[1], 120)
        settled_at = time.time()
        done, total = settled(url)
        print(
            f"  worker (concurrency {args.concurrency}): ready {ready - began:.1f} s after its"
            f" start; then {sink.count} emails in {last - ready:.1f} s ="
            f" {sink.count / (last - ready):.0f} emails/s (target >= 200/s);"
            f" {done} of {total} notifications (every channel) settled at"
            f" {done / (settled_at - ready):.0f}/s"
        )

        before = sink.count
        steady = Shifted(catalogue, args.backlog + 1)
        answered, failures = asyncio.run(
            _create_at_rate(base, tokens, steady, args.rate, args.seconds)
        )
        wanted = set(answered)
        wait_for(lambda: sink.count - before >= 2 * len(wanted), 60)
        mails = customer_mails(url, wanted)
        latency = [
            (sink.arrived[mid] - occurred) * 1000
            for mid, occurred in mails.values()
            if mid in sink.arrived
        ]
        lost = len(wanted) - len(latency)
        print(
            f"steady: {len(wanted)} bookings at {args.rate:.0f}/s for {args.seconds:.0f} s"
            f" ({failures} refused), {lost} customer emails missing"
        )
        if latency:
            print(
                f"  commit -> email at the SMTP server  p50 {statistics.median(latency):6.0f} ms"
                f"   p99 {_percentile(latency, 0.99):6.0f} ms   max {max(latency):6.0f} ms"
                "   (target p99 <= 2 s)"
            )
        report_steady(telegram, url, wanted, messages + len(wanted))
        duplicates = sink.count - len(sink.arrived)
        print(f"emails received twice (same Message-ID): {duplicates}")
    finally:
        if worker is not None:
            worker.terminate()
            worker.wait(timeout=60)
        if server is not None:
            stop_server(server)
        sink.controller.stop()
        if telegram is not None:
            telegram.stop()
        pg.stop()


if __name__ == "__main__":
    main()
