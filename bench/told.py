"""What ``bench/bookings.py`` needs to follow a booking past its 201: a webhook receiver on
loopback, an admin endpoint for every event, the pipeline's backlog read from the database,
and the statements PostgreSQL ran per booking (``pg_stat_statements``).

A booking is *fully told* when every reader of the outbox is past its event and everything
they made of it is done: the notification planner has planned it and every message due now
(emails, texts, inbox items) is sent or skipped; the webhook dispatcher has made its
deliveries and each is delivered; the search projection has read it. Reminders (days ahead)
are planned, not sent: they are not due.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import psycopg

from booking_setup import PASSWORD

ADMIN = "bench-admin@example.com"
# Where the feed's readers are, and what their work left undone (docs/events.md,
# docs/notifications.md). Cursors are fixed-width text that sorts in feed order.
# The id goes out as text under a name of its own: ordered by an alias ``xid``, the text
# would sort ("1000" before "999").
_TAIL = """
SELECT xid::text AS xid_text, position FROM outbox_events
 WHERE xid < pg_snapshot_xmin(pg_current_snapshot())
 ORDER BY outbox_events.xid DESC, outbox_events.position DESC LIMIT 1
"""
# The readers' positions and the deliveries left: cheap (a few rows, a small table).
_BACKLOG = """
SELECT (SELECT count(*) FROM webhook_deliveries WHERE status = 'pending') AS deliveries,
       (SELECT after FROM notification_dispatch WHERE name = 'notifications') AS planner,
       (SELECT after FROM webhook_dispatch WHERE name = 'webhooks') AS dispatcher,
       (SELECT after FROM search_feed_position LIMIT 1) AS projection
"""
# The messages due and not yet sent: no index serves it (the pipeline needs none: its jobs
# name their messages), so it reads the whole table, tens of milliseconds once reminders
# pile up. Asked every quarter of a second it cost PostgreSQL 4 ms per booking told, a
# fifth of what the pipeline's own statements cost: the instrument weighed on what it
# measured. It is asked only once the cheap part is clear, and stops at the first row.
_MESSAGES_DUE = """
SELECT EXISTS (SELECT FROM notifications
                WHERE status = 'pending' AND coalesce(next_attempt_at, send_at) <= now())
"""
_MESSAGES_LEFT = """
SELECT count(*) FROM notifications
 WHERE status = 'pending' AND coalesce(next_attempt_at, send_at) <= now()
"""


class Receiver:
    """A loopback webhook receiver that counts what it is sent, by event type, and hands
    each envelope with its arrival time (``time.time()``) to ``on_event``."""

    def __init__(self, on_event: Callable[[dict[str, Any], float], None] | None = None) -> None:
        self.received: Counter[str] = Counter()
        self.ids: list[str] = []  # every envelope's event id, as delivered (repeats kept)
        received, ids = self.received, self.ids

        class Handler(BaseHTTPRequestHandler):
            # Keep-alive, as a real receiver answers: under HTTP/1.0 (the default here) every
            # delivery paid a new connection, a cost of the bench, not of the sender.
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("content-length", "0")))
                arrived, envelope = time.time(), json.loads(body)
                received[envelope["type"]] += 1
                ids.append(str(envelope.get("id")))
                if on_event is not None:
                    on_event(envelope, arrived)
                self.send_response(204)
                self.send_header("content-length", "0")
                self.end_headers()

            def log_message(self, *_: object) -> None:
                return None

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_port}/hooks"


def admin_token(base: str, database_url: str, data_dir: Path) -> str:
    """An admin made with ``inkslot create-admin``, signed in."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("INKSLOT_")}
    env |= {"INKSLOT_DATABASE_URL": database_url, "INKSLOT_DATA_DIR": str(data_dir)}
    command = [sys.executable, "-m", "entrypoints.cli", "create-admin", "--email", ADMIN]
    subprocess.run(
        command, input=PASSWORD + "\n", env=env, text=True, capture_output=True, check=True
    )
    answer = httpx.post(
        base + "/api/v1/auth/login", json={"email": ADMIN, "password": PASSWORD}, timeout=30
    )
    return str(answer.json()["tokens"]["accessToken"])


def hook_every_event(base: str, token: str, receiver: Receiver) -> None:
    answer = httpx.post(
        f"{base}/api/v1/webhooks",
        json={"url": receiver.url, "events": ["*"]},
        headers={"Authorization": f"Bearer {token}"},
        timeout=30,
    )
    answer.raise_for_status()


@dataclass(frozen=True)
class Backlog:
    messages: int  # notifications due now and not yet sent or skipped (-1: not counted)
    deliveries: int  # webhook deliveries not yet delivered
    behind: tuple[str, ...]  # the feed's readers not yet at its tail

    @property
    def empty(self) -> bool:
        return not (self.messages or self.deliveries or self.behind)


def backlog(database_url: str, *, count_messages: bool = True) -> Backlog:
    """What is left to tell. The messages are looked for only once the readers are at the
    tail and every delivery is made (``-1`` when they are not; counted when
    ``count_messages``, else only whether any is left: ``1`` or ``0``)."""
    with psycopg.connect(database_url, autocommit=True) as conn:
        tail_row = conn.execute(_TAIL).fetchone()
        row = conn.execute(_BACKLOG).fetchone()
        assert row is not None
        deliveries, *positions = row
        tail = None if tail_row is None else f"{int(tail_row[0]):020d}-{tail_row[1]:020d}"
        names = ("planner", "webhook dispatcher", "search projection")
        behind = tuple(
            name
            for name, at in zip(names, positions, strict=True)
            if tail is not None and (at is None or at < tail)
        )
        messages = -1
        if count_messages or not (deliveries or behind):
            found = conn.execute(_MESSAGES_LEFT if count_messages else _MESSAGES_DUE).fetchone()
            messages = int(found[0]) if found else 0
    return Backlog(messages, deliveries, behind)


def wait_until_told(database_url: str, *, limit_s: float = 900, every_s: float = 0.25) -> float:
    """Seconds until the backlog is empty (looked at every ``every_s``: the look itself
    costs the database a few milliseconds, on the machine the pipeline needs), or
    ``limit_s``."""
    began = shown = time.monotonic()
    while time.monotonic() - began < limit_s:
        left = backlog(database_url, count_messages=False)
        if left.empty:
            return time.monotonic() - began
        if time.monotonic() - shown >= 10:
            shown = time.monotonic()
            print(f"    {shown - began:5.0f} s: {left}", flush=True)
        time.sleep(every_s)  # polling the database, not waiting for domain time
    return limit_s


def told_counts(database_url: str) -> dict[str, int]:
    """What the pipeline made, all told: notifications by channel and status, inbox items,
    webhook deliveries by status."""
    with psycopg.connect(database_url, autocommit=True) as conn:
        rows = conn.execute(
            "SELECT channel || ' ' || status, count(*) FROM notifications"
            " WHERE send_at <= now() GROUP BY 1"
            " UNION ALL SELECT 'inbox items', count(*) FROM inbox_items"
            " UNION ALL SELECT 'webhook ' || status, count(*) FROM webhook_deliveries GROUP BY 1"
            " UNION ALL SELECT 'reminders planned', count(*) FROM notifications"
            "  WHERE send_at > now()"
        ).fetchall()
    return {name: count for name, count in rows}


def reset_statements(database_url: str) -> None:
    with psycopg.connect(database_url, autocommit=True) as conn:
        conn.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements")
        conn.execute("SELECT pg_stat_statements_reset()")


def statements_report(database_url: str, bookings: int, *, top: int = 30) -> list[str]:
    """The statements PostgreSQL ran since the reset, per booking: calls and execution
    time, dearest first, and the totals."""
    with psycopg.connect(database_url, autocommit=True) as conn:
        rows = conn.execute(
            "SELECT calls, total_exec_time, regexp_replace(query, '\\s+', ' ', 'g')"
            "  FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid"
            " WHERE d.datname = current_database()"
            "   AND query NOT ILIKE '%pg_stat_statements%'"
            " ORDER BY total_exec_time DESC"
        ).fetchall()
    calls = sum(r[0] for r in rows) / bookings
    spent = sum(r[1] for r in rows) / bookings
    lines = [f"    all statements: {calls:.1f} calls, {spent:.3f} ms executing per booking"]
    for n, ms, query in rows[:top]:
        lines.append(f"    {n / bookings:7.2f} calls {ms / bookings:7.3f} ms  {query[:110]}")
    return lines
