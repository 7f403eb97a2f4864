"""``GET /admin/bookings`` on real PostgreSQL: every booking, newest start first, filtered by
status, payment status, appointment range, artist and customer; page edges; admins only;
unknown filter values are 422."""

from __future__ import annotations

from typing import Any

import pytest

from tests.api.booking_helpers import open_desk
from tests.api.conftest import Api
from tests.api.payments.test_deposits_api import DEPOSIT_SERVICE, _invoice

pytestmark = pytest.mark.anyio
ADMIN_BOOKINGS = "/api/v1/admin/bookings"
THURSDAY, FRIDAY, MONDAY = "2026-03-05T10:00:00Z", "2026-03-06T10:00:00Z", "2026-03-09T10:00:00Z"


async def test_filters_and_pages(api: Api) -> None:
    one = await open_desk(api, service=DEPOSIT_SERVICE)
    two = await open_desk(api, admin=one.admin)
    paid = await one.booked(THURSDAY)
    invoice = (await _invoice(one, paid)).json()["invoiceId"]
    assert (await api.client.post(f"/api/v1/sandbox/invoices/{invoice}/pay")).status_code == 200
    held = await one.booked(FRIDAY)
    other = await two.booked(MONDAY, await two.customer_named("Bold"))
    admin = one.auth(one.admin)

    async def ids(**params: Any) -> list[str]:
        found = await api.client.get(ADMIN_BOOKINGS, params=params, headers=admin)
        assert found.status_code == 200, found.text
        return [b["id"] for b in found.json()["items"]]

    assert await ids() == [other, held, paid]  # newest start first
    assert await ids(status="pending") == [held]
    assert await ids(paymentStatus="paid") == [paid]
    assert await ids(status=["pending", "confirmed"], paymentStatus=["unpaid"]) == [other, held]
    assert await ids(artistId=one.artist.id) == [held, paid]
    assert await ids(customerId=one.customer["user"]["id"]) == [held, paid]
    assert await ids(**{"from": FRIDAY, "to": MONDAY}) == [held]
    assert await ids(pageSize=2, page=2) == [paid]  # the last page
    assert await ids(pageSize=2, page=3) == []  # beyond the end
    assert await ids(artistId="018f0000-0000-7000-8000-000000000000") == []  # empty
    for bad in ({"status": "lost"}, {"paymentStatus": "free"}, {"from": "2026-03-05T10:00:00"},
                {"artistId": "nope"}, {"pageSize": 0}):  # fmt: skip
        refused = await api.client.get(ADMIN_BOOKINGS, params=bad, headers=admin)
        assert refused.status_code == 422, (bad, refused.text)
    for who, status in ((one.customer, 403), (one.artist.session, 403), (None, 401)):
        headers = one.auth(who) if who else {}
        assert (await api.client.get(ADMIN_BOOKINGS, headers=headers)).status_code == status


async def test_every_booking_carries_its_customers_and_services_names(api: Api) -> None:
    """As the artist's and the customer's lists do, read in the list's own query: an admin
    resolving a dispute sees whom and what, not only ids."""
    one = await open_desk(api)
    bold = await one.customer_named("Bold")
    ada = await one.booked(THURSDAY)
    bolds = await one.booked(FRIDAY, bold)
    found = await api.client.get(ADMIN_BOOKINGS, headers=one.auth(one.admin))
    assert found.status_code == 200, found.text
    named = [(b["id"], b.get("customerName"), b.get("serviceName")) for b in found.json()["items"]]
    assert named == [(bolds, "Bold", "Small tattoo"), (ada, "Ada", "Small tattoo")]
