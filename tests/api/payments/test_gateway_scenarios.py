"""Every payment scenario over both gateways' fakes alike (``tests/support/rails.py``): QPay
with its callback, Stripe with its signed webhook events, each over real HTTP, on real
PostgreSQL. Paid; the provider's word delivered twice and out of order; a card declined;
a payment after the hold ran out; a refund; a chargeback (Stripe's: QPay's bank-app
payments have none), which opens the booking's dispute. The race of concurrent deliveries
is in ``tests/races``."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any
from uuid import UUID

import psycopg
import pytest

from booking_domain.payments import InvoiceId, RefundId
from tests.api.booking_helpers import Desk, open_desk
from tests.api.conftest import Api, ApiFactory
from tests.api.payments.test_deposits_api import _booking, _events, _invoice
from tests.support.builders import START
from tests.support.rails import Deliver, Rail, qpay_rail, stripe_rail

pytestmark = pytest.mark.anyio
RAILS = {"qpay": qpay_rail, "stripe": stripe_rail}


class FollowedClock:
    """The fakes' clock: the app's manual clock once the app is made (a Stripe signature
    carries the time it was made at, which the app's clock judges)."""

    def __init__(self) -> None:
        self.api: Api | None = None

    def __call__(self) -> float:
        return (self.api.clock.now() if self.api is not None else START).timestamp()


@pytest.fixture(params=sorted(RAILS))
async def on(request: pytest.FixtureRequest) -> AsyncIterator[tuple[Rail, FollowedClock]]:
    clock = FollowedClock()
    with RAILS[request.param](clock) as made:
        yield made, clock


async def _open(
    make_api: ApiFactory, on: tuple[Rail, FollowedClock], **settings: Any
) -> tuple[Api, Desk, Rail]:
    rail, clock = on
    api = await make_api(**rail.settings)
    clock.api = api
    desk = await open_desk(api, service=rail.service, settings=settings or None)
    return api, desk, rail


async def _deliver(api: Api, deliveries: list[Deliver]) -> None:
    for deliver in deliveries:
        answer = await deliver(api.client)
        assert answer.status_code in (200, 204), answer.text


async def _invoiced(desk: Desk) -> tuple[str, str]:
    booking_id = await desk.booked()
    made = await _invoice(desk, booking_id)
    assert made.status_code == 201, made.text
    return booking_id, str(made.json()["invoiceId"])


async def _payments(desk: Desk, invoice_id: str) -> list[dict[str, Any]]:
    read = await desk.api.client.get(
        f"/api/v1/payments/{invoice_id}", headers=desk.auth(desk.customer)
    )
    assert read.status_code == 200, read.text
    return list(read.json()["payments"])


async def test_paid_confirms_the_booking(
    make_api: ApiFactory, on: tuple[Rail, FollowedClock]
) -> None:
    api, desk, rail = await _open(make_api, on)
    booking_id, invoice_id = await _invoiced(desk)
    assert (await _booking(desk, booking_id))["status"] == "pending"
    await _deliver(api, rail.pay(invoice_id))
    booking = await _booking(desk, booking_id)
    assert (booking["status"], booking["amountPaid"]) == ("confirmed", rail.deposit)
    assert [p["outcome"] for p in await _payments(desk, invoice_id)] == ["confirmed"]


async def test_the_providers_word_twice_and_out_of_order_records_one_payment(
    make_api: ApiFactory, on: tuple[Rail, FollowedClock]
) -> None:
    api, desk, rail = await _open(make_api, on)
    booking_id, invoice_id = await _invoiced(desk)
    deliveries = rail.pay(invoice_id)
    await _deliver(api, [*reversed(deliveries), *deliveries, *reversed(deliveries)])
    assert (await _events(desk, booking_id)).count("payment_recorded") == 1
    assert len(await _payments(desk, invoice_id)) == 1
    assert (await _booking(desk, booking_id))["status"] == "confirmed"


async def test_a_declined_card_records_nothing_and_a_second_try_pays(
    make_api: ApiFactory, on: tuple[Rail, FollowedClock]
) -> None:
    api, desk, rail = await _open(make_api, on)
    booking_id, invoice_id = await _invoiced(desk)
    await _deliver(api, rail.pay(invoice_id, declined=True))
    booking = await _booking(desk, booking_id)
    assert (booking["status"], booking["amountPaid"]) == ("pending", 0)
    assert await _payments(desk, invoice_id) == []
    await _deliver(api, rail.pay(invoice_id))
    assert (await _booking(desk, booking_id))["status"] == "confirmed"


async def test_a_payment_after_the_hold_ran_out_is_recorded_and_owed_back(
    make_api: ApiFactory, on: tuple[Rail, FollowedClock]
) -> None:
    api, desk, rail = await _open(make_api, on, depositHoldMinutes=5)
    booking_id, invoice_id = await _invoiced(desk)
    api.clock.advance(timedelta(minutes=6))  # past the hold: the invoice lapses here...
    assert await api.bundles.payments.withdraw_lapsed_invoices() >= 1
    late = rail.pay(invoice_id)  # ...while the customer pays at the provider
    # The provider is told to cancel; it answers "already paid", and the payment is verified.
    await api.bundles.payments.cancel_invoice_at_provider(_our_id(api, invoice_id))
    await _deliver(api, late)
    booking = await _booking(desk, booking_id)
    assert (booking["status"], booking["cancellationReason"]) == ("cancelled", "expired")
    assert (booking["amountPaid"], booking["refundDue"]) == (rail.deposit, rail.deposit)
    assert [p["outcome"] for p in await _payments(desk, invoice_id)] == ["owed_back"]


async def test_a_card_deposit_is_refunded_through_the_provider(
    make_api: ApiFactory, on: tuple[Rail, FollowedClock]
) -> None:
    api, desk, rail = await _open(make_api, on)
    booking_id, invoice_id = await _invoiced(desk)
    await _deliver(api, rail.pay(invoice_id))
    (payment,) = await _payments(desk, invoice_id)
    cancelled = await desk.patch(booking_id, desk.artist.session, status="cancelled", reason="ill")
    assert cancelled.status_code == 200, cancelled.text
    assert await api.bundles.payments.plan_refunds() == 1
    (refund,) = await _refunds(desk, invoice_id)
    await api.bundles.payments.pay_refund(RefundId(UUID(refund["id"])))
    await api.bundles.payments.pay_refund(RefundId(UUID(refund["id"])))  # a job run twice
    (refund,) = await _refunds(desk, invoice_id)
    assert (refund["status"], refund["amount"]) == ("refunded", rail.deposit)
    assert rail.refunded(payment["paymentId"])
    booking = await _booking(desk, booking_id)
    assert (booking["paymentStatus"], booking["amountRefunded"]) == ("refunded", rail.deposit)


async def test_a_chargeback_is_published_for_the_booking(
    make_api: ApiFactory, on: tuple[Rail, FollowedClock], database_url: str
) -> None:
    api, desk, rail = await _open(make_api, on)
    if not rail.has_chargebacks:
        pytest.skip("QPay's bank-app payments have no chargebacks to hear of")
    booking_id, invoice_id = await _invoiced(desk)
    await _deliver(api, rail.pay(invoice_id))
    (payment,) = await _payments(desk, invoice_id)
    disputed = rail.dispute(payment["paymentId"])
    await _deliver(api, disputed + disputed)  # Stripe delivers at least once
    with psycopg.connect(api.database_url) as conn:
        rows = conn.execute(
            "SELECT data FROM outbox_events WHERE type = 'payment.disputed'"
        ).fetchall()
    assert len(rows) == 1
    data = rows[0][0]
    assert data["payment"]["bookingId"] == booking_id
    assert data["dispute"]["amount"] == {"amount": rail.deposit, "currency": "USD"}
    # The disputes' follower opens the booking's dispute, on the customer's behalf.
    assert await api.bundles.disputes.open_chargeback_disputes() == 1
    with psycopg.connect(api.database_url) as conn:
        opened = conn.execute(
            "SELECT opened_by_role, status FROM disputes WHERE booking_id = %s", (booking_id,)
        ).fetchall()
    assert opened == [("customer", "open")]
    assert (await _booking(desk, booking_id))["status"] == "confirmed"  # not closed: stays


async def _read(desk: Desk, invoice_id: str) -> dict[str, Any]:
    read = await desk.api.client.get(
        f"/api/v1/payments/{invoice_id}", headers=desk.auth(desk.customer)
    )
    assert read.status_code == 200, read.text
    return dict(read.json())


def _our_id(api: Api, provider_invoice_id: str) -> InvoiceId:
    with psycopg.connect(api.database_url) as conn:
        row = conn.execute(
            "SELECT id FROM payment_invoices WHERE provider_invoice_id = %s",
            (provider_invoice_id,),
        ).fetchone()
    assert row is not None
    return InvoiceId(row[0])


async def _refunds(desk: Desk, invoice_id: str) -> list[dict[str, Any]]:
    return list((await _read(desk, invoice_id))["refunds"])


async def test_the_daily_reconciliation_finds_a_payment_we_never_heard_of_until_we_do(
    make_api: ApiFactory, on: tuple[Rail, FollowedClock]
) -> None:
    """Two deposits paid at the gateway, the word of one lost: the next day's run finds the
    gateway took money we never recorded (audited for admins); once its word arrives, the
    next run finds the day agrees."""
    api, desk, rail = await _open(make_api, on)
    _, first_invoice = await _invoiced(desk)
    other = await desk.customer_named("Bea")
    second = await desk.booked("2026-03-05T12:00:00Z", other)
    made = await _invoice(desk, second, other)
    assert made.status_code == 201, made.text
    await _deliver(api, rail.pay(first_invoice))
    lost = rail.pay(made.json()["invoiceId"])  # paid; its word not delivered yet
    api.clock.advance(timedelta(days=1))
    admin = desk.auth((await api.login(desk.admin["user"]["email"])).json())
    assert await api.bundles.payments.reconcile_payments() >= 1
    found = await api.client.get("/api/v1/admin/reconciliations?differing=true", headers=admin)
    assert found.status_code == 200, found.text
    (day,) = [r for r in found.json()["items"] if r["gateway"] == rail.name]
    assert (day["agrees"], day["recorded"], day["reported"]) == (False, 1, 2)
    (difference,) = day["differences"]
    assert (difference["kind"], difference["ourAmount"], difference["theirAmount"]) == (
        "missing_here", None, rail.deposit,
    )  # fmt: skip
    with psycopg.connect(api.database_url) as conn:
        audited = conn.execute(
            "SELECT count(*) FROM audit_log WHERE action = 'payment.reconciliation_differs'"
        ).fetchone()
    assert audited is not None and audited[0] >= 1

    await _deliver(api, lost)  # the word arrives late: the payment is recorded
    await api.bundles.payments.reconcile_payments()
    listed = await api.client.get("/api/v1/admin/reconciliations", headers=admin)
    (again,) = [
        r for r in listed.json()["items"] if r["gateway"] == rail.name and r["day"] == day["day"]
    ]
    assert (again["agrees"], again["differences"]) == (True, [])
    signed_in = (await api.login(desk.customer["user"]["email"])).json()
    refused = await api.client.get("/api/v1/admin/reconciliations", headers=desk.auth(signed_in))
    assert refused.status_code == 403
