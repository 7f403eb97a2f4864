"""Invitations in booking emails over HTTP on PostgreSQL: the confirmation and a move carry
``METHOD:REQUEST``, the cancellation ``METHOD:CANCEL``, all of one event (the feed's UID)
with a growing SEQUENCE, read back by a strict RFC 5545 parser; other emails carry none."""

from __future__ import annotations

from collections.abc import Iterator
from email.message import EmailMessage
from urllib.parse import urlsplit

import pytest
from ical.calendar import Calendar
from ical.calendar_stream import IcsCalendarStream
from ical.event import EventStatus

from tests.api.booking_helpers import BOOKINGS, open_desk
from tests.api.conftest import Api, ApiFactory
from tests.api.notifications.delivery import deliver
from tests.support.smtp_sink import SmtpSink

pytestmark = pytest.mark.anyio


@pytest.fixture
def sink() -> Iterator[SmtpSink]:
    with SmtpSink() as sink:
        yield sink


@pytest.fixture
async def api(make_api: ApiFactory, sink: SmtpSink) -> Api:
    return await make_api(
        smtp_host=sink.host, smtp_port=sink.port, smtp_tls="none",
        mail_from="Inkslot <hello@inkslot.test>",
    )  # fmt: skip


def invitation_in(message: EmailMessage) -> tuple[str, Calendar] | None:
    """The attached invitation's method and calendar (None: there is none)."""
    for part in message.walk():
        if part.get_content_type() == "text/calendar":
            assert part.get_filename() == "invite.ics"
            payload = part.get_payload(decode=True)
            assert isinstance(payload, bytes)
            return str(part.get_param("method")), IcsCalendarStream.calendar_from_ics(
                payload.decode()
            )
    return None


async def test_confirm_move_cancel_send_one_event_with_a_growing_sequence(
    api: Api, sink: SmtpSink
) -> None:
    desk = await open_desk(api)
    booking_id = await desk.booked()  # confirmed at once (no approval, no deposit)
    await deliver(api)
    moved = await api.client.post(
        f"{BOOKINGS}/{booking_id}/reschedule",
        json={"start": "2026-03-06T11:00:00Z"},
        headers=desk.auth(desk.customer),
    )
    assert moved.status_code == 200, moved.text
    await deliver(api)
    cancelled = await desk.patch(booking_id, desk.customer, status="cancelled")
    assert cancelled.status_code == 200, cancelled.text
    await deliver(api)

    customer = desk.customer["user"]["email"]
    invitations = []
    for sent in sink.messages:
        if customer in sent.rcpt_tos and (found := invitation_in(sent.message)) is not None:
            invitations.append(found)
    assert [method for method, _ in invitations] == ["REQUEST", "REQUEST", "CANCEL"]
    events = [calendar.events[0] for _, calendar in invitations]
    assert {e.uid for e in events} == {f"{booking_id}@inkslot"}
    sequences = [e.sequence or 0 for e in events]
    assert sequences == sorted(set(sequences))
    assert [e.status for e in events] == [
        EventStatus.CONFIRMED, EventStatus.CONFIRMED, EventStatus.CANCELLED,
    ]  # fmt: skip
    assert events[1].dtstart is not None
    assert events[1].dtstart.isoformat() == "2026-03-06T11:00:00+00:00"  # the new time
    assert all(
        calendar.events[0].attendees[0].uri == f"mailto:{customer}" for _, calendar in invitations
    )

    artist_mail = [m for m in sink.messages if desk.artist.session["user"]["email"] in m.rcpt_tos]
    assert any(invitation_in(m.message) for m in artist_mail)  # the artist is invited too

    feed = await api.client.get("/api/v1/me/calendar-feed", headers=desk.auth(desk.customer))
    text = (await api.client.get(urlsplit(feed.json()["url"]).path)).text
    (in_feed,) = IcsCalendarStream.calendar_from_ics(text).events
    assert in_feed.uid == events[-1].uid and (in_feed.sequence or 0) >= sequences[-1]


async def test_a_request_still_pending_is_sent_no_invitation(api: Api, sink: SmtpSink) -> None:
    desk = await open_desk(api, service={"requiresApproval": True})
    await desk.booked()
    await deliver(api)
    assert sink.messages and not any(invitation_in(m.message) for m in sink.messages)
