"""``GET /admin/transactions`` on real PostgreSQL: deposits and refunds in one ledger, newest
first, by kind, status, date range, booking and awaiting manual settlement; page edges;
admins only; unknown values and statuses of another kind are 422."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from tests.api.booking_helpers import open_desk
from tests.api.conftest import Api
from tests.api.payments.test_deposits_api import DEPOSIT_SERVICE
from tests.api.payments.test_refunds_api import _cancel, _paid_booking

pytestmark = pytest.mark.anyio
LEDGER = "/api/v1/admin/transactions"


async def test_the_ledger_lists_deposits_and_refunds_with_filters(api: Api) -> None:
    desk = await open_desk(api, service=DEPOSIT_SERVICE)
    booking_id, _ = await _paid_booking(desk, "p2p")
    await _cancel(desk, booking_id, desk.customer)  # in time: the whole deposit back
    api.clock.advance(timedelta(minutes=1))  # the refund is made after the deposit
    await api.bundles.payments.plan_refunds()  # a bank-app payment: awaits manual settlement
    admin = desk.auth(desk.admin)

    async def listed(**params: Any) -> list[tuple[str, str]]:
        found = await api.client.get(LEDGER, params={"bookingId": booking_id} | params,
                                     headers=admin)  # fmt: skip
        assert found.status_code == 200, found.text
        return [(t["kind"], t["status"]) for t in found.json()["items"]]

    assert await listed() == [("refund", "manual"), ("deposit", "paid")]  # newest first
    found = (await api.client.get(LEDGER, params={"bookingId": booking_id}, headers=admin)).json()
    refund, deposit = found["items"]
    assert (deposit["amount"], deposit["currency"], deposit["settledAt"] is not None) == (
        30_000, "MNT", True)  # fmt: skip
    assert (refund["amount"], refund["method"], refund["settledAt"]) == (30_000, "p2p", None)
    assert found["total"] == 2
    assert await listed(kind="deposit") == [("deposit", "paid")]
    assert await listed(status=["manual", "paid"]) == [("refund", "manual"), ("deposit", "paid")]
    assert await listed(awaitingSettlement="true") == [("refund", "manual")]
    assert await listed(awaitingSettlement="false") == [("deposit", "paid")]
    assert await listed(kind="refund", status="pending") == []
    assert await listed(**{"from": "2000-01-01T00:00:00Z", "to": "2000-01-02T00:00:00Z"}) == []
    assert await listed(pageSize=1, page=2) == [("deposit", "paid")]  # the last page
    assert await listed(pageSize=1, page=3) == []  # beyond the end

    for bad in ({"kind": "payout"}, {"status": "lost"}, {"kind": "deposit", "status": "manual"},
                {"from": "2026-03-05T10:00:00"}, {"from": "2026-03-06T00:00:00Z",
                 "to": "2026-03-05T00:00:00Z"}, {"awaitingSettlement": "maybe"},
                {"bookingId": "nope"}, {"pageSize": 101}):  # fmt: skip
        refused = await api.client.get(LEDGER, params=bad, headers=admin)
        assert refused.status_code == 422, (bad, refused.text)
    for who, status in ((desk.customer, 403), (desk.artist.session, 403), (None, 401)):
        headers = desk.auth(who) if who else {}
        assert (await api.client.get(LEDGER, headers=headers)).status_code == status
