"""Refunds over HTTP: what a cancellation owes back is paid back through the gateway (card)
or listed for admins to settle by hand (bank-app payments), and the booking's books move
once, when the money went back."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import pytest

from booking_domain.payments import RefundId, RefundStatus
from tests.api.booking_helpers import Desk, open_desk
from tests.api.conftest import Api
from tests.api.payments.test_deposits_api import DEPOSIT_SERVICE, _booking, _invoice

pytestmark = pytest.mark.anyio
SETTLEMENTS = "/api/v1/admin/settlements"


async def _paid_booking(desk: Desk, method: str) -> tuple[str, str]:
    booking_id = await desk.booked()
    invoice_id = (await _invoice(desk, booking_id)).json()["invoiceId"]
    paid = await desk.api.client.post(f"/api/v1/sandbox/invoices/{invoice_id}/pay?method={method}")
    assert paid.status_code == 200, paid.text
    return booking_id, invoice_id


async def _cancel(desk: Desk, booking_id: str, session: dict[str, Any]) -> None:
    cancelled = await desk.patch(booking_id, session, status="cancelled", reason="sick")
    assert cancelled.status_code == 200, cancelled.text
    assert cancelled.json()["refundDue"] == 30_000


async def _refunds(desk: Desk, invoice_id: str) -> list[dict[str, Any]]:
    read = await desk.api.client.get(
        f"/api/v1/payments/{invoice_id}", headers=desk.auth(desk.customer)
    )
    assert read.status_code == 200, read.text
    return list(read.json()["refunds"])


async def test_a_card_deposit_goes_back_through_the_gateway(api: Api) -> None:
    desk = await open_desk(api, service=DEPOSIT_SERVICE)
    booking_id, invoice_id = await _paid_booking(desk, "card")
    await _cancel(desk, booking_id, desk.artist.session)  # the artist cancels: all back
    assert await api.bundles.payments.plan_refunds() == 1
    assert await api.bundles.payments.plan_refunds() == 0  # planned once
    (refund,) = await _refunds(desk, invoice_id)
    assert (refund["status"], refund["amount"]) == ("pending", 30_000)

    await api.bundles.payments.pay_refund(RefundId(UUID(refund["id"])))
    await api.bundles.payments.pay_refund(RefundId(UUID(refund["id"])))  # a job that ran twice
    (refund,) = await _refunds(desk, invoice_id)
    assert refund["status"] == "refunded"
    booking = await _booking(desk, booking_id)
    assert (booking["paymentStatus"], booking["amountRefunded"], booking["refundDue"]) == (
        "refunded",
        30_000,
        0,
    )


async def test_a_bank_app_deposit_awaits_an_admin_who_settles_it_once(api: Api) -> None:
    desk = await open_desk(api, service=DEPOSIT_SERVICE)
    booking_id, invoice_id = await _paid_booking(desk, "p2p")
    await _cancel(desk, booking_id, desk.customer)  # three days ahead: in time, all back
    await api.bundles.payments.plan_refunds()
    admin = desk.auth(desk.admin)
    listed = await api.client.get(SETTLEMENTS, headers=admin)
    assert listed.status_code == 200, listed.text
    (item,) = [r for r in listed.json()["items"] if r["bookingId"] == booking_id]
    assert (item["status"], item["amount"], item["method"]) == ("manual", 30_000, "p2p")
    for stranger in (desk.customer, desk.artist.session):
        assert (await api.client.get(SETTLEMENTS, headers=desk.auth(stranger))).status_code == 403
    settle = f"{SETTLEMENTS}/{item['id']}/settle"
    assert (await api.client.post(settle, json={"note": ""}, headers=admin)).status_code == 422
    done = await api.client.post(settle, json={"note": "Khan bank transfer 7781"}, headers=admin)
    assert (done.status_code, done.json()["status"]) == (200, "settled")
    again = await api.client.post(settle, json={"note": "twice"}, headers=admin)
    assert (again.status_code, again.json()["code"]) == (409, "invalid_transition")
    booking = await _booking(desk, booking_id)
    assert (booking["paymentStatus"], booking["amountRefunded"], booking["refundDue"]) == (
        "refunded",
        30_000,
        0,
    )
    (settled,) = await _refunds(desk, invoice_id)
    assert (settled["status"], settled["settlementNote"]) == (
        "settled",
        None,
    )  # the customer's view
    as_admin = await api.client.get(f"/api/v1/payments/{invoice_id}", headers=admin)
    assert as_admin.json()["refunds"][0]["settlementNote"] == "Khan bank transfer 7781"


async def test_a_refund_whose_answer_was_lost_is_recorded_not_sent_again(api: Api) -> None:
    desk = await open_desk(api, service=DEPOSIT_SERVICE)
    booking_id, invoice_id = await _paid_booking(desk, "card")
    await _cancel(desk, booking_id, desk.artist.session)
    assert api.sandbox is not None
    await api.bundles.payments.plan_refunds()
    (refund,) = await _refunds(desk, invoice_id)
    # QPay refunded it, but the answer never reached us (a timeout, a killed worker).
    await api.sandbox.refund_payment(refund["paymentId"], "the first attempt")
    paid = await api.bundles.payments.pay_refund(RefundId(UUID(refund["id"])))
    assert paid is RefundStatus.REFUNDED
    booking = await _booking(desk, booking_id)
    assert (booking["paymentStatus"], booking["refundDue"]) == ("refunded", 0)
    listed = await api.client.get(SETTLEMENTS, headers=desk.auth(desk.admin))
    assert all(r["bookingId"] != booking_id for r in listed.json()["items"])


async def test_cancelling_a_pending_booking_withdraws_its_invoice(api: Api) -> None:
    desk = await open_desk(api, service=DEPOSIT_SERVICE)
    booking_id = await desk.booked()
    invoice_id = (await _invoice(desk, booking_id)).json()["invoiceId"]
    cancelled = await desk.patch(booking_id, desk.customer, status="cancelled", reason="no")
    assert cancelled.status_code == 200
    assert await api.bundles.payments.withdraw_lapsed_invoices() == 1
    read = await api.client.get(f"/api/v1/payments/{invoice_id}", headers=desk.auth(desk.customer))
    assert read.json()["status"] == "cancelled"
