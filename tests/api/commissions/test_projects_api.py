"""Quotes and projects over HTTP on real PostgreSQL, the walk of docs/commissions.md: the
artist quotes an accepted request for two sessions with a deposit; the customer accepts
and books the first session, pays its deposit through the sandbox gateway; the second
session is refused closer than the healing gap and taken at it; once both are completed
the project reads completed with its deposit credited, and the two balances plus the
deposit add up to the quoted price."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from tests.api.booking_helpers import BOOKINGS, SLOT, Desk, open_desk
from tests.api.commissions.test_requests_api import REQUESTS, problem, send
from tests.api.conftest import Api

pytestmark = pytest.mark.anyio
PRICE, DEPOSIT = 60_000_000, 10_000_000  # 600,000.00 and 100,000.00 MNT
SECOND = "2026-03-19T10:00:00Z"  # 14 days after SLOT, a Thursday
TOO_SOON = "2026-03-18T10:00:00Z"
AFTER_BOTH = datetime(2026, 3, 19, 14, tzinfo=UTC)


def a_quote(**changes: Any) -> dict[str, Any]:
    return {
        "sessions": 2, "sessionMinutes": 180, "priceMin": PRICE, "priceMax": 70_000_000,
        "deposit": DEPOSIT, "currency": "MNT", "gapDays": 14,
        "expiresAt": "2026-03-09T00:00:00Z", "note": "Two sittings, linework first",
        **changes,
    }  # fmt: skip


async def accepted_request(desk: Desk) -> str:
    sent = await send(desk)
    assert sent.status_code == 201, sent.text
    request_id: str = sent.json()["request"]["id"]
    artist = desk.auth(desk.artist.session)
    ok = await desk.api.client.post(
        f"{REQUESTS}/{request_id}/accept", json={"message": "Yes!"}, headers=artist
    )
    assert ok.status_code == 200, ok.text
    return request_id


async def test_a_quote_becomes_a_two_session_project_with_its_deposit_credited(
    api: Api,
) -> None:
    desk = await open_desk(api)
    c = api.client
    artist, customer = desk.auth(desk.artist.session), desk.auth(desk.customer)
    request_id = await accepted_request(desk)
    quotes = f"{REQUESTS}/{request_id}/quotes"

    bad = await c.post(quotes, json=a_quote(deposit=40_000_000), headers=artist)
    assert problem(bad) == (422, "invalid_quote")
    edge = await c.post(quotes, json=a_quote(expiresAt="0001-01-01T00:00:00+14:00"), headers=artist)
    assert problem(edge) == (422, "invalid_quote")  # before year 1 in UTC: refused, no 500
    assert problem(await c.post(quotes, json=a_quote(), headers=customer)) == (
        403, "request_action_not_allowed",
    )  # fmt: skip
    first = (await c.post(quotes, json=a_quote(), headers=artist)).json()
    revised = await c.post(quotes, json=a_quote(note="Revised: same terms"), headers=artist)
    assert revised.status_code == 201, revised.text
    listed = (await c.get(quotes, headers=customer)).json()["items"]
    assert [(q["revision"], q["state"]) for q in listed] == [(1, "superseded"), (2, "offered")]
    assert problem(
        await c.post(f"/api/v1/quotes/{first['id']}/accept", json={"start": SLOT}, headers=customer)
    ) == (409, "quote_superseded")  # fmt: skip

    started = await c.post(
        f"/api/v1/quotes/{revised.json()['id']}/accept", json={"start": SLOT}, headers=customer
    )
    assert started.status_code == 201, started.text
    body = started.json()
    booking, project = body["booking"], body["project"]
    assert (booking["status"], booking["deposit"]["amount"], booking["price"]["amount"]) == (
        "pending", DEPOSIT, 40_000_000,
    )  # fmt: skip
    made = await c.post(f"{BOOKINGS}/{booking['bookingId']}/deposit-invoice", headers=customer)
    assert made.status_code == 201, made.text
    assert api.sandbox is not None
    await api.sandbox.pay(made.json()["invoiceId"])

    sessions = f"/api/v1/projects/{project['id']}/sessions"
    assert problem(await c.post(sessions, json={"start": TOO_SOON}, headers=customer)) == (
        422, "session_too_close",
    )  # fmt: skip
    second = await c.post(sessions, json={"start": SECOND}, headers=customer)
    assert second.status_code == 201, second.text
    assert (second.json()["status"], second.json()["price"]["amount"]) == ("confirmed", 20_000_000)

    api.clock.set(AFTER_BOTH)
    fresh = desk.auth((await api.login(desk.artist.session["user"]["email"])).json())
    for booking_id in (booking["bookingId"], second.json()["bookingId"]):
        done = await c.patch(
            f"{BOOKINGS}/{booking_id}", json={"status": "completed"}, headers=fresh
        )
        assert done.status_code == 200, done.text
    balances = []
    for booking_id in (booking["bookingId"], second.json()["bookingId"]):
        asked = await c.post(f"{BOOKINGS}/{booking_id}/balance-invoice", json={}, headers=fresh)
        assert asked.status_code == 201, asked.text
        balances.append(asked.json()["amount"])
    assert balances == [30_000_000, 20_000_000]  # the deposit still held, then credited
    assert sum(balances) + DEPOSIT == PRICE

    customer = desk.auth((await api.login(desk.customer["user"]["email"])).json())
    seen = (await c.get(f"/api/v1/projects/{project['id']}", headers=customer)).json()
    assert (seen["state"], seen["sessionsCompleted"], seen["depositCredited"]) == (
        "completed", 2, True,
    )  # fmt: skip
    mine = (await c.get("/api/v1/me/projects", headers=fresh)).json()
    assert [p["id"] for p in mine["items"]] == [project["id"]]


async def test_a_quote_asking_a_deposit_nobody_could_pay_is_refused(api: Api) -> None:
    """A deposit is paid through QPay (the sandbox here), which takes MNT only: a quote in
    another currency with a deposit is 422 ``deposit_currency_not_payable`` and nothing is
    quoted (docs/product.md, "6. Money, deposits and refunds"); without one it is taken."""
    desk = await open_desk(api)
    artist, customer = desk.auth(desk.artist.session), desk.auth(desk.customer)
    quotes = f"{REQUESTS}/{await accepted_request(desk)}/quotes"
    dollars = a_quote(currency="USD", priceMin=60_000, priceMax=70_000, deposit=10_000)
    assert problem(await api.client.post(quotes, json=dollars, headers=artist)) == (
        422, "deposit_currency_not_payable",
    )  # fmt: skip
    assert (await api.client.get(quotes, headers=customer)).json()["items"] == []
    free = await api.client.post(quotes, json={**dollars, "deposit": 0}, headers=artist)
    assert free.status_code == 201, free.text
