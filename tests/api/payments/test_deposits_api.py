"""The deposit flow over HTTP on real PostgreSQL, paid through the sandbox gateway, whose
callbacks reach the app over HTTP exactly as QPay's would."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any

import pytest

from tests.api.booking_helpers import BOOKINGS, Desk, open_desk
from tests.api.conftest import Api

pytestmark = pytest.mark.anyio

DEPOSIT_SERVICE = {"deposit": {"percent": 20}}  # 20 % of 1,500.00 MNT: 300 MNT


async def _desk(api: Api) -> Desk:
    return await open_desk(api, service=DEPOSIT_SERVICE)


async def _invoice(
    desk: Desk, booking_id: str, session: dict[str, Any] | None = None, key: str | None = None
) -> Any:
    headers = desk.auth(session or desk.customer)
    if key is not None:
        headers["Idempotency-Key"] = key
    return await desk.api.client.post(f"{BOOKINGS}/{booking_id}/deposit-invoice", headers=headers)


async def _booking(desk: Desk, booking_id: str) -> dict[str, Any]:
    response = await desk.get(f"/{booking_id}", desk.customer)
    assert response.status_code == 200
    return dict(response.json())


async def _events(desk: Desk, booking_id: str) -> list[str]:
    response = await desk.get(f"/{booking_id}/events", desk.customer)
    assert response.status_code == 200, response.text
    return [e["kind"] for e in response.json()["items"]]


async def test_book_invoice_pay_confirms_the_booking(api: Api) -> None:
    desk = await _desk(api)
    booking_id = await desk.booked()
    made = await _invoice(desk, booking_id)
    assert made.status_code == 201, made.text
    invoice = made.json()
    assert (invoice["amount"], invoice["currency"], invoice["status"]) == (30_000, "MNT", "open")
    assert invoice["qrText"] and invoice["qrImage"] and invoice["shortUrl"] and invoice["deepLinks"]
    assert (invoice["bookingStatus"], invoice["paymentStatus"]) == ("pending", "invoiced")
    again = await _invoice(desk, booking_id)
    assert (again.status_code, again.json()["invoiceId"]) == (200, invoice["invoiceId"])

    assert api.sandbox is not None
    await api.sandbox.pay(invoice["invoiceId"])

    booking = await _booking(desk, booking_id)
    assert (booking["status"], booking["paymentStatus"], booking["amountPaid"]) == (
        "confirmed",
        "paid",
        30_000,
    )
    read = await api.client.get(
        f"/api/v1/payments/{invoice['invoiceId']}", headers=desk.auth(desk.artist.session)
    )
    assert read.status_code == 200, read.text
    body = read.json()
    assert body["status"] == "paid" and [p["outcome"] for p in body["payments"]] == ["confirmed"]


async def test_the_sandbox_pay_endpoint_pays_and_calls_back(api: Api) -> None:
    desk = await _desk(api)
    booking_id = await desk.booked()
    invoice = (await _invoice(desk, booking_id)).json()
    paid = await api.client.post(f"/api/v1/sandbox/invoices/{invoice['invoiceId']}/pay")
    assert paid.status_code == 200, paid.text
    assert (await _booking(desk, booking_id))["status"] == "confirmed"


async def test_twenty_concurrent_duplicate_callbacks_record_one_payment(api: Api) -> None:
    desk = await _desk(api)
    booking_id = await desk.booked()
    invoice_id = (await _invoice(desk, booking_id)).json()["invoiceId"]
    assert api.sandbox is not None
    heard: list[str] = []

    async def hold_back(url: str) -> int:  # the bank pays; the callbacks come below
        heard.append(url)
        return 200

    api.sandbox.route_callbacks(hold_back)
    await api.sandbox.pay(invoice_id)
    answers = await asyncio.gather(*(api.client.get(heard[0]) for _ in range(20)))
    assert {(a.status_code, a.text, a.headers["content-type"].split(";")[0]) for a in answers} == {
        (200, "SUCCESS", "text/plain")
    }
    events = await _events(desk, booking_id)
    assert events.count("payment_recorded") == 1
    booking = await _booking(desk, booking_id)
    assert (booking["status"], booking["amountPaid"]) == ("confirmed", 30_000)


async def test_forged_callbacks_change_nothing(api: Api) -> None:
    desk = await _desk(api)
    booking_id = await desk.booked()
    invoice_id = (await _invoice(desk, booking_id)).json()["invoiceId"]
    assert api.sandbox is not None
    url = await api.sandbox.callback_url_of(invoice_id)
    other = await desk.customer_named("Bea")
    other_booking = await desk.booked("2026-03-05T12:00:00Z", other)
    other_invoice = (await _invoice(desk, other_booking, other)).json()["invoiceId"]
    other_payment = await api.sandbox.pay(other_invoice)  # a real payment, of another invoice

    forged = [
        url.replace("?t=", "?t=0") + "&qpay_payment_id=1",  # a wrong token
        url.split("?")[0] + "?qpay_payment_id=1",  # no token
        url + "&qpay_payment_id=4936000000000000497",  # unpaid: nothing is paid on it
        url + f"&qpay_payment_id={other_payment}",  # another invoice's payment id
        "/api/v1/payments/callback/NOSUCHNUMBER01?t=00&qpay_payment_id=1",
    ]
    for forgery in forged:
        answer = await api.client.get(forgery)
        assert (answer.status_code, answer.text) == (200, "SUCCESS")
    booking = await _booking(desk, booking_id)
    assert (booking["status"], booking["paymentStatus"], booking["amountPaid"]) == (
        "pending",
        "invoiced",
        0,
    )
    assert "payment_recorded" not in await _events(desk, booking_id)


async def test_a_payment_after_the_hold_ran_out_is_recorded_and_owed_back(api: Api) -> None:
    desk = await open_desk(api, service=DEPOSIT_SERVICE, settings={"depositHoldMinutes": 5})
    booking_id = await desk.booked()
    invoice_id = (await _invoice(desk, booking_id)).json()["invoiceId"]
    api.clock.advance(timedelta(minutes=6))  # past the deposit hold
    assert api.sandbox is not None
    await api.sandbox.pay(invoice_id)
    booking = await _booking(desk, booking_id)
    assert (booking["status"], booking["cancellationReason"]) == ("cancelled", "expired")
    assert (booking["amountPaid"], booking["refundDue"]) == (30_000, 30_000)
    read = await api.client.get(f"/api/v1/payments/{invoice_id}", headers=desk.auth(desk.customer))
    assert [p["outcome"] for p in read.json()["payments"]] == ["owed_back"]


async def test_invoice_refusals(api: Api) -> None:
    desk = await _desk(api)
    booking_id = await desk.booked()
    stranger = await desk.customer_named("Eve")
    assert (await _invoice(desk, booking_id, stranger)).status_code == 404
    assert (await _invoice(desk, booking_id, desk.artist.session)).status_code == 403
    free = await open_desk(api, admin=desk.admin)  # no deposit to pay
    free_booking = await free.booked()
    refused = await _invoice(free, free_booking)
    assert (refused.status_code, refused.json()["code"]) == (422, "deposit_not_payable")
    invoice_id = (await _invoice(desk, booking_id)).json()["invoiceId"]
    for who in (stranger, free.customer):
        read = await api.client.get(f"/api/v1/payments/{invoice_id}", headers=desk.auth(who))
        assert read.status_code == 404


async def test_idempotency_key_replays_and_refuses_reuse(api: Api) -> None:
    desk = await _desk(api)
    first = await desk.booked()
    second = await desk.booked("2026-03-05T13:00:00Z")
    made = await _invoice(desk, first, key="pay-1")
    replay = await _invoice(desk, first, key="pay-1")
    assert (made.status_code, replay.status_code) == (201, 200)
    assert made.json()["invoiceId"] == replay.json()["invoiceId"]
    reused = await _invoice(desk, second, key="pay-1")
    assert (reused.status_code, reused.json()["code"]) == (422, "idempotency_key_reused")


async def test_check_confirms_now_and_is_rate_limited(api: Api) -> None:
    desk = await _desk(api)
    booking_id = await desk.booked()
    invoice_id = (await _invoice(desk, booking_id)).json()["invoiceId"]
    assert api.sandbox is not None

    async def lost(url: str) -> int:  # the callback never arrives
        return 200

    api.sandbox.route_callbacks(lost)
    await api.sandbox.pay(invoice_id)
    assert (await _booking(desk, booking_id))["status"] == "pending"
    check = f"/api/v1/payments/{invoice_id}/check"
    checked = await api.client.post(check, headers=desk.auth(desk.customer))
    assert checked.status_code == 200, checked.text
    assert checked.json()["bookingStatus"] == "confirmed"
    again = await api.client.post(check, headers=desk.auth(desk.customer))
    assert (again.status_code, again.json()["code"]) == (429, "payment_check_too_soon")
    api.clock.advance(timedelta(seconds=16))
    later = await api.client.post(check, headers=desk.auth(desk.customer))
    assert later.status_code == 200
    assert (await _events(desk, booking_id)).count("payment_recorded") == 1
