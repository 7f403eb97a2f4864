"""Notifications over HTTP on real PostgreSQL: a booking's changes reach its customer and
its artist by email (a real SMTP server), text (a fake gateway) and in the app, each in
their own language, once; channel choices, reminder offsets, and who may see what."""

# ruff: noqa: RUF001 (Mongolian Cyrillic in the expected texts)

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from email.message import EmailMessage
from typing import Any

import pytest

from tests.api.booking_helpers import BOOKINGS, Desk, open_desk
from tests.api.conftest import Api, ApiFactory
from tests.api.notifications.delivery import deliver, prove_phone
from tests.support.fake_sms_gateway import API_KEY, PATH, FakeSmsGateway, serving
from tests.support.smtp_sink import SmtpSink

pytestmark = pytest.mark.anyio

DEPOSIT_SERVICE = {"deposit": {"percent": 20}}  # 20 % of 1,500 MNT: 300 MNT
APP = "https://app.inkslot.test"


@pytest.fixture
def sink() -> Iterator[SmtpSink]:
    with SmtpSink() as sink:
        yield sink


@pytest.fixture
def gateway() -> Iterator[tuple[FakeSmsGateway, str]]:
    fake = FakeSmsGateway()
    with serving(fake) as url:
        yield fake, url + PATH


@pytest.fixture
async def api(make_api: ApiFactory, sink: SmtpSink, gateway: tuple[FakeSmsGateway, str]) -> Api:
    return await make_api(
        smtp_host=sink.host, smtp_port=sink.port, smtp_tls="none", app_url=APP,
        mail_from="Inkslot <hello@inkslot.test>", sms_gateway_url=gateway[1],
        sms_gateway_key=API_KEY,
    )  # fmt: skip


def text_of(message: EmailMessage) -> str:
    part = message.get_body(("plain",))
    assert part is not None
    return str(part.get_content()).replace("\xa0", " ").replace("\u202f", " ")


def mail_to(sink: SmtpSink, address: str) -> dict[str, EmailMessage]:
    """The subjects and messages one address received."""
    return {str(m.message["Subject"]): m.message for m in sink.messages if address in m.rcpt_tos}


async def mongolian_customer(desk: Desk) -> dict[str, Any]:
    response = await desk.api.client.post(
        "/api/v1/auth/register",
        json={"email": "saruul@example.mn", "password": "violet-needle-harbour",
              "name": "Саруул", "role": "customer"},
        headers={"Accept-Language": "mn-MN,mn;q=0.9,en;q=0.5"},
    )  # fmt: skip
    assert response.status_code == 201, response.text
    session = dict(response.json())
    assert session["user"]["locale"] == "mn"
    await prove_phone(desk.api, session["user"]["id"], "+97688112233")
    return session


async def test_book_pay_cancel_tells_both_parties_in_their_languages_once(
    api: Api, sink: SmtpSink, gateway: tuple[FakeSmsGateway, str]
) -> None:
    desk = await open_desk(api, service=DEPOSIT_SERVICE)
    customer = await mongolian_customer(desk)
    booking_id = await desk.booked(session=customer)
    api.clock.advance(timedelta(seconds=1))
    invoice = await api.client.post(
        f"{BOOKINGS}/{booking_id}/deposit-invoice", headers=desk.auth(customer)
    )
    assert invoice.status_code == 201, invoice.text
    assert api.sandbox is not None
    await api.sandbox.pay(invoice.json()["invoiceId"])
    api.clock.advance(timedelta(seconds=1))
    cancelled = await desk.patch(booking_id, customer, status="cancelled")
    assert cancelled.status_code == 200, cancelled.text
    reference = cancelled.json()["reference"]
    await deliver(api)
    await deliver(api)  # a second round (a retried job) sends nothing new

    to_customer = mail_to(sink, "saruul@example.mn")
    assert set(to_customer) >= {
        f"Таны {reference} захиалгын хүсэлт илгээгдлээ",
        f"{reference} захиалгын урьдчилгааны нэхэмжлэх",
        f"{reference} захиалга баталгаажлаа",
        f"{reference} захиалга цуцлагдлаа",
    }
    cancel_mail = to_customer[f"{reference} захиалга цуцлагдлаа"]
    body = text_of(cancel_mail)
    assert body.startswith(
        "Та товлосон цагаа цуцаллаа: уран бүтээлч Ink Master, 2026 оны гуравдугаар"
    )
    assert "10:00 (Гринвичийн цаг)" in body  # the artist's zone, Africa/Abidjan, named
    assert "₮ 300 буцаан олгогдоно." in body  # the deposit, in whole tögrög
    assert f"{APP}/bookings/{booking_id}" in body and cancel_mail["Content-Language"] == "mn"
    assert cancel_mail.get_body(("html",)) is not None

    to_artist = mail_to(sink, desk.artist.session["user"]["email"])
    assert {f"New booking request {reference}", f"Booking {reference} is confirmed",
            f"Booking {reference} is cancelled"} <= set(to_artist)  # fmt: skip
    cancelled_for_artist = text_of(to_artist[f"Booking {reference} is cancelled"])
    assert "Саруул cancelled the appointment on Thursday, March 5, 2026, 10:00" in (
        cancelled_for_artist
    )
    assert "Small tattoo" in cancelled_for_artist and "MNT1,500" in cancelled_for_artist

    ids = [m.message_id for m in sink.messages]
    assert len(ids) == len(set(ids))  # each message once
    fake, _ = gateway
    texts = {s.text.split(".")[0] for s in fake.sent}
    assert f"{reference} захиалга баталгаажлаа" in texts and all(
        s.to == "+97688112233" for s in fake.sent
    )
    assert len({s.idempotency_key for s in fake.sent}) == len(fake.sent)

    inbox = await api.client.get("/api/v1/me/notifications", headers=desk.auth(customer))
    assert inbox.status_code == 200, inbox.text
    page = inbox.json()
    assert page["unread"] == page["total"] >= 4
    assert page["items"][0]["title"] == f"{reference} захиалга цуцлагдлаа"
    assert page["items"][0]["link"] == f"{APP}/bookings/{booking_id}"


async def test_the_inbox_counts_marks_read_and_is_private(api: Api) -> None:
    desk = await open_desk(api)
    await desk.booked()
    await deliver(api)
    auth = desk.auth(desk.customer)
    count = await api.client.get("/api/v1/me/notifications/unread-count", headers=auth)
    assert count.json() == {"unread": 1}
    listed = (await api.client.get("/api/v1/me/notifications", headers=auth)).json()
    item = listed["items"][0]
    assert item["kind"] == "booking.confirmed" and item["unread"] is True
    artist_auth = desk.auth(desk.artist.session)
    stolen = await api.client.post(
        f"/api/v1/me/notifications/{item['id']}/read", headers=artist_auth
    )
    assert stolen.status_code == 404 and stolen.json()["code"] == "notification_not_found"
    read = await api.client.post(f"/api/v1/me/notifications/{item['id']}/read", headers=auth)
    assert read.status_code == 200 and read.json()["unread"] is False
    unread_only = await api.client.get(
        "/api/v1/me/notifications", params={"unreadOnly": "true"}, headers=auth
    )
    assert unread_only.json()["total"] == 0
    marked = await api.client.post("/api/v1/me/notifications/read-all", headers=artist_auth)
    assert marked.json() == {"marked": 2}  # the profile approved, the booking confirmed
    assert (await api.client.get("/api/v1/me/notifications")).status_code == 401


async def test_an_opted_out_channel_is_quiet_except_for_payment_messages(
    api: Api, sink: SmtpSink
) -> None:
    desk = await open_desk(api)
    auth = desk.auth(desk.customer)
    quiet = await api.client.patch(
        "/api/v1/me/notification-preferences", json={"email": False}, headers=auth
    )
    assert quiet.json() == {"email": False, "sms": True, "inApp": True, "telegram": True}
    booking_id = await desk.booked()
    assert (await desk.patch(booking_id, desk.customer, status="cancelled")).status_code == 200
    await deliver(api)
    email = desk.customer["user"]["email"]
    # The sign-up's verification link is about the account, not a booking: no opt-out.
    subjects = set(mail_to(sink, email)) - {"Confirm your email address"}
    assert len(subjects) == 1 and next(iter(subjects)).endswith("is cancelled")
    read = await api.client.get("/api/v1/me/notification-preferences", headers=auth)
    assert read.json()["email"] is False


async def test_reminder_offsets_belong_to_the_artist_and_are_checked(api: Api) -> None:
    desk = await open_desk(api)
    path = f"/api/v1/artists/{desk.artist.id}/reminders"
    own = desk.auth(desk.artist.session)
    assert (await api.client.get(path, headers=own)).json()["offsetsMinutes"] == [1440, 120]
    other = await api.client.put(
        path, json={"offsetsMinutes": [60]}, headers=desk.auth(desk.customer)
    )
    assert other.status_code == 404
    bad = await api.client.put(path, json={"offsetsMinutes": [5]}, headers=own)
    assert bad.status_code == 422 and bad.json()["code"] == "invalid_reminder_offsets"
    chosen = await api.client.put(path, json={"offsetsMinutes": [60, 2880]}, headers=own)
    assert chosen.status_code == 200 and chosen.json()["offsetsMinutes"] == [2880, 60]
    failed = await api.client.get(
        "/api/v1/admin/notifications/failed", headers=desk.auth(desk.customer)
    )
    assert failed.status_code == 403
    admin = await api.client.get(
        "/api/v1/admin/notifications/failed", headers=desk.auth(desk.admin)
    )
    assert admin.status_code == 200 and admin.json()["total"] == 0


async def test_a_walk_in_client_hears_by_text_and_email_of_booking_and_cancellation(
    api: Api, sink: SmtpSink, gateway: tuple[FakeSmsGateway, str]
) -> None:
    """The artist books a client record (no account) without a deposit and later cancels:
    the client hears both on its own phone and email, with no link into the app."""
    desk = await open_desk(api)
    walk_in = {"name": "Bat Erdene", "phone": "8811 4455", "email": "bat@example.com"}
    booked = await desk.book("2026-03-05T10:00:00Z", desk.artist.session, client=walk_in)
    assert booked.status_code == 201, booked.text
    booking_id, reference = booked.json()["id"], booked.json()["reference"]
    api.clock.advance(timedelta(seconds=1))
    cancelled = await desk.patch(booking_id, desk.artist.session, status="cancelled")
    assert cancelled.status_code == 200, cancelled.text
    await deliver(api)
    await deliver(api)  # a second round sends nothing new

    to_client = mail_to(sink, "bat@example.com")
    assert set(to_client) == {
        f"Booking {reference} is confirmed",
        f"Booking {reference} is cancelled",
    }
    confirmed = text_of(to_client[f"Booking {reference} is confirmed"])
    assert confirmed.startswith("Your appointment with Ink Master for Small tattoo is confirmed")
    assert "contact Ink Master" in confirmed and f"{APP}/bookings" not in confirmed
    assert "cancelled your appointment" in text_of(to_client[f"Booking {reference} is cancelled"])
    fake, _ = gateway
    texts = [s.text for s in fake.sent if s.to == "+97688114455"]
    assert sorted(t.split(".")[0] for t in texts) == [
        f"Booking {reference} is cancelled", f"Booking {reference} is confirmed",
    ]  # fmt: skip
    assert all(APP not in t for t in texts)
    assert len({s.idempotency_key for s in fake.sent}) == len(fake.sent)
