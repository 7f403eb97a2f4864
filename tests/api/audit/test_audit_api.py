"""``GET /admin/audit`` on real PostgreSQL: admin acts, booking changes and payment events
land in the trail in their own transaction, with the request that did them; the list filters
by actor, action (or kind), target, request and dates, and pages by keyset."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from tests.api.booking_helpers import open_desk
from tests.api.conftest import Api
from tests.api.payments.test_deposits_api import DEPOSIT_SERVICE, _invoice

pytestmark = pytest.mark.anyio
AUDIT = "/api/v1/admin/audit"


async def test_acts_are_audited_with_their_request_and_listed_by_keyset(api: Api) -> None:
    desk = await open_desk(api, service=DEPOSIT_SERVICE)
    admin = desk.auth(desk.admin)
    admin_id = desk.admin["user"]["id"]

    async def trail(**params: Any) -> dict[str, Any]:
        found = await api.client.get(AUDIT, params=params, headers=admin)
        assert found.status_code == 200, found.text
        return dict(found.json())

    # A booking, paid through the sandbox: the booking's changes and the payment's events.
    booking_id = await desk.booked()
    invoice_id = (await _invoice(desk, booking_id)).json()["invoiceId"]
    paid = await api.client.post(f"/api/v1/sandbox/invoices/{invoice_id}/pay?method=card")
    assert paid.status_code == 200, paid.text
    # (The test clock stands still: entries of one millisecond come in any order.)
    booking = {e["action"]: e for e in (await trail(target=f"booking/{booking_id}"))["items"]}
    assert {"booking.requested", "booking.invoiced", "booking.confirmed"} <= set(booking)
    customer_id = desk.customer["user"]["id"]
    requested = booking["booking.requested"]
    assert requested["actorId"] == customer_id and requested["requestId"]
    assert booking["booking.confirmed"]["actorId"] is None  # the provider's payment did it
    deposits = [e["action"] for e in (await trail(action="deposit."))["items"]]
    assert {"deposit.reserved", "deposit.opened", "deposit.paid"} <= set(deposits)
    assert (await trail(action="payment.received"))["items"][0]["after"]["method"] == "card"

    # An admin suspends the artist, in one request: the suspension and the cancellation.
    suspended = await api.client.post(
        f"/api/v1/admin/artists/{desk.artist.id}/suspend",
        headers=admin | {"X-Request-ID": "ops-suspend-1"},
    )
    assert suspended.status_code == 200, suspended.text
    acts = (await trail(requestId="ops-suspend-1"))["items"]
    assert sorted(e["action"] for e in acts) == ["artist.suspended", "booking.cancelled"]
    assert all(e["actorId"] == admin_id and e["actorRole"] == "admin" for e in acts)
    artist = next(e for e in acts if e["action"] == "artist.suspended")
    assert (artist["before"]["suspended"], artist["after"]["suspended"]) == (False, True)

    # An account locked: the lock in the trail, by the admin.
    until = (api.clock.now() + timedelta(days=1)).isoformat()
    locked = await api.client.post(f"/api/v1/admin/users/{customer_id}/lock",
                                   json={"until": until}, headers=admin)  # fmt: skip
    assert locked.status_code == 200, locked.text
    (lock,) = (await trail(target=f"user/{customer_id}"))["items"]
    assert (lock["action"], lock["actorId"], lock["before"]["lockedUntil"]) == (
        "account.locked", admin_id, None)  # fmt: skip

    # Keyset pages: newest first, each page's `next` reads on, the last says None.
    everything = await trail(actorId=admin_id, limit=100)
    pages, before = [], None
    while True:
        page = await trail(actorId=admin_id, limit=2, **({"before": before} if before else {}))
        pages += page["items"]
        if page["next"] is None:
            break
        before = page["next"]
    assert pages == everything["items"] and len(pages) >= 3
    ids = [e["id"] for e in pages]
    assert ids == sorted(ids, reverse=True)
    assert (await trail(**{"from": "2000-01-01T00:00:00Z", "to": "2000-01-02T00:00:00Z"}))[
        "items"] == []  # fmt: skip

    for bad in ({"action": "booking"}, {"action": "Booking.x"}, {"target": "booking"},
                {"requestId": "a b"}, {"actorId": "nope"}, {"limit": 0}, {"limit": 101},
                {"from": "2026-03-05T10:00:00"}, {"before": "x"},
                {"from": "2026-03-06T00:00:00Z", "to": "2026-03-05T00:00:00Z"}):  # fmt: skip
        refused = await api.client.get(AUDIT, params=bad, headers=admin)
        assert refused.status_code == 422, (bad, refused.text)
