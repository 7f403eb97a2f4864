"""Money to the artist, not the platform (Stripe Connect, against the fake Stripe over real
HTTP, on real PostgreSQL): an artist connects a payout account (an onboarding link; its
status as Stripe says it); once active, a card deposit is a destination charge keeping the
platform's fee and paying the rest to the artist's account, which the ledger enters as paid
to their own account (owed nothing); a refund takes the transfer and the fee back in
proportion. Only artists connect one; without Stripe there is nothing to connect."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any
from uuid import UUID

import pytest

from booking_domain.payments import RefundId
from entrypoints.fake_stripe import FakeStripe, FakeStripeApi
from tests.api.booking_helpers import Desk, open_desk
from tests.api.conftest import Api, ApiFactory
from tests.api.payments.test_deposits_api import _booking, _invoice
from tests.support.builders import START
from tests.support.http_servers import serving
from tests.support.rails import STRIPE_EVENTS, stripe_settings

pytestmark = pytest.mark.anyio
ACCOUNT = "/api/v1/me/payout-account"
SERVICE = {"price": {"amount": 150_000, "currency": "USD"}, "deposit": {"percent": 20}}


@pytest.fixture
def stripe() -> Iterator[tuple[FakeStripe, str]]:
    state = FakeStripe(clock=lambda: START.timestamp())
    with serving(FakeStripeApi(state)) as url:
        state.base_url = url
        yield state, url


async def _desk(make_api: ApiFactory, stripe: tuple[FakeStripe, str]) -> tuple[Api, Desk]:
    state, url = stripe
    api = await make_api(**stripe_settings(state, url), platform_fee_basis_points=1_000)
    return api, await open_desk(api, service=SERVICE)


async def _deliver(api: Api, state: FakeStripe, seen: int) -> None:
    for event in state.events_after(seen):
        payload, signature = state.signed(event)
        headers = {"content-type": "application/json", "stripe-signature": signature}
        answer = await api.client.post(STRIPE_EVENTS, content=payload, headers=headers)
        assert answer.status_code == 204, answer.text


async def _usd(desk: Desk) -> dict[str, Any]:
    got = await desk.api.client.get("/api/v1/me/ledger", headers=desk.auth(desk.artist.session))
    (account,) = [a for a in got.json()["accounts"] if a["currency"] == "USD"]
    return dict(account)


async def test_an_artist_connects_and_card_deposits_pay_their_own_account(
    make_api: ApiFactory, stripe: tuple[FakeStripe, str]
) -> None:
    state, _ = stripe
    api, desk = await _desk(make_api, stripe)
    artist = desk.auth(desk.artist.session)
    none = await api.client.get(ACCOUNT, headers=artist)
    assert (none.status_code, none.json()["status"]) == (200, "none")

    started = await api.client.post(f"{ACCOUNT}/onboarding", headers=artist)
    assert started.status_code == 200, started.text
    account_id = started.json()["account"]["accountId"]
    assert started.json()["url"].startswith(f"{state.base_url}/onboarding/{account_id}?")
    assert started.json()["account"]["status"] == "onboarding"
    again = await api.client.post(f"{ACCOUNT}/onboarding", headers=artist)
    assert again.json()["account"]["accountId"] == account_id  # continued, not a second one
    assert len(state.connect.accounts) == 1

    # Not yet active: a deposit is collected by the platform, as before.
    first = await desk.booked()
    made = await _invoice(desk, first)
    session = state.sessions[made.json()["invoiceId"]]
    assert session["_intent_data"]["destination"] is None

    seen = len(state.events)
    state.onboard(account_id)  # the artist gives Stripe their details: Stripe tells us
    await _deliver(api, state, seen)
    assert (await api.client.get(ACCOUNT, headers=artist)).json()["status"] == "active"

    booking_id = await desk.booked("2026-03-05T12:00:00Z")
    made = await _invoice(desk, booking_id)
    session_id = made.json()["invoiceId"]
    intent_data = state.sessions[session_id]["_intent_data"]
    assert (intent_data["destination"], intent_data["application_fee_amount"]) == (
        account_id,
        3_000,
    )
    seen = len(state.events)
    state.pay(session_id)
    await _deliver(api, state, seen)
    assert (await _booking(desk, booking_id))["status"] == "confirmed"
    transfer = next(iter(state.transfers.values()))
    assert (transfer["destination"], transfer["amount"]) == (account_id, 27_000)

    assert await api.bundles.payouts.enter_payments() >= 1
    usd = await _usd(desk)
    assert (usd["collected"], usd["fees"], usd["paidToOwnAccount"], usd["balance"]) == (
        30_000, 3_000, 27_000, 0,
    )  # fmt: skip

    cancelled = await desk.patch(booking_id, desk.artist.session, status="cancelled", reason="ill")
    assert cancelled.status_code == 200, cancelled.text
    await api.bundles.payments.plan_refunds()
    read = await api.client.get(f"/api/v1/payments/{session_id}", headers=desk.auth(desk.customer))
    (refund,) = read.json()["refunds"]
    await api.bundles.payments.pay_refund(RefundId(UUID(refund["id"])))
    assert transfer["amount_reversed"] == 27_000  # Stripe took the artist's share back
    await api.bundles.payouts.enter_payments()
    usd = await _usd(desk)
    assert (usd["refunded"], usd["feesReturned"], usd["paidToOwnAccount"], usd["balance"]) == (
        30_000, 3_000, 0, 0,
    )  # fmt: skip


async def test_only_artists_connect_and_only_where_stripe_is_on(
    make_api: ApiFactory, stripe: tuple[FakeStripe, str]
) -> None:
    api, desk = await _desk(make_api, stripe)
    customer = desk.auth(desk.customer)
    for answer in (
        await api.client.get(ACCOUNT, headers=customer),
        await api.client.post(f"{ACCOUNT}/onboarding", headers=customer),
    ):
        assert (answer.status_code, answer.json()["code"]) == (403, "payout_account_for_artists")
    assert (await api.client.get(ACCOUNT)).status_code == 401
    stripe[0].fail_next(503)
    busy = await api.client.post(f"{ACCOUNT}/onboarding", headers=desk.auth(desk.artist.session))
    assert (busy.status_code, busy.json()["code"]) == (503, "payment_provider_unavailable")

    off = await make_api()  # the sandbox alone
    other = await open_desk(off, admin=desk.admin)
    answer = await off.client.get(ACCOUNT, headers=other.auth(other.artist.session))
    assert (answer.status_code, answer.json()["code"]) == (404, "card_payouts_off")


async def test_an_account_stripe_restricts_is_no_destination_any_more(
    make_api: ApiFactory, stripe: tuple[FakeStripe, str]
) -> None:
    """Stripe's ``account.updated`` keeps the status: once Stripe holds the account back,
    new card invoices are collected by the platform again."""
    state, _ = stripe
    api, desk = await _desk(make_api, stripe)
    artist = desk.auth(desk.artist.session)
    account_id = (await api.client.post(f"{ACCOUNT}/onboarding", headers=artist)).json()["account"][
        "accountId"
    ]
    seen = len(state.events)
    state.onboard(account_id)
    await _deliver(api, state, seen)
    seen = len(state.events)
    state.restrict(account_id)
    await _deliver(api, state, seen)
    booking_id = await desk.booked()
    made = await _invoice(desk, booking_id)
    assert state.sessions[made.json()["invoiceId"]]["_intent_data"]["destination"] is None


async def test_two_first_connects_at_once_open_one_account(
    make_api: ApiFactory, stripe: tuple[FakeStripe, str]
) -> None:
    state, _ = stripe
    api, desk = await _desk(make_api, stripe)
    artist = desk.auth(desk.artist.session)
    first, second = await asyncio.gather(
        api.client.post(f"{ACCOUNT}/onboarding", headers=artist),
        api.client.post(f"{ACCOUNT}/onboarding", headers=artist),
    )
    assert (first.status_code, second.status_code) == (200, 200), (first.text, second.text)
    ids = {answer.json()["account"]["accountId"] for answer in (first, second)}
    assert len(ids) == 1  # Stripe answers one account for one reference; we keep one
    assert len(state.connect.accounts) == 1
