"""The balance after the session over HTTP on real PostgreSQL: the artist invoices it, the
customer pays through the sandbox gateway (whose callbacks reach the app over HTTP as
QPay's would), and the booking is paid in full; with nothing left to pay no invoice is made
and the booking is paid in full at once."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

import psycopg
import pytest

from adapters.postgres.database import psycopg_url
from tests.api.booking_helpers import BOOKINGS, Desk, open_desk
from tests.api.conftest import Api

pytestmark = pytest.mark.anyio

DEPOSIT_SERVICE = {"deposit": {"percent": 20}}  # 20 % of 1,500.00 MNT: 300 MNT
PREPAID_SERVICE = {"deposit": {"percent": 100}}  # the whole price up front
AFTER = datetime(2026, 3, 5, 14, tzinfo=UTC)  # after the 10:00 session


async def _completed(
    api: Api,
    service: dict[str, Any] = DEPOSIT_SERVICE,
    meanwhile: Callable[[Desk], Awaitable[None]] | None = None,
) -> tuple[Desk, str, dict[str, Any]]:
    """A booking whose deposit was paid and whose session is done; the artist's fresh
    session (the clock moved). ``meanwhile`` runs once it is booked, before it is paid."""
    desk = await open_desk(api, service=service)
    booking_id = await desk.booked()
    if meanwhile is not None:
        await meanwhile(desk)
    made = await api.client.post(
        f"{BOOKINGS}/{booking_id}/deposit-invoice", headers=desk.auth(desk.customer)
    )
    assert made.status_code == 201, made.text
    assert api.sandbox is not None
    await api.sandbox.pay(made.json()["invoiceId"])
    api.clock.set(AFTER)
    artist = (await api.login(desk.artist.session["user"]["email"])).json()
    done = await desk.patch(booking_id, artist, status="completed")
    assert done.status_code == 200, done.text
    return desk, booking_id, artist


async def _balance(
    desk: Desk, booking_id: str, session: dict[str, Any], key: str | None = None, **body: Any
) -> Any:
    headers = desk.auth(session)
    if key is not None:
        headers["Idempotency-Key"] = key
    return await desk.api.client.post(
        f"{BOOKINGS}/{booking_id}/balance-invoice", json=body, headers=headers
    )


async def test_artist_invoices_the_balance_and_the_customer_pays_it(api: Api) -> None:
    desk, booking_id, artist = await _completed(api)
    customer = (await api.login(desk.customer["user"]["email"])).json()
    made = await _balance(desk, booking_id, artist, adjustment=10_000,
                          adjustmentReason="extra colour")  # fmt: skip
    assert made.status_code == 201, made.text
    invoice = made.json()
    assert (invoice["kind"], invoice["status"], invoice["amount"]) == ("balance", "open", 130_000)
    assert (invoice["price"], invoice["credit"], invoice["adjustment"]) == (150_000, 30_000, 10_000)
    assert invoice["adjustmentReason"] == "extra colour" and not invoice["paidInFull"]
    assert invoice["qrText"] and invoice["shortUrl"]
    before = (await desk.get(f"/{booking_id}", customer)).json()
    assert before["paidInFull"] is False  # the deposit alone, no final price yet

    assert api.sandbox is not None
    await api.sandbox.pay(invoice["invoiceId"])

    read = await api.client.get(
        f"/api/v1/payments/{invoice['invoiceId']}", headers=desk.auth(customer)
    )
    assert read.status_code == 200, read.text
    body = read.json()
    assert (body["status"], body["paidInFull"], body["bookingStatus"]) == (
        "paid",
        True,
        "completed",
    )
    assert [p["outcome"] for p in body["payments"]] == ["confirmed"]
    booking = (await desk.get(f"/{booking_id}", customer)).json()
    assert (booking["amountPaid"], booking["refundDue"], booking["paidInFull"]) == (
        160_000,
        0,
        True,
    )
    events = (await desk.get(f"/{booking_id}/events", customer)).json()["items"]
    kinds = [(e["kind"], e["amount"]) for e in events]
    assert kinds[-2:] == [("balance_invoiced", 130_000), ("balance_paid", 130_000)]
    assert await _balance_events(api, booking_id) == [
        ("payment.balance_requested", 130_000),
        ("payment.balance_paid", 130_000),
    ]
    again = await _balance(desk, booking_id, artist)
    assert (again.status_code, again.json()["code"]) == (409, "balance_already_paid")


async def test_the_balance_is_reckoned_from_the_price_booked_at(api: Api) -> None:
    """The artist raising the service's price after the booking does not change what the
    booking costs: its balance is the booked price less the deposit."""

    async def raise_the_price(desk: Desk) -> None:
        raised = await api.client.patch(
            f"/api/v1/artists/{desk.artist.id}/services/{desk.artist.service['id']}",
            json={"price": {"amount": 200_000}},
            headers=desk.auth(desk.artist.session),
        )
        assert raised.status_code == 200, raised.text
        assert raised.json()["price"]["amount"] == 200_000

    desk, booking_id, artist = await _completed(api, meanwhile=raise_the_price)
    booking = (await desk.get(f"/{booking_id}", artist)).json()
    assert (booking["priceAmount"], booking["depositAmount"]) == (150_000, 30_000)

    invoice = (await _balance(desk, booking_id, artist)).json()
    assert (invoice["price"], invoice["credit"], invoice["amount"]) == (150_000, 30_000, 120_000)


async def _balance_events(api: Api, booking_id: str) -> list[tuple[str, int]]:
    """The outbox's balance events of the booking, in order, with their amounts."""
    query = (
        "SELECT type, data FROM outbox_events WHERE type LIKE 'payment.balance_%%'"
        " AND data -> 'balance' ->> 'bookingId' = %s ORDER BY position"
    )
    async with await psycopg.AsyncConnection.connect(psycopg_url(api.database_url)) as conn:
        rows = await (await conn.execute(query, (booking_id,))).fetchall()
    return [(kind, data["balance"]["amount"]["amount"]) for kind, data in rows]


async def test_reissuing_supersedes_the_open_balance(api: Api) -> None:
    desk, booking_id, artist = await _completed(api)
    first = (await _balance(desk, booking_id, artist)).json()
    assert first["amount"] == 120_000
    second = await _balance(desk, booking_id, artist, adjustment=-20_000,
                            adjustmentReason="loyal customer")  # fmt: skip
    assert second.status_code == 201, second.text
    assert second.json()["amount"] == 100_000
    old = await api.client.get(f"/api/v1/payments/{first['invoiceId']}", headers=desk.auth(artist))
    assert old.json()["status"] == "cancelled"
    replay = await _balance(desk, booking_id, artist, key="bal-1")
    replayed = await _balance(desk, booking_id, artist, key="bal-1")
    assert (replay.status_code, replayed.status_code) == (201, 200)
    assert replay.json()["invoiceId"] == replayed.json()["invoiceId"]


async def test_balance_refusals(api: Api) -> None:
    desk, booking_id, artist = await _completed(api)
    customer = (await api.login(desk.customer["user"]["email"])).json()
    stranger = await desk.customer_named("Eve")
    assert (await _balance(desk, booking_id, stranger)).status_code == 404
    assert (await _balance(desk, booking_id, customer)).status_code == 403
    unexplained = await _balance(desk, booking_id, artist, adjustment=10_000)
    assert (unexplained.status_code, unexplained.json()["code"]) == (422, "invalid_input")
    negative = await _balance(desk, booking_id, artist, adjustment=-200_000, adjustmentReason="x")
    assert (negative.status_code, negative.json()["code"]) == (422, "balance_negative")
    pending = await desk.booked("2026-03-10T10:00:00Z", customer)
    early = await _balance(desk, pending, artist)
    assert (early.status_code, early.json()["code"]) == (409, "balance_not_due")


async def test_a_prepaid_booking_is_paid_in_full_without_an_invoice(api: Api) -> None:
    desk, booking_id, artist = await _completed(api, PREPAID_SERVICE)
    customer = (await api.login(desk.customer["user"]["email"])).json()
    before = (await desk.get(f"/{booking_id}", customer)).json()
    assert (before["amountPaid"], before["paidInFull"]) == (150_000, False)
    settled = await _balance(desk, booking_id, artist)
    assert (settled.status_code, settled.content) == (204, b"")
    booking = (await desk.get(f"/{booking_id}", customer)).json()
    assert (booking["status"], booking["amountPaid"], booking["paidInFull"]) == (
        "completed",
        150_000,
        True,
    )
    events = (await desk.get(f"/{booking_id}/events", customer)).json()["items"]
    assert (events[-1]["kind"], events[-1]["amount"], events[-1]["reason"]) == (
        "paid_in_full",
        150_000,
        None,
    )
    assert await _balance_events(api, booking_id) == []  # no invoice, no provider call
    assert await _booking_event_types(api, booking_id, "booking.paid_in_full") == 1
    again = await _balance(desk, booking_id, artist, key="settle-1")
    assert (again.status_code, again.json()["code"]) == (409, "balance_already_paid")


async def test_an_adjustment_to_exactly_what_is_held_settles_and_supersedes(api: Api) -> None:
    desk, booking_id, artist = await _completed(api)
    first = (await _balance(desk, booking_id, artist)).json()
    settled = await _balance(desk, booking_id, artist, adjustment=-120_000,
                             adjustmentReason="touch-up only")  # fmt: skip
    assert settled.status_code == 204, settled.text
    old = await api.client.get(f"/api/v1/payments/{first['invoiceId']}", headers=desk.auth(artist))
    assert old.json()["status"] == "cancelled"
    booking = (await desk.get(f"/{booking_id}", artist)).json()
    assert (booking["amountPaid"], booking["paidInFull"]) == (30_000, True)
    events = (await desk.get(f"/{booking_id}/events", artist)).json()["items"]
    assert (events[-1]["kind"], events[-1]["amount"], events[-1]["reason"]) == (
        "paid_in_full",
        30_000,
        "touch-up only",
    )


async def _booking_event_types(api: Api, booking_id: str, kind: str) -> int:
    """How many outbox events of ``kind`` the booking has."""
    query = "SELECT count(*) FROM outbox_events WHERE type = %s AND subject = %s"
    async with await psycopg.AsyncConnection.connect(psycopg_url(api.database_url)) as conn:
        row = await (await conn.execute(query, (kind, f"booking/{booking_id}"))).fetchone()
    return 0 if row is None else int(row[0])


async def test_duplicate_callbacks_of_a_balance_record_one_payment(api: Api) -> None:
    desk, booking_id, artist = await _completed(api)
    invoice = (await _balance(desk, booking_id, artist)).json()
    assert api.sandbox is not None
    heard: list[str] = []

    async def hold_back(url: str) -> int:  # the bank pays; the callbacks come below
        heard.append(url)
        return 200

    api.sandbox.route_callbacks(hold_back)
    await api.sandbox.pay(invoice["invoiceId"])
    answers = await asyncio.gather(*(api.client.get(heard[0]) for _ in range(5)))
    assert {(a.status_code, a.text) for a in answers} == {(200, "SUCCESS")}
    forged = heard[0].replace("t=", "t=0", 1)
    assert (await api.client.get(forged)).text == "SUCCESS"  # refused quietly
    booking = (await desk.get(f"/{booking_id}", artist)).json()
    assert (booking["amountPaid"], booking["paidInFull"]) == (150_000, True)
    assert [kind for kind, _ in await _balance_events(api, booking_id)].count(
        "payment.balance_paid"
    ) == 1
    stranger = await desk.customer_named("Eve")
    read = await api.client.get(
        f"/api/v1/payments/{invoice['invoiceId']}", headers=desk.auth(stranger)
    )
    assert read.status_code == 404
