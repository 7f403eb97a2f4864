"""The Telegram side of ``bench/notifications.py``: the fake Bot API served in the bench's
process (it checks each message's HTML and buttons as Telegram does, and keeps what it took),
the bench customers' chats linked, and when each booking's Telegram message arrived."""

from __future__ import annotations

import json
import re
import threading
import time
import urllib.request
from datetime import datetime
from typing import Any

import psycopg
import uvicorn

from booking_setup import free_port
from entrypoints.telegram.fake_api import FakeBotApi

BOT_TOKEN = "555000111:AAH-inkslot-bench-bot-token_0123456789"
FIRST_CHAT = 7_000_000_001
_REFERENCE = re.compile(r"INK-[0-9A-Z]{6}")


class TelegramSink:
    def __init__(self) -> None:
        self.app = FakeBotApi(token=BOT_TOKEN)
        self.port = free_port()
        config = uvicorn.Config(
            self.app, host="127.0.0.1", port=self.port, log_level="warning", lifespan="off"
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, daemon=True)
        self._thread.start()
        while not self._server.started:
            time.sleep(0.01)  # the server thread starting

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def settings(self) -> dict[str, str]:
        """What the server and the worker are given."""
        return {"INKSLOT_TELEGRAM_BOT_TOKEN": BOT_TOKEN, "INKSLOT_TELEGRAM_API_URL": self.url}

    @property
    def count(self) -> int:
        return len(self._sent())

    @property
    def refused(self) -> int:
        return len([c for c in self.app.state.calls("sendMessage") if c["status"] != 200])

    def _sent(self) -> list[dict[str, Any]]:
        return [c for c in self.app.state.calls("sendMessage") if c["status"] == 200]

    def arrivals(self) -> dict[str, float]:
        """booking reference -> when its first Telegram message arrived (epoch seconds)."""
        found: dict[str, float] = {}
        for call in self._sent():
            reference = _REFERENCE.search(call["request"].get("text", ""))
            if reference is not None:
                at = datetime.fromisoformat(call["at"]).timestamp()
                found.setdefault(reference.group(0), at)
        return found

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=10)


def link_chats(telegram: TelegramSink | None, base: str, url: str, tokens: list[str]) -> None:
    """Each bench customer's chat with the bot, as a link by ``/start <token>`` leaves it
    (written directly: the bench measures sending, not linking)."""
    if telegram is None:
        return
    rows = []
    for n, token in enumerate(tokens):
        asked = urllib.request.Request(
            base + "/api/v1/me", headers={"Authorization": f"Bearer {token}"}
        )
        with urllib.request.urlopen(asked, timeout=30) as answer:
            rows.append((json.load(answer)["id"], FIRST_CHAT + n))
    with psycopg.connect(url) as conn:
        conn.cursor().executemany(
            "INSERT INTO telegram_chats (user_id, chat_id, linked_at) VALUES (%s, %s, now())", rows
        )


def telegram_latency(url: str, booking_ids: set[str], arrivals: dict[str, float]) -> list[float]:
    """Milliseconds from each booking's event to its customer's Telegram message."""
    with psycopg.connect(url) as conn:
        rows = conn.execute(
            "SELECT b.id, b.reference, extract(epoch FROM e.occurred_at)"
            "  FROM notifications n JOIN outbox_events e ON e.id = n.event_id"
            "  JOIN bookings b ON b.id = n.booking_id"
            " WHERE n.kind = 'booking.confirmed' AND n.channel = 'telegram'"
        ).fetchall()
    return [
        (arrivals[reference] - float(occurred)) * 1000
        for booking, reference, occurred in rows
        if str(booking) in booking_ids and reference in arrivals
    ]


def _wait(check: Any, limit: float) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline and not check():
        time.sleep(0.02)  # polling the fake for the worker's progress


def report_backlog(telegram: TelegramSink | None, messages: int, ready: float) -> None:
    """The backlog's Telegram messages: how fast they arrived from the worker's start."""
    if telegram is None:
        return
    _wait(lambda: telegram.count >= messages, 120)
    until = max(telegram.arrivals().values(), default=ready)
    rate = telegram.count / max(until - ready, 1e-6)
    print(
        f"  Telegram: {telegram.count} messages in {until - ready:.1f} s = {rate:.0f} messages/s"
        f" ({telegram.refused} refused by the fake)"
    )


def report_steady(telegram: TelegramSink | None, url: str, wanted: set[str], expected: int) -> None:
    """The steady phase's commit-to-Telegram latency."""
    if telegram is None:
        return
    _wait(lambda: telegram.count >= expected, 60)
    seen = telegram_latency(url, wanted, telegram.arrivals())
    if seen:
        seen.sort()
        p99 = seen[min(len(seen) - 1, int(len(seen) * 0.99))]
        print(
            f"  commit -> Telegram message at the Bot API  p50 {seen[len(seen) // 2]:6.0f} ms"
            f"   p99 {p99:6.0f} ms   max {seen[-1]:6.0f} ms   ({len(wanted) - len(seen)} missing)"
        )
