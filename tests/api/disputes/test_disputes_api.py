"""Disputes over HTTP on real PostgreSQL: a party of a closed booking opens one, both sides
bring words and pictures, an admin resolves it once, and the refund it grants goes back the
way every refund does (through the sandbox gateway for a whole card payment, else listed
for manual settlement); strangers see nothing, admin routes are admins' only."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from uuid import UUID

import pytest

from booking_domain.payments import RefundId
from tests.api.booking_helpers import SLOT, Desk, open_desk
from tests.api.conftest import Api
from tests.api.media.uploads import finished_upload, local_path
from tests.api.payments.test_deposits_api import DEPOSIT_SERVICE, _booking, _events, _invoice

pytestmark = pytest.mark.anyio
DISPUTES = "/api/v1/disputes"
ADMIN_DISPUTES = "/api/v1/admin/disputes"
DEPOSIT = 30_000  # 20 % of 150,000


async def _fresh(api: Api, session: dict[str, Any]) -> dict[str, Any]:
    """Signed in again (the clock moved past the access token)."""
    session.update((await api.login(session["user"]["email"])).json())
    return session


async def paid(desk: Desk, method: str = "card", start: str = SLOT) -> tuple[str, str]:
    """A booking whose deposit was paid (``method``), with the deposit's invoice id."""
    booking_id = await desk.booked(start)
    invoice_id = (await _invoice(desk, booking_id)).json()["invoiceId"]
    paid = await desk.api.client.post(f"/api/v1/sandbox/invoices/{invoice_id}/pay?method={method}")
    assert paid.status_code == 200, paid.text
    return booking_id, invoice_id


async def complete(desk: Desk, booking_id: str, start: str = SLOT) -> None:
    """The artist marks it done two hours after ``start`` (the clock goes there)."""
    desk.api.clock.set(datetime.fromisoformat(start) + timedelta(hours=2))
    for session in (desk.artist.session, desk.customer, desk.admin):
        await _fresh(desk.api, session)
    done = await desk.patch(booking_id, desk.artist.session, status="completed")
    assert done.status_code == 200, done.text


async def paid_and_completed(desk: Desk, method: str = "card") -> tuple[str, str]:
    booking_id, invoice_id = await paid(desk, method)
    await complete(desk, booking_id)
    return booking_id, invoice_id


async def _open(desk: Desk, booking_id: str, session: dict[str, Any], **extra: Any) -> Any:
    body = {"bookingId": booking_id, "reason": "The linework is not what we agreed", **extra}
    return await desk.api.client.post(DISPUTES, json=body, headers=desk.auth(session))


async def _resolve(desk: Desk, dispute_id: str, refund: int, status: str = "cancelled") -> Any:
    body = {"resolution": "Partly redone", "refundAmount": refund, "bookingStatus": status}
    return await desk.api.client.patch(
        f"{ADMIN_DISPUTES}/{dispute_id}", json=body, headers=desk.auth(desk.admin)
    )


async def test_a_dispute_from_opening_through_evidence_to_a_full_refund(api: Api) -> None:
    desk = await open_desk(api, service=DEPOSIT_SERVICE)
    booking_id, invoice_id = await paid_and_completed(desk)
    opened = await _open(desk, booking_id, desk.customer)
    assert opened.status_code == 201, opened.text
    dispute = opened.json()
    assert (dispute["status"], dispute["openedByRole"]) == ("open", "customer")
    assert (await _booking(desk, booking_id))["status"] == "disputed"
    again = await _open(desk, booking_id, desk.artist.session)
    assert (again.status_code, again.json()["code"]) == (409, "dispute_exists")

    picture = await finished_upload(api, desk.auth(desk.customer), purpose="evidence")
    said = await api.client.post(
        f"{DISPUTES}/{dispute['id']}/messages",
        json={"text": "Blurred lines, see the photo", "uploadId": picture["id"]},
        headers=desk.auth(desk.customer),
    )
    assert said.status_code == 201, said.text
    (image,) = [i for i in said.json()["images"] if i["name"] == "small"]
    assert (await api.client.get(local_path(image["url"]))).status_code == 200
    api.clock.advance(timedelta(minutes=1))
    answered = await api.client.post(
        f"{DISPUTES}/{dispute['id']}/messages",
        json={"text": "It is still healing"},
        headers=desk.auth(desk.artist.session),
    )
    assert answered.status_code == 201, answered.text
    stranger = await desk.customer_named("Eve")
    for who, status in ((stranger, 404), (desk.artist.session, 200), (desk.admin, 200)):
        seen = await api.client.get(f"{DISPUTES}/{dispute['id']}", headers=desk.auth(who))
        assert seen.status_code == status, seen.text
    detail = seen.json()
    assert [e["authorRole"] for e in detail["evidence"]] == ["customer", "artist"]
    assert detail["refundable"] == {"amount": DEPOSIT, "currency": "MNT"}

    too_much = await _resolve(desk, dispute["id"], DEPOSIT + 1)
    assert (too_much.status_code, too_much.json()["code"]) == (422, "refund_out_of_range")
    settled = await _resolve(desk, dispute["id"], DEPOSIT)
    assert settled.status_code == 200, settled.text
    assert settled.json()["refund"] == {"amount": DEPOSIT, "currency": "MNT"}
    twice = await _resolve(desk, dispute["id"], 0, "completed")
    assert (twice.status_code, twice.json()["code"]) == (409, "dispute_resolved")
    late = await api.client.post(
        f"{DISPUTES}/{dispute['id']}/messages", json={"text": "And"},
        headers=desk.auth(desk.customer),
    )  # fmt: skip
    assert (late.status_code, late.json()["code"]) == (409, "dispute_resolved")

    booking = await _booking(desk, booking_id)
    assert (booking["status"], booking["refundDue"]) == ("cancelled", DEPOSIT)
    assert await api.bundles.payments.plan_refunds() == 1
    (refund,) = await _refunds_of(desk, invoice_id)
    assert (refund["status"], refund["amount"]) == ("pending", DEPOSIT)  # to the gateway
    await api.bundles.payments.pay_refund(RefundId(UUID(refund["id"])))
    booking = await _booking(desk, booking_id)
    assert (booking["paymentStatus"], booking["amountRefunded"], booking["refundDue"]) == (
        "refunded", DEPOSIT, 0,
    )  # fmt: skip


async def _refunds_of(desk: Desk, invoice_id: str) -> list[Any]:
    read = await desk.api.client.get(
        f"/api/v1/payments/{invoice_id}", headers=desk.auth(desk.customer)
    )
    assert read.status_code == 200, read.text
    return list(read.json()["refunds"])


@pytest.mark.parametrize(
    ("method", "refund", "planned"),
    [
        ("card", DEPOSIT // 2, ("manual", DEPOSIT // 2)),  # QPay refunds whole payments only
        ("p2p", DEPOSIT, ("manual", DEPOSIT)),  # a bank-app payment: QPay cannot refund it
        ("card", 0, None),  # nothing back: nothing planned
    ],
)
async def test_a_refund_the_gateway_cannot_make_awaits_manual_settlement(
    api: Api, method: str, refund: int, planned: tuple[str, int] | None
) -> None:
    desk = await open_desk(api, service=DEPOSIT_SERVICE)
    booking_id, invoice_id = await paid_and_completed(desk, method)
    dispute = (await _open(desk, booking_id, desk.artist.session)).json()
    assert dispute["openedByRole"] == "artist"
    settled = await _resolve(desk, dispute["id"], refund, "completed")
    assert settled.status_code == 200, settled.text
    assert await api.bundles.payments.plan_refunds() == (0 if planned is None else 1)
    found = [(r["status"], r["amount"]) for r in await _refunds_of(desk, invoice_id)]
    assert found == ([] if planned is None else [planned])
    booking = await _booking(desk, booking_id)
    assert (booking["status"], booking["refundDue"]) == ("completed", refund)
    events = await _events(desk, booking_id)
    assert events[-2:] == ["disputed", "dispute_resolved"]


async def test_admins_open_for_a_party_and_nobody_else_reaches_admin_routes(api: Api) -> None:
    desk = await open_desk(api, service=DEPOSIT_SERVICE)
    booking_id, _ = await paid_and_completed(desk)
    for who, extra, expected in (
        (desk.admin, {}, (422, "invalid_input")),  # an admin names the party
        (desk.customer, {"onBehalfOf": "artist"}, (403, "permission_denied")),
        (desk.admin, {"onBehalfOf": "admin"}, (422, None)),
    ):
        refused = await _open(desk, booking_id, who, **extra)
        assert refused.status_code == expected[0], refused.text
        assert expected[1] is None or refused.json()["code"] == expected[1]
    opened = await _open(desk, booking_id, desk.admin, onBehalfOf="customer")
    assert opened.status_code == 201, opened.text
    dispute = opened.json()
    assert (dispute["openedBy"], dispute["openedByRole"]) == (
        desk.customer["user"]["id"], "customer",
    )  # fmt: skip
    events = (await desk.get(f"/{booking_id}/events", desk.admin)).json()["items"]
    assert (events[-1]["kind"], events[-1]["actorId"], events[-1]["actorRole"]) == (
        "disputed",
        desk.admin["user"]["id"],
        "admin",
    )  # fmt: skip  (the trail names who acted)

    listing, one = ADMIN_DISPUTES, f"{ADMIN_DISPUTES}/{dispute['id']}"
    body = {"resolution": "No", "refundAmount": 0, "bookingStatus": "completed"}
    for caller, status in ((desk.customer, 403), (desk.artist.session, 403), (None, 401)):
        headers = desk.auth(caller) if caller else {}
        assert (await api.client.get(listing, headers=headers)).status_code == status
        assert (await api.client.patch(one, json=body, headers=headers)).status_code == status
    assert (await api.client.post(DISPUTES, json={})).status_code == 401
    assert (await api.client.get(f"{DISPUTES}/{dispute['id']}")).status_code == 401


async def test_the_admins_list_filters_validates_and_pages(api: Api) -> None:
    desk = await open_desk(api, service=DEPOSIT_SERVICE)
    friday = "2026-03-06T10:00:00Z"
    first, _ = await paid(desk)
    second, _ = await paid(desk, start=friday)
    await complete(desk, first)
    a = (await _open(desk, first, desk.customer)).json()
    await complete(desk, second, friday)
    b = (await _open(desk, second, desk.customer)).json()
    await _resolve(desk, a["id"], 0, "completed")
    admin = desk.auth(desk.admin)

    async def ids(**params: Any) -> list[str]:
        listed = await api.client.get(ADMIN_DISPUTES, params=params, headers=admin)
        assert listed.status_code == 200, listed.text
        return [d["id"] for d in listed.json()["items"]]

    assert await ids() == [b["id"], a["id"]]
    assert await ids(status="open") == [b["id"]]
    assert await ids(status="resolved") == [a["id"]]
    assert await ids(pageSize=1, page=2) == [a["id"]]
    assert await ids(pageSize=1, page=3) == []  # beyond the end: an empty page
    assert await ids(to=b["openedAt"]) == [a["id"]]
    assert await ids(**{"from": b["openedAt"]}) == [b["id"]]
    for bad in ({"status": "closed"}, {"from": "2026-03-05T10:00:00"}, {"page": 0}):
        refused = await api.client.get(ADMIN_DISPUTES, params=bad, headers=admin)
        assert refused.status_code == 422, (bad, refused.text)


async def test_the_window_closes_fourteen_days_after_the_booking_closed(api: Api) -> None:
    desk = await open_desk(api, service=DEPOSIT_SERVICE)
    booking_id, _ = await paid_and_completed(desk)
    api.clock.advance(timedelta(days=14, minutes=1))
    late = await _open(desk, booking_id, await _fresh(api, desk.customer))
    assert (late.status_code, late.json()["code"]) == (422, "dispute_window_closed")
    assert (await _booking(desk, booking_id))["status"] == "completed"
