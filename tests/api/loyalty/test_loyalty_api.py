"""Loyalty over HTTP on real PostgreSQL: an admin turns the platform's program on; completing
a booking earns points (the worker's earner, run here as the worker would); a later deposit
redeems them, the sandbox is paid the rest and the booking is confirmed; a lapsed invoice
gives its points back; the customer is told in their inbox; refusals are 4xx with stable
codes and change nothing."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

import psycopg
import pytest

from adapters.postgres.database import psycopg_url
from tests.api.booking_helpers import BOOKINGS, Desk, open_desk
from tests.api.conftest import PASSWORD, Api
from tests.api.notifications.delivery import deliver

pytestmark = pytest.mark.anyio
# MNT 1,500.00 a session with a MNT 300.00 deposit: a point per MNT 2 paid, worth MNT 1 (a
# paid deposit earns 150 points when its booking is completed: the price unpaid earns none).
RATES = {
    "active": True, "currency": "MNT", "spendPerPoint": 200, "pointValue": 100,
    "maxSharePercent": 50, "expiryDays": 365, "reviewPoints": 20,
    "tiers": [{"name": "Silver", "threshold": 1_000, "multiplierPercent": 125}],
}  # fmt: skip
SERVICE = {"deposit": {"amount": 30_000}}
FIRST, SECOND = "2026-03-05T10:00:00Z", "2026-03-12T10:00:00Z"
AFTER_FIRST = datetime(2026, 3, 5, 12, tzinfo=UTC)


async def program_on(api: Api, desk: Desk, **changes: Any) -> dict[str, Any]:
    put = await api.client.put(
        "/api/v1/admin/loyalty-program", json={**RATES, **changes}, headers=desk.auth(desk.admin)
    )
    assert put.status_code == 200, put.text
    body: dict[str, Any] = put.json()
    return body


async def paid_deposit(desk: Desk, booking_id: str, **body: Any) -> dict[str, Any]:
    made = await desk.api.client.post(
        f"{BOOKINGS}/{booking_id}/deposit-invoice", json=body or None,
        headers=desk.auth(desk.customer),
    )  # fmt: skip
    assert made.status_code == 201, made.text
    assert desk.api.sandbox is not None
    await desk.api.sandbox.pay(made.json()["invoiceId"])
    invoice: dict[str, Any] = made.json()
    return invoice


async def completed(desk: Desk, start: str = FIRST) -> str:
    """A booking whose deposit was paid and whose session is done."""
    booking_id = await desk.booked(start)
    await paid_deposit(desk, booking_id)
    desk.api.clock.set(datetime.fromisoformat(start) + timedelta(hours=2))
    artist = (await desk.api.login(desk.artist.session["user"]["email"])).json()
    done = await desk.patch(booking_id, artist, status="completed")
    assert done.status_code == 200, done.text
    await signed_in_again(desk)
    return booking_id


async def signed_in_again(desk: Desk) -> None:
    """The customer's fresh session, once the clock passed their token's quarter hour."""
    desk.customer = (await desk.api.login(desk.customer["user"]["email"])).json()


async def mine(desk: Desk, session: dict[str, Any] | None = None) -> dict[str, Any]:
    who = desk.auth(session or desk.customer)
    got = await desk.api.client.get("/api/v1/me/loyalty", headers=who)
    assert got.status_code == 200, got.text
    body: dict[str, Any] = got.json()
    return body


async def earn(api: Api) -> None:
    await api.bundles.loyalty.earn_points()


async def test_completing_earns_points_and_a_later_deposit_redeems_them(api: Api) -> None:
    desk = await open_desk(api, service=SERVICE)
    program = await program_on(api, desk)
    assert (program["name"], program["artistId"], program["version"]) == ("Inkslot", None, 1)
    await completed(desk)
    await earn(api)
    (account,) = (await mine(desk))["accounts"]
    assert (account["balance"], account["value"], account["tierPoints"]) == (150, 15_000, 150)
    assert account["program"]["id"] == program["id"]
    assert account["tier"] is None and account["nextTier"]["name"] == "Silver"
    assert account["expiring"]["points"] == 150

    second = await desk.booked(SECOND)
    redeemed = await api.client.post(
        f"{BOOKINGS}/{second}/deposit-invoice", json={"redeemPoints": 150},
        headers=desk.auth(desk.customer),
    )  # fmt: skip
    assert redeemed.status_code == 201, redeemed.text
    invoice = redeemed.json()
    assert (invoice["amount"], invoice["discount"], invoice["pointsRedeemed"]) == (
        15_000, 15_000, 150,
    )  # fmt: skip
    assert (await mine(desk))["accounts"][0]["balance"] == 0  # held by the invoice
    assert api.sandbox is not None
    await api.sandbox.pay(invoice["invoiceId"])
    booking = (await desk.get(f"/{second}", desk.customer)).json()
    assert (booking["status"], booking["paymentStatus"], booking["amountPaid"]) == (
        "confirmed", "paid", 15_000,
    )  # fmt: skip
    read = await api.client.get(
        f"/api/v1/payments/{invoice['invoiceId']}", headers=desk.auth(desk.customer)
    )
    assert (read.json()["status"], read.json()["discount"]) == ("paid", 15_000)
    entries = await api.client.get(
        f"/api/v1/me/loyalty/{program['id']}/entries", headers=desk.auth(desk.customer)
    )
    assert [(e["kind"], e["points"], e["balanceAfter"]) for e in entries.json()["items"]] == [
        ("redeem", -150, 0), ("earn", 150, 150),
    ]  # fmt: skip

    await deliver(api)
    inbox = await api.client.get("/api/v1/me/notifications", headers=desk.auth(desk.customer))
    earned = [n for n in inbox.json()["items"] if n["kind"] == "loyalty.points_earned"]
    assert [n["title"] for n in earned] == ["You earned 150 points"]
    assert earned[0]["link"].endswith("/loyalty")
    page = await api.client.get(urlsplit(earned[0]["link"]).path)  # one's points: it opens
    assert page.status_code == 200 and "loyalty.js" in page.text


async def test_a_lapsed_invoice_gives_its_points_back(api: Api) -> None:
    desk = await open_desk(api, service=SERVICE)
    await program_on(api, desk)
    await completed(desk)
    await earn(api)
    second = await desk.booked(SECOND)
    made = await api.client.post(
        f"{BOOKINGS}/{second}/deposit-invoice", json={"redeemPoints": 100},
        headers=desk.auth(desk.customer),
    )  # fmt: skip
    assert made.status_code == 201, made.text
    assert (await mine(desk))["accounts"][0]["balance"] == 50
    api.clock.advance(timedelta(hours=1))  # the 15 minutes' deposit hold ran out
    assert await api.bundles.payments.withdraw_lapsed_invoices() == 1
    await signed_in_again(desk)
    assert (await mine(desk))["accounts"][0]["balance"] == 150
    page = (await mine(desk))["accounts"][0]["program"]["id"]
    entries = await api.client.get(
        f"/api/v1/me/loyalty/{page}/entries", headers=desk.auth(desk.customer)
    )
    assert [(e["kind"], e["reason"]) for e in entries.json()["items"]][:2] == [
        ("release", "invoice_lapsed"), ("redeem", "invoice"),
    ]  # fmt: skip


async def test_redeeming_is_refused_clearly_and_changes_nothing(api: Api) -> None:
    desk = await open_desk(api, service=SERVICE)
    booking_id = await desk.booked(SECOND)
    url = f"{BOOKINGS}/{booking_id}/deposit-invoice"
    who = desk.auth(desk.customer)

    async def refused(body: Any, **headers: str) -> tuple[int, str]:
        answer = await api.client.post(url, json=body, headers={**who, **headers})
        return answer.status_code, answer.json()["code"]

    assert await refused({"redeemPoints": 10}) == (422, "points_not_redeemable")  # no program
    await program_on(api, desk)
    assert await refused({"redeemPoints": 10}) == (422, "insufficient_points")
    for bad in (0, -1, 10**10, "10", 1.5, [1]):
        assert (await refused({"redeemPoints": bad}))[0] in (400, 422), bad
    assert await refused({"redeemPoints": 10, "other": 1}) == (422, "invalid_input")
    plain = await api.client.post(url, headers=who)  # no body: no points, as before
    assert plain.status_code == 201, plain.text
    assert (plain.json()["amount"], plain.json()["discount"]) == (30_000, 0)


async def test_too_large_a_share_is_refused_naming_how_many_points_fit(api: Api) -> None:
    desk = await open_desk(api, service=SERVICE)
    await program_on(api, desk, maxSharePercent=10)
    await completed(desk)
    await earn(api)
    second = await desk.booked(SECOND)
    answer = await api.client.post(
        f"{BOOKINGS}/{second}/deposit-invoice", json={"redeemPoints": 31},
        headers=desk.auth(desk.customer),
    )  # fmt: skip
    assert (answer.status_code, answer.json()["code"]) == (422, "redemption_too_large")
    assert "30 points" in answer.json()["detail"]
    assert (await mine(desk))["accounts"][0]["balance"] == 150


async def test_programs_are_set_by_their_owners_and_read_as_they_allow(api: Api) -> None:
    desk = await open_desk(api, service=SERVICE)
    artist, customer, admin = desk.artist.session, desk.customer, desk.admin
    path = f"/api/v1/artists/{desk.artist.id}/loyalty-program"
    assert (await api.client.get("/api/v1/loyalty-program")).status_code == 404
    for who, status in ((customer, 403), (artist, 403)):
        put = await api.client.put("/api/v1/admin/loyalty-program", json=RATES,
                                   headers=desk.auth(who))  # fmt: skip
        assert put.status_code == status
    off = {**RATES, "active": False}
    own = await api.client.put(path, json=off, headers=desk.auth(artist))
    assert own.status_code == 200, own.text
    assert (own.json()["name"], own.json()["artistId"]) == ("Ink Master", desk.artist.id)
    assert (await api.client.get(path)).status_code == 404  # off: its artist and admins only
    assert (await api.client.get(path, headers=desk.auth(admin))).status_code == 200
    other = await desk.customer_named("Eve")
    put = await api.client.put(path, json=RATES, headers=desk.auth(other))
    assert put.status_code == 403  # a public profile: not yours
    assert (await api.client.put(path, json=RATES, headers=desk.auth(artist))).status_code == 200
    public = await api.client.get(path)
    assert (public.status_code, public.json()["version"]) == (200, 2)


BAD_RATES: list[tuple[dict[str, Any], str]] = [
    ({"maxSharePercent": 91}, "maxSharePercent"),
    ({"currency": "XAU"}, "currency"),
    ({"tiers": [{"name": "A\x00", "threshold": 1, "multiplierPercent": 100}]}, "tiers"),
    ({"tiers": [{"name": "Gold", "threshold": 9, "multiplierPercent": 150},
                {"name": "Silver", "threshold": 5, "multiplierPercent": 125}]}, "tiers"),
    ({"expiryDays": 0}, "expiryDays"),
    ({"pointValue": 10**12}, "pointValue"),
]  # fmt: skip


async def test_bad_rates_are_refused_naming_the_field_and_nothing_is_set(api: Api) -> None:
    desk = await open_desk(api)
    for change, field in BAD_RATES:
        put = await api.client.put(
            "/api/v1/admin/loyalty-program", json={**RATES, **change},
            headers=desk.auth(desk.admin),
        )  # fmt: skip
        assert put.status_code == 422, put.text
        problem = put.json()
        named = [e.get("field") or "" for e in problem.get("errors", [])]
        assert any(field in f for f in named) or field in problem["detail"], problem
    assert (await api.client.get("/api/v1/loyalty-program")).status_code == 404


async def redeemed_and_paid(desk: Desk, points: int) -> str:
    """A second booking, its deposit paid partly with ``points`` (confirmed)."""
    second = await desk.booked(SECOND)
    invoice = await paid_deposit(desk, second, redeemPoints=points)
    assert invoice["pointsRedeemed"] == points
    return second


async def test_a_balance_counts_the_deposits_points_and_may_redeem_more(api: Api) -> None:
    desk = await open_desk(api, service=SERVICE)
    await program_on(api, desk)
    await completed(desk)
    await earn(api)
    second = await redeemed_and_paid(desk, 100)  # MNT 100 of the MNT 300 deposit
    api.clock.set(datetime(2026, 3, 12, 12, tzinfo=UTC))
    artist = (await api.login(desk.artist.session["user"]["email"])).json()
    assert (await desk.patch(second, artist, status="completed")).status_code == 200
    await earn(api)  # 100 more, on the MNT 200 the deposit was paid in money: 150 in all
    balance = await api.client.post(
        f"{BOOKINGS}/{second}/balance-invoice", json={"redeemPoints": 50},
        headers=desk.auth(artist),
    )  # fmt: skip
    assert balance.status_code == 201, balance.text
    body = balance.json()
    # 150,000 - 20,000 held - 10,000 the deposit's points = 120,000, less 5,000 in points.
    assert (body["price"], body["credit"], body["priorDiscount"]) == (150_000, 20_000, 10_000)
    assert (body["amount"], body["discount"], body["pointsRedeemed"]) == (115_000, 5_000, 50)
    assert api.sandbox is not None
    await api.sandbox.pay(body["invoiceId"])
    await signed_in_again(desk)
    booking = (await desk.get(f"/{second}", desk.customer)).json()
    assert (booking["amountPaid"], booking["paidInFull"]) == (135_000, True)
    assert (await mine(desk))["accounts"][0]["balance"] == 100
    await earn(api)  # the balance paid, MNT 1,150, earns 575
    assert (await mine(desk))["accounts"][0]["balance"] == 675


async def test_a_refund_gives_back_the_points_its_deposit_redeemed(api: Api) -> None:
    desk = await open_desk(api, service=SERVICE)
    await program_on(api, desk)
    await completed(desk)
    await earn(api)
    second = await redeemed_and_paid(desk, 150)
    artist = (await api.login(desk.artist.session["user"]["email"])).json()
    cancelled = await desk.patch(second, artist, status="cancelled", reason="ill")
    assert cancelled.status_code == 200, cancelled.text  # the artist refunds all that was paid
    await api.bundles.payments.plan_refunds()
    admin = desk.auth((await api.login(desk.admin["user"]["email"])).json())
    settlements = await api.client.get("/api/v1/admin/settlements", headers=admin)
    (refund,) = settlements.json()["items"]
    settled = await api.client.post(
        f"/api/v1/admin/settlements/{refund['id']}/settle",
        json={"note": "bank transfer 42"},
        headers=admin,
    )
    assert settled.status_code == 200, settled.text
    await earn(api)
    (account,) = (await mine(desk))["accounts"]
    assert account["balance"] == 150  # all the money came back: so did the points
    entries = await api.client.get(
        f"/api/v1/me/loyalty/{account['program']['id']}/entries",
        headers=desk.auth(desk.customer),
    )
    newest = entries.json()["items"][0]
    assert (newest["kind"], newest["reason"]) == ("release", "refund")


async def test_the_export_holds_ones_points_and_leaving_forfeits_them(api: Api) -> None:
    desk = await open_desk(api, service=SERVICE)
    await program_on(api, desk)
    await program_on_for_the_artist(desk)
    await completed(desk)
    await earn(api)
    exported = await api.client.get("/api/v1/me/export", headers=desk.auth(desk.customer))
    assert exported.status_code == 200, exported.text
    with zipfile.ZipFile(io.BytesIO(exported.content)) as archive:
        (account,) = json.loads(archive.read("loyalty.json"))
    assert (account["programName"], account["balance"]) == ("Ink Master", 15)
    assert [(e["kind"], e["points"]) for e in account["entries"]] == [("earn", 15)]
    artist = (await api.login(desk.artist.session["user"]["email"])).json()
    theirs = await api.client.get("/api/v1/me/export", headers=desk.auth(artist))
    with zipfile.ZipFile(io.BytesIO(theirs.content)) as archive:
        (own,) = json.loads(archive.read("loyalty-program.json"))
    assert (own["active"], own["rates"]["spendPerPoint"]) == (True, 2_000)

    for session in (desk.customer, artist):
        gone = await api.client.request(
            "DELETE", "/api/v1/me", json={"password": PASSWORD}, headers=desk.auth(session)
        )
        assert gone.status_code == 204, gone.text
    async with await psycopg.AsyncConnection.connect(psycopg_url(api.database_url)) as conn:
        rows = await (
            await conn.execute(
                "SELECT e.kind, e.points, e.reason, a.balance FROM loyalty_entries e"
                " JOIN loyalty_accounts a ON a.id = e.account_id"
                " WHERE a.customer_id = %s ORDER BY e.sequence",
                (desk.customer["user"]["id"],),
            )
        ).fetchall()
        program = await (
            await conn.execute(
                "SELECT active FROM loyalty_programs WHERE artist_id = %s", (desk.artist.id,)
            )
        ).fetchone()
    assert rows == [("earn", 15, "booking_completed", 0), ("expire", -15, "account_deleted", 0)]
    assert program == (False,)  # the leaving artist's program is off


async def program_on_for_the_artist(desk: Desk) -> None:
    put = await desk.api.client.put(
        f"/api/v1/artists/{desk.artist.id}/loyalty-program",
        json={**RATES, "spendPerPoint": 2_000}, headers=desk.auth(desk.artist.session),
    )  # fmt: skip
    assert put.status_code == 200, put.text


async def _ledger(api: Api, desk: Desk) -> dict[str, Any]:
    """The artist's MNT account with the sums of the kinds of its entries."""
    await api.bundles.payouts.enter_payments()
    artist = (await api.login(desk.artist.session["user"]["email"])).json()
    got = await api.client.get("/api/v1/me/ledger", headers=desk.auth(artist))
    (account,) = [a for a in got.json()["accounts"] if a["currency"] == "MNT"]
    return dict(account)


async def test_the_platform_credits_the_artist_its_points_and_takes_back_what_comes_back(
    api: Api,
) -> None:
    """Points of the platform's program pay MNT 150 of a MNT 300 deposit: the artist is
    owed the whole deposit (the customer's MNT 150 and the platform's), and when a refund
    gives the points back the platform takes exactly their value back."""
    desk = await open_desk(api, service=SERVICE)
    await program_on(api, desk)
    await completed(desk)
    await earn(api)
    before = await _ledger(api, desk)  # the first booking's deposit, paid in money
    second = await redeemed_and_paid(desk, 150)  # MNT 150 in points, MNT 150 in money
    after = await _ledger(api, desk)
    assert after["collected"] - before["collected"] == 15_000
    assert (after["discountsCredited"], after["balance"] - before["balance"]) == (15_000, 30_000)

    artist = (await api.login(desk.artist.session["user"]["email"])).json()
    assert (await desk.patch(second, artist, status="cancelled", reason="ill")).status_code == 200
    await api.bundles.payments.plan_refunds()
    admin = desk.auth((await api.login(desk.admin["user"]["email"])).json())
    (refund,) = (await api.client.get("/api/v1/admin/settlements", headers=admin)).json()["items"]
    settled = await api.client.post(
        f"/api/v1/admin/settlements/{refund['id']}/settle", json={"note": "42"}, headers=admin
    )
    assert settled.status_code == 200, settled.text
    await earn(api)  # loyalty gives the 150 points back...
    refunded = await _ledger(api, desk)  # ...and the ledger takes their MNT 150 back
    assert refunded["balance"] == before["balance"]
    entries = await api.client.get(
        "/api/v1/me/ledger/entries", params={"currency": "MNT"}, headers=desk.auth(artist)
    )
    kinds = [(e["kind"], e["amount"]) for e in entries.json()["items"] if e["bookingId"] == second]
    assert ("discount_credited", 15_000) in kinds and ("discount_reversed", 15_000) in kinds
    await api.bundles.payouts.enter_payments()
    assert (await _ledger(api, desk))["balance"] == before["balance"]  # once


async def test_a_payment_racing_a_lapsed_invoice_credits_no_discount(api: Api) -> None:
    """The hold ran out and the points came back; a payment that raced the cancel is still
    money (owed back), but the points no longer paid anything: no discount is credited."""
    desk = await open_desk(api, service=SERVICE)
    await program_on(api, desk)
    await completed(desk)
    await earn(api)
    second = await desk.booked(SECOND)
    made = await api.client.post(
        f"{BOOKINGS}/{second}/deposit-invoice", json={"redeemPoints": 100},
        headers=desk.auth(desk.customer),
    )  # fmt: skip
    assert made.status_code == 201, made.text
    api.clock.advance(timedelta(hours=1))
    assert await api.bundles.payments.withdraw_lapsed_invoices() == 1  # the points come back
    assert api.sandbox is not None
    await api.sandbox.pay(made.json()["invoiceId"])  # paid as the hold ran out
    with psycopg.connect(psycopg_url(api.database_url)) as conn:
        rows = conn.execute(
            "SELECT data FROM outbox_events WHERE type = 'payment.received'"
            " AND data->'payment'->>'bookingId' = %s",
            (second,),
        ).fetchall()
    ((data,),) = rows
    assert data["payment"]["outcome"] == "owed_back"
    assert "platformDiscount" not in data["payment"]
