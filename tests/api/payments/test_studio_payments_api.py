"""Payments taken in the studio over HTTP on real PostgreSQL: the artist records a cash
balance after the session, the booking is paid in full, the receipt opens from its link
(HTML and PDF, English and Mongolian), loyalty earns on the money once (a retry with the
Idempotency-Key records nothing twice), analytics count it; a recorded refund gives some
back; refusals are 4xx with stable codes and change nothing."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from typing import Any

import psycopg
import pytest

from adapters.postgres.database import psycopg_url
from tests.api.booking_helpers import BOOKINGS, Desk, open_desk
from tests.api.conftest import Api
from tests.api.loyalty.test_loyalty_api import (
    RATES,
    SECOND,
    SERVICE,
    completed,
    earn,
    mine,
    paid_deposit,
    program_on,
)

pytestmark = pytest.mark.anyio
WEEK = {"from": "2026-03-02", "to": "2026-03-08", "granularity": "week"}


async def _own_program(api: Api, desk: Desk) -> None:
    """The artist's own program, at the platform's rates: money taken in the studio earns
    only in a program the artist funds (docs/loyalty.md, "Earning")."""
    put = await api.client.put(
        f"/api/v1/artists/{desk.artist.id}/loyalty-program", json=RATES,
        headers=desk.auth(desk.artist.session),
    )  # fmt: skip
    assert put.status_code == 200, put.text


async def _artist(desk: Desk) -> dict[str, Any]:
    session: dict[str, Any] = (await desk.api.login(desk.artist.session["user"]["email"])).json()
    return session


async def record(
    desk: Desk, booking_id: str, session: dict[str, Any], key: str | None = None, **body: Any
) -> Any:
    headers = desk.auth(session)
    if key is not None:
        headers["Idempotency-Key"] = key
    return await desk.api.client.post(
        f"{BOOKINGS}/{booking_id}/studio-payments", json=body, headers=headers
    )


async def test_a_cash_balance_pays_in_full_with_a_receipt_and_earns_once(api: Api) -> None:
    desk = await open_desk(api, service=SERVICE)  # MNT 1,500.00, a MNT 300.00 deposit
    await _own_program(api, desk)  # a point per MNT 2.00 paid
    booking_id = await completed(desk)
    artist = await _artist(desk)
    made = await record(desk, booking_id, artist, key="cash-1", method="cash", kind="all",
                        amount=120_000, note="paid at the counter")  # fmt: skip
    assert made.status_code == 201, made.text
    payment = made.json()
    assert (payment["method"], payment["kind"], payment["amount"]) == ("cash", "all", 120_000)
    assert payment["receiptNumber"] == 1 and payment["receiptLabel"] == "000001"
    again = await record(desk, booking_id, artist, key="cash-1", method="cash", kind="all",
                         amount=120_000)  # fmt: skip
    assert again.status_code == 200 and again.json()["id"] == payment["id"]
    assert again.json()["receiptUrl"] is None

    booking = (await desk.get(f"/{booking_id}", desk.customer)).json()
    assert (booking["amountPaid"], booking["paymentStatus"], booking["paidInFull"]) == (
        150_000, "paid", True,
    )  # fmt: skip
    await earn(api)
    await earn(api)  # a second run earns nothing more
    (account,) = (await mine(desk))["accounts"]
    assert account["balance"] == 150 + 600  # the deposit at completion, then the cash

    listed = await desk.get(f"/{booking_id}/studio-payments", desk.customer)
    assert listed.status_code == 200, listed.text
    body = listed.json()
    assert [p["id"] for p in body["items"]] == [payment["id"]]
    assert (body["dueBalance"], body["dueDeposit"], body["paidInFull"]) == (None, None, True)

    page = await api.client.get(payment["receiptUrl"])  # no sign-in: the link is the key
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "000001" in page.text and "Cash" in page.text and "MNT 1,200.00" in page.text
    mn = await api.client.get(payment["receiptUrl"], params={"lang": "mn"})
    assert "Бэлэн мөнгө" in mn.text and 'lang="mn"' in mn.text
    pdf = await api.client.get(payment["receiptUrl"], params={"format": "pdf"})
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    wrong = await api.client.get(payment["receiptUrl"] + "x")
    assert wrong.status_code == 404

    figures = await api.client.get(f"/api/v1/artists/{desk.artist.id}/analytics", params=WEEK,
                                   headers=desk.auth(artist))  # fmt: skip
    (week,) = figures.json()["periods"]
    (revenue,) = week["revenue"]
    assert (revenue["depositsPaid"], revenue["balancesPaid"]) == (30_000, 120_000)
    by_method = [(m["method"], m["received"]) for m in figures.json()["revenueByMethod"]]
    assert by_method == [("cash", 120_000), ("qpay", 30_000)]
    async with await psycopg.AsyncConnection.connect(
        psycopg_url(api.database_url), autocommit=True
    ) as conn:  # what a change of the artist's zone runs: the studio's money stays
        await conn.execute("SELECT analytics_rebuild(NULL)")
    rebuilt = await api.client.get(f"/api/v1/artists/{desk.artist.id}/analytics", params=WEEK,
                                   headers=desk.auth(artist))  # fmt: skip
    assert rebuilt.json()["periods"] == figures.json()["periods"]


async def test_an_unpaid_completion_earns_nothing_until_money_is_recorded(api: Api) -> None:
    desk = await open_desk(api, service=SERVICE)
    await _own_program(api, desk)
    booking_id = await completed(desk)
    await earn(api)
    assert (await mine(desk))["accounts"][0]["balance"] == 150  # the deposit only
    artist = await _artist(desk)
    part = await record(desk, booking_id, artist, method="card_terminal", kind="balance",
                        amount=20_000)  # fmt: skip
    assert part.status_code == 201, part.text
    await earn(api)
    assert (await mine(desk))["accounts"][0]["balance"] == 150 + 100
    booking = (await desk.get(f"/{booking_id}", desk.customer)).json()
    assert booking["paidInFull"] is False
    listed = (await desk.get(f"/{booking_id}/studio-payments", artist)).json()
    assert listed["dueBalance"] == 100_000


async def test_a_recorded_refund_gives_back_part_and_never_more(api: Api) -> None:
    desk = await open_desk(api, service=SERVICE)
    await _own_program(api, desk)
    booking_id = await completed(desk)
    artist = await _artist(desk)
    made = (await record(desk, booking_id, artist, method="bank_transfer", kind="all",
                         amount=120_000)).json()  # fmt: skip
    await earn(api)
    url = f"{BOOKINGS}/{booking_id}/studio-payments/{made['id']}/refund"
    too_much = await api.client.post(url, json={"amount": 120_001}, headers=desk.auth(artist))
    assert (too_much.status_code, too_much.json()["code"]) == (422, "studio_refund_out_of_range")
    by_customer = await api.client.post(url, json={"amount": 100},
                                        headers=desk.auth(desk.customer))  # fmt: skip
    assert by_customer.status_code == 403
    given = await api.client.post(url, json={"amount": 20_000}, headers=desk.auth(artist))
    assert given.status_code == 200, given.text
    assert given.json()["refunded"] == 20_000
    booking = (await desk.get(f"/{booking_id}", desk.customer)).json()
    assert (booking["amountRefunded"], booking["paymentStatus"], booking["paidInFull"]) == (
        20_000, "partially_refunded", False,
    )  # fmt: skip
    await earn(api)
    assert (await mine(desk))["accounts"][0]["balance"] == 750 - 100  # its share back
    rest = await api.client.post(url, json={"amount": 100_001}, headers=desk.auth(artist))
    assert rest.status_code == 422


async def test_refusals_are_4xx_and_change_nothing(api: Api) -> None:
    desk = await open_desk(api, service=SERVICE)
    booking_id = await desk.booked()
    artist = await _artist(desk)
    stranger = await open_desk(api, admin=desk.admin)
    cases: list[tuple[dict[str, Any], dict[str, Any], int, str | None]] = [
        (desk.customer, {"method": "cash", "kind": "deposit", "amount": 30_000}, 403, None),
        (stranger.artist.session, {"method": "cash", "kind": "deposit", "amount": 30_000},
         404, "booking_not_found"),
        (artist, {"method": "cash", "kind": "balance", "amount": 100}, 409,
         "studio_payment_not_due"),
        (artist, {"method": "cash", "kind": "deposit", "amount": 29_999}, 422,
         "studio_amount_out_of_range"),
        (artist, {"method": "cheque", "kind": "deposit", "amount": 30_000}, 422, "invalid_input"),
        (artist, {"method": "cash", "kind": "deposit", "amount": 0}, 422, "invalid_input"),
        (artist, {"method": "cash", "kind": "deposit", "amount": 10**16}, 422, "invalid_input"),
        (artist, {"method": "cash", "kind": "deposit", "amount": 30_000, "note": "a\x00b"},
         422, None),
    ]  # fmt: skip
    for session, body, status, code in cases:
        refused = await record(desk, booking_id, session, **body)
        assert refused.status_code == status, (body, refused.text)
        if code is not None:
            assert refused.json()["code"] == code
    listed = (await desk.get(f"/{booking_id}/studio-payments", artist)).json()
    assert listed["items"] == [] and listed["dueDeposit"] == 30_000

    deposit = await record(desk, booking_id, artist, method="cash", kind="deposit",
                           amount=30_000)  # fmt: skip
    assert deposit.status_code == 201, deposit.text
    booking = (await desk.get(f"/{booking_id}", desk.customer)).json()
    assert (booking["status"], booking["paymentStatus"]) == ("confirmed", "paid")
    reused = await record(desk, await desk.booked("2026-03-06T10:00:00Z"), artist, key="k",
                          method="cash", kind="deposit", amount=30_000)  # fmt: skip
    assert reused.status_code == 201
    other = await record(desk, booking_id, artist, key="k", method="cash", kind="balance",
                         amount=100)  # fmt: skip
    assert (other.status_code, other.json()["code"]) == (422, "idempotency_key_reused")


async def test_a_paid_deposit_is_not_taken_again(api: Api) -> None:
    desk = await open_desk(api, service=SERVICE)
    booking_id = await desk.booked()
    await paid_deposit(desk, booking_id)
    api.clock.set(datetime(2026, 3, 3, 9, tzinfo=UTC))
    artist = await _artist(desk)
    again = await record(desk, booking_id, artist, method="cash", kind="deposit", amount=30_000)
    assert (again.status_code, again.json()["code"]) == (409, "studio_payment_not_due")


async def test_recordings_at_once_number_receipts_once_and_count_money_once(api: Api) -> None:
    """Six recordings at once, three per booking of one artist: one per booking is kept
    (the others find it paid), their receipts are 1 and 2, and loyalty earns on each once."""
    desk = await open_desk(api, service=SERVICE)
    await _own_program(api, desk)
    first = await completed(desk)
    second = await completed(desk, SECOND)
    artist = await _artist(desk)
    answers = await asyncio.gather(*(
        record(desk, booking_id, artist, method="cash", kind="all", amount=120_000)
        for booking_id in (first, second) * 3
    ))  # fmt: skip
    kept = [a.json() for a in answers if a.status_code == 201]
    refused = [a.json()["code"] for a in answers if a.status_code != 201]
    assert sorted(p["receiptNumber"] for p in kept) == [1, 2]
    assert {p["bookingId"] for p in kept} == {first, second}
    assert refused == ["balance_already_paid"] * 4
    for booking_id in (first, second):
        booking = (await desk.get(f"/{booking_id}", desk.customer)).json()
        assert (booking["amountPaid"], booking["paidInFull"]) == (150_000, True)
    await earn(api)
    assert (await mine(desk))["accounts"][0]["balance"] == 2 * (150 + 600)


async def test_cash_earns_no_platform_points_but_the_deposit_paid_through_it_does(
    api: Api,
) -> None:
    """With only the platform's program on, a balance taken in cash earns nothing there:
    the platform never received it (an artist could otherwise mint its points)."""
    desk = await open_desk(api, service=SERVICE)
    await program_on(api, desk)
    booking_id = await completed(desk)  # its deposit paid through the platform
    taken = await record(
        desk, booking_id, await _artist(desk), method="cash", kind="all", amount=120_000
    )
    assert taken.status_code == 201, taken.text
    await earn(api)
    assert (await mine(desk))["accounts"][0]["balance"] == 150  # the deposit's points only
