"""``GET /api/v1/bookings/{id}/messages``: what the platform sent about a booking, on real
PostgreSQL after a real sending round: every message to its artist and admins, the
customer's own to the customer, not found to anyone else; never the message's text, and
each address masked."""

from __future__ import annotations

from uuid import uuid4

import pytest

from tests.api.booking_helpers import BOOKINGS, open_desk
from tests.api.conftest import Api, ApiFactory
from tests.api.notifications.delivery import deliver, prove_phone

pytestmark = pytest.mark.anyio
FIELDS = {
    "id", "kind", "channel", "recipient", "status", "at", "reason", "delivery", "address",
}  # fmt: skip


@pytest.fixture
async def api(make_api: ApiFactory) -> Api:
    return await make_api()


async def test_a_bookings_messages_are_its_peoples_to_see_masked(api: Api) -> None:
    desk = await open_desk(api)
    await prove_phone(api, desk.customer["user"]["id"], "+97688112233")
    booking_id = await desk.booked()
    await deliver(api)
    path = f"{BOOKINGS}/{booking_id}/messages"
    seen = await api.client.get(path, headers=desk.auth(desk.artist.session))
    assert seen.status_code == 200, seen.text
    items = seen.json()["items"]
    assert items and all(set(m) == FIELDS for m in items)
    assert {m["recipient"] for m in items} == {"customer", "artist"}
    assert "booking.confirmed" in {m["kind"] for m in items}
    email = desk.customer["user"]["email"]
    to_customer = [m for m in items if m["recipient"] == "customer"]
    by_channel = {m["channel"]: m for m in to_customer if m["kind"] == "booking.confirmed"}
    assert by_channel["email"]["address"] == f"{email[0]}***@example.com"
    assert by_channel["sms"]["address"] == "+976 ** ** 33"
    assert by_channel["in_app"]["address"] is None
    assert by_channel["email"]["status"] == "sent"
    assert email not in seen.text and "88112233" not in seen.text
    admin = await api.client.get(path, headers=desk.auth(desk.admin))
    assert [m["id"] for m in admin.json()["items"]] == [m["id"] for m in items]
    own = await api.client.get(path, headers=desk.auth(desk.customer))
    assert [m["id"] for m in own.json()["items"]] == [m["id"] for m in to_customer]


async def test_strangers_unknown_bookings_and_nobody_learn_nothing(api: Api) -> None:
    desk = await open_desk(api)
    booking_id = await desk.booked()
    await deliver(api)
    stranger = await desk.customer_named("Stranger")
    other = await open_desk(api, admin=desk.admin)
    for session in (stranger, other.artist.session):
        refused = await api.client.get(
            f"{BOOKINGS}/{booking_id}/messages", headers=desk.auth(session)
        )
        assert refused.status_code == 404 and refused.json()["code"] == "booking_not_found"
    unknown = await api.client.get(
        f"{BOOKINGS}/{uuid4()}/messages", headers=desk.auth(desk.artist.session)
    )
    assert unknown.status_code == 404
    assert (await api.client.get(f"{BOOKINGS}/{booking_id}/messages")).status_code == 401
    malformed = await api.client.get(
        f"{BOOKINGS}/not-a-uuid/messages", headers=desk.auth(desk.artist.session)
    )
    assert malformed.status_code in (400, 404)
