"""Notifications through real worker processes: committed bookings become emails on a real
SMTP server, texts on a fake gateway, Telegram messages on the fake Bot API and inbox items;
a worker killed mid-send loses nothing and no recipient sees a message twice."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import psycopg
import pytest
from psycopg.rows import dict_row

from booking_domain.bookings import record_new, request_booking
from booking_domain.notifications import TelegramChat
from booking_domain.scheduling import BusyTimeline
from booking_domain.testing.builders import open_all_week
from tests.jobs.helpers import NEVER, STALLED_SECONDS, eventually, kill_hard, start_worker, stop
from tests.support.catalog import add_bookable_artist, add_user
from tests.support.fake_sms_gateway import API_KEY, PATH, FakeSmsGateway, serving
from tests.support.fake_telegram import CHAT, fake_telegram
from tests.support.smtp_sink import SmtpSink
from tests.support.storage import PostgresUnits
from tests.support.telegram import TEST_BOT_TOKEN

pytestmark = [pytest.mark.anyio, pytest.mark.serial]
BOOKINGS = 4


async def confirmed_bookings(uow: PostgresUnits, count: int) -> None:
    """``count`` bookings confirmed at once (no deposit), by a customer with a proven phone
    and a chat with the Telegram bot."""
    artist = await add_bookable_artist(uow)
    customer = await add_user(uow)
    now = datetime.now(UTC)
    async with uow() as work:
        user = await work.users.get(customer.user_id)
        assert user is not None
        await work.users.update(user.with_verified_phone("+97688112233", now))
        await work.telegram_chats.put(TelegramChat(customer.user_id, CHAT, None, now))
        await work.commit()
    first = now.replace(minute=0, second=0, microsecond=0) + timedelta(days=3)
    for n in range(count):
        booking, event = request_booking(
            by=customer, service=artist.service, artist_user_id=artist.user_id,
            policy=artist.profile.policy, schedule=open_all_week(), busy=BusyTimeline(),
            start=first + timedelta(hours=2 * n), now=now,
        )  # fmt: skip
        async with uow() as work:
            await record_new(work, booking, event)
            await work.commit()


async def statuses(database_url: str) -> Counter[tuple[str, str]]:
    async with await psycopg.AsyncConnection.connect(database_url) as conn:
        cursor = conn.cursor(row_factory=dict_row)
        await cursor.execute(
            "SELECT channel, status FROM notifications WHERE kind <> 'booking.reminder'"
        )
        return Counter((r["channel"], r["status"]) for r in await cursor.fetchall())


async def inbox_items(database_url: str) -> int:
    async with await psycopg.AsyncConnection.connect(database_url) as conn:
        row = await (await conn.execute("SELECT count(*) FROM inbox_items")).fetchone()
        assert row is not None
        return int(row[0])


async def test_a_worker_killed_mid_send_loses_nothing_and_sends_nothing_twice(
    database_url: str, uow: PostgresUnits, tmp_path: Path
) -> None:
    expected = {
        "email": 2 * BOOKINGS,
        "sms": BOOKINGS,
        "in_app": 2 * BOOKINGS,
        "telegram": BOOKINGS,
    }
    await confirmed_bookings(uow, BOOKINGS)
    gateway = FakeSmsGateway(delay=0.2)
    log = tmp_path / "worker.log"
    with SmtpSink(data_delay=0.3) as sink, serving(gateway) as sms_url, fake_telegram() as bot:
        env = {
            "INKSLOT_EXPIRE_HOLDS_CRON": NEVER, "INKSLOT_PURGE_CRON": NEVER,
            "INKSLOT_SMTP_HOST": sink.host, "INKSLOT_SMTP_PORT": str(sink.port),
            "INKSLOT_SMTP_TLS": "none", "INKSLOT_SMS_GATEWAY_URL": sms_url + PATH,
            "INKSLOT_SMS_GATEWAY_KEY": API_KEY, "INKSLOT_TELEGRAM_BOT_TOKEN": TEST_BOT_TOKEN,
            "INKSLOT_TELEGRAM_API_URL": bot.url, "INKSLOT_WORKER_STALLED_SECONDS": STALLED_SECONDS,
        }  # fmt: skip
        first = await start_worker(database_url, log, **env)
        try:  # killed while messages are on the wire (each DATA takes the server 0.3 s)
            await eventually(lambda: _received(sink, 2), within=30, log=log)
        finally:
            kill_hard(first)
        assert len(sink.messages) < expected["email"]
        second = await start_worker(database_url, log, **env)  # its sweep finds the dead one's jobs
        try:
            await eventually(lambda: _all_sent(database_url, expected), within=90, log=log)
        finally:
            assert stop(second) == 0, log.read_text()[-2000:]
        per_message = Counter(m.message_id for m in sink.messages)
        per_booking = Counter(m["text"].split()[1] for m in bot.sent() if "confirmed" in m["text"])
    # Every message arrived, each under its one Message-ID; on the wire, only a message in
    # flight at the kill can have come twice: two jobs at a time, each sending its event's
    # two emails at once.
    assert len(per_message) == expected["email"]
    assert sum(count - 1 for count in per_message.values()) <= 2 * 2
    assert len(gateway.sent) == expected["sms"]  # the gateway sends a key once
    assert len({s.idempotency_key for s in gateway.sent}) == expected["sms"]
    assert await inbox_items(database_url) == expected["in_app"]
    # The Bot API takes no key: as emails, only a message in flight at the kill can have come
    # twice (two jobs at a time, each sending its event's one Telegram message).
    assert len(per_booking) == expected["telegram"]
    assert sum(count - 1 for count in per_booking.values()) <= 2


async def _received(sink: SmtpSink, count: int) -> bool:
    return len(sink.messages) >= count


async def _all_sent(database_url: str, expected: dict[str, int]) -> bool:
    found = await statuses(database_url)
    return all(found[(channel, "sent")] == n for channel, n in expected.items())
