"""Reminders over HTTP with an injected clock: sent at their moments, never for a time the
booking no longer has, never after a cancellation."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest

from booking_domain.notifications import REMINDER, NotificationStatus, SkipReason
from tests.api.booking_helpers import BOOKINGS, SLOT, open_desk
from tests.api.conftest import Api, ApiFactory
from tests.api.notifications.delivery import deliver
from tests.support.smtp_sink import SmtpSink

pytestmark = pytest.mark.anyio

FRIDAY = "2026-03-06T10:00:00Z"


@pytest.fixture
def sink() -> Iterator[SmtpSink]:
    with SmtpSink() as sink:
        yield sink


@pytest.fixture
async def api(make_api: ApiFactory, sink: SmtpSink) -> Api:
    return await make_api(smtp_host=sink.host, smtp_port=sink.port, smtp_tls="none")


def at(text: str) -> datetime:
    return datetime.fromisoformat(text)


def reminder_subjects(sink: SmtpSink) -> list[str]:
    return [str(m.message["Subject"]) for m in sink.messages if "Reminder" in m.message["Subject"]]


async def test_a_moved_then_cancelled_booking_gets_one_reminder_for_its_new_time(
    api: Api, sink: SmtpSink
) -> None:
    desk = await open_desk(api)
    booking_id = await desk.booked(SLOT)  # Thursday 10:00, confirmed at once
    moved = await api.client.post(
        f"{BOOKINGS}/{booking_id}/reschedule", json={"start": FRIDAY},
        headers=desk.auth(desk.customer),
    )  # fmt: skip
    assert moved.status_code == 200, moved.text
    await deliver(api)
    assert reminder_subjects(sink) == []

    api.clock.set(at(SLOT) - timedelta(hours=24))  # the old time's first reminder
    stale = [n for n in await deliver(api) if n.kind == REMINDER]
    assert stale and {n.skip_reason for n in stale} == {SkipReason.STALE}
    assert reminder_subjects(sink) == []

    api.clock.set(at(FRIDAY) - timedelta(hours=24))
    done = [n for n in await deliver(api) if n.kind == REMINDER]
    for_friday = {n.status for n in done if n.reminder_for == at(FRIDAY)}
    assert for_friday == {NotificationStatus.SENT, NotificationStatus.SKIPPED}  # no phone
    assert all(n.skip_reason is SkipReason.STALE for n in done if n.reminder_for == at(SLOT))
    assert reminder_subjects(sink) == ["Reminder: Small tattoo with Ink Master in 1 day"]
    mail = sink.messages[-1].message
    body = mail.get_body(("plain",))
    assert body is not None and "Friday, March 6, 2026, 10:00" in str(body.get_content())

    artist = (await api.login(desk.artist.session["user"]["email"])).json()  # a day later
    cancelled = await desk.patch(booking_id, artist, status="cancelled")
    assert cancelled.status_code == 200, cancelled.text
    api.clock.set(at(FRIDAY) - timedelta(hours=2))
    late = [n for n in await deliver(api) if n.kind == REMINDER]
    assert late and {n.skip_reason for n in late} == {SkipReason.STALE}
    assert len(reminder_subjects(sink)) == 1


async def test_an_artists_own_offsets_time_the_reminders(api: Api, sink: SmtpSink) -> None:
    desk = await open_desk(api)
    chosen = await api.client.put(
        f"/api/v1/artists/{desk.artist.id}/reminders", json={"offsetsMinutes": [30]},
        headers=desk.auth(desk.artist.session),
    )  # fmt: skip
    assert chosen.status_code == 200
    await desk.booked(SLOT)
    await deliver(api)
    api.clock.set(at(SLOT) - timedelta(hours=24))
    assert [n for n in await deliver(api) if n.kind == REMINDER] == []
    api.clock.set(at(SLOT) - timedelta(minutes=30))
    done = [n for n in await deliver(api) if n.kind == REMINDER]
    sent = [n for n in done if n.status is NotificationStatus.SENT]
    assert len(sent) == 3  # the customer by email and in the app (no phone), the artist in it
    assert reminder_subjects(sink) == ["Reminder: Small tattoo with Ink Master in 30 minutes"]
