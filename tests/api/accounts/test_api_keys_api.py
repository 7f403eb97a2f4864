"""API keys over HTTP (docs/api.md, "API keys"): made by an artist or an admin with scopes and
an expiry, the secret shown once; a key acts as its owner within its scopes (a read key
cannot book: 403), is refused from the request after its revocation and from its expiry on,
never makes keys itself, is counted per key (429), and its making and revoking are audited."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from tests.api.booking_helpers import BOOKINGS, SLOT, Desk, open_desk
from tests.api.conftest import Api, ApiFactory

pytestmark = [pytest.mark.anyio, pytest.mark.postgres]

KEYS = "/api/v1/me/api-keys"
IN_A_MONTH = "2026-04-02T10:00:00Z"  # the clock starts 2026-03-02 10:00 UTC


async def make_key(
    api: Api, session: dict[str, Any], *scopes: str, expires_at: str = IN_A_MONTH
) -> dict[str, Any]:
    response = await api.client.post(
        KEYS,
        json={"name": "Studio CRM", "scopes": list(scopes), "expiresAt": expires_at},
        headers=api.bearer(session),
    )
    assert response.status_code == 201, response.text
    made: dict[str, Any] = response.json()
    return made


def with_key(made: dict[str, Any]) -> dict[str, str]:
    return {"Authorization": f"Bearer {made['secret']}"}


def client_booking(desk: Desk) -> dict[str, Any]:
    return {
        "artistId": desk.artist.id,
        "serviceId": desk.artist.service["id"],
        "start": SLOT,
        "client": {"name": "Bat", "phone": "+97688112233"},
    }


async def test_a_key_is_shown_once_and_listed_without_its_secret(api: Api) -> None:
    desk = await open_desk(api)
    made = await make_key(api, desk.artist.session, "bookings:read")
    assert made["secret"].startswith("isk_") and len(made["secret"]) == 47
    assert made["key"]["prefix"] == made["secret"][:12]
    assert made["key"]["status"] == "live" and made["key"]["scopes"] == ["bookings:read"]
    listed = await api.client.get(KEYS, headers=api.bearer(desk.artist.session))
    assert listed.status_code == 200
    assert [k["id"] for k in listed.json()["items"]] == [made["key"]["id"]]
    assert made["secret"] not in listed.text
    assert listed.json()["items"][0]["lastUsedAt"] is None


async def test_a_read_key_reads_bookings_but_cannot_book(api: Api) -> None:
    desk = await open_desk(api)
    booking_id = await desk.booked()
    read = with_key(await make_key(api, desk.artist.session, "bookings:read"))
    seen = await api.client.get(f"{BOOKINGS}/{booking_id}", headers=read)
    assert seen.status_code == 200, seen.text
    listed = await api.client.get(BOOKINGS, headers=read)
    assert [b["id"] for b in listed.json()["items"]] == [booking_id]
    refused = await api.client.post(BOOKINGS, json=client_booking(desk), headers=read)
    assert refused.status_code == 403
    assert refused.json()["code"] == "api_key_scope_missing"
    assert "bookings:manage" in refused.json()["detail"]
    after = await api.client.get(BOOKINGS, headers=api.bearer(desk.artist.session))
    assert len(after.json()["items"]) == 1  # nothing was made


async def test_a_manage_key_books_as_its_artist(api: Api) -> None:
    desk = await open_desk(api)
    manage = with_key(await make_key(api, desk.artist.session, "bookings:manage"))
    made = await api.client.post(
        BOOKINGS, json=client_booking(desk), headers={**manage, "Idempotency-Key": "crm-1"}
    )
    assert made.status_code == 201, made.text
    again = await api.client.post(
        BOOKINGS, json=client_booking(desk), headers={**manage, "Idempotency-Key": "crm-1"}
    )
    assert again.status_code in (200, 201) and again.json()["id"] == made.json()["id"]
    read_back = await api.client.get(f"{BOOKINGS}/{made.json()['id']}", headers=manage)
    assert read_back.status_code == 200  # managing reads too


async def test_a_revoked_key_is_refused_from_the_next_request(api: Api) -> None:
    desk = await open_desk(api)
    made = await make_key(api, desk.artist.session, "bookings:read")
    assert (await api.client.get(BOOKINGS, headers=with_key(made))).status_code == 200
    revoked = await api.client.delete(
        f"{KEYS}/{made['key']['id']}", headers=api.bearer(desk.artist.session)
    )
    assert revoked.status_code == 204
    refused = await api.client.get(BOOKINGS, headers=with_key(made))
    assert refused.status_code == 401 and refused.json()["code"] == "invalid_token"
    listed = await api.client.get(KEYS, headers=api.bearer(desk.artist.session))
    assert listed.json()["items"][0]["status"] == "revoked"


async def test_an_expired_key_is_refused(api: Api) -> None:
    desk = await open_desk(api)
    made = await make_key(
        api, desk.artist.session, "bookings:read", expires_at="2026-03-02T12:00:00Z"
    )
    assert (await api.client.get(BOOKINGS, headers=with_key(made))).status_code == 200
    api.clock.advance(timedelta(hours=2))  # to the expiry itself: past it
    refused = await api.client.get(BOOKINGS, headers=with_key(made))
    assert refused.status_code == 401 and refused.json()["code"] == "invalid_token"
    signed_in = (await api.login(desk.artist.session["user"]["email"])).json()  # a fresh token
    listed = await api.client.get(KEYS, headers=api.bearer(signed_in))
    assert listed.json()["items"][0]["status"] == "expired"


async def test_a_made_up_or_malformed_key_is_refused_alike(api: Api) -> None:
    for token in ("isk_" + "A" * 43, "isk_short", "isk_\u0430" + "b" * 42):
        header = f"Bearer {token}".encode()  # a look-alike letter goes as its UTF-8 bytes
        refused = await api.client.get(BOOKINGS, headers={b"Authorization": header})
        assert refused.status_code == 401 and refused.json()["code"] == "invalid_token"


async def test_a_key_never_makes_keys_nor_touches_the_account(api: Api) -> None:
    desk = await open_desk(api)
    key = with_key(await make_key(api, desk.artist.session, *ALL_SCOPES))
    body = {"name": "Another", "scopes": ["bookings:read"], "expiresAt": IN_A_MONTH}
    for method, path, payload in (
        ("POST", KEYS, body), ("GET", KEYS, None), ("GET", "/api/v1/me/sessions", None),
        ("POST", "/api/v1/me/password", {"currentPassword": "x", "newPassword": "y"}),
    ):  # fmt: skip
        refused = await api.client.request(method, path, json=payload, headers=key)
        assert refused.status_code == 403, (path, refused.text)
        assert refused.json()["code"] == "api_key_not_accepted"


ALL_SCOPES = ("bookings:read", "bookings:manage", "availability:manage", "webhooks:manage")


async def test_customers_make_no_keys(api: Api) -> None:
    customer = await api.register("ada@example.com")
    response = await api.client.post(
        KEYS,
        json={"name": "Mine", "scopes": ["bookings:read"], "expiresAt": IN_A_MONTH},
        headers=api.bearer(customer),
    )
    assert response.status_code == 403 and response.json()["code"] == "api_keys_not_for_customers"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"name": "", "scopes": ["bookings:read"], "expiresAt": IN_A_MONTH}, "name"),
        ({"name": "x\u0000y", "scopes": ["bookings:read"], "expiresAt": IN_A_MONTH}, "name"),
        (
            {"name": "k", "scopes": ["bookings:read"], "expiresAt": "2026-03-02T10:30:00Z"},
            "expiresAt",
        ),
        (
            {"name": "k", "scopes": ["bookings:read"], "expiresAt": "2029-03-02T10:00:00Z"},
            "expiresAt",
        ),
    ],
)
async def test_a_key_asked_against_the_rules_is_refused_and_nothing_made(
    api: Api, body: dict[str, Any], field: str
) -> None:
    desk = await open_desk(api)
    response = await api.client.post(KEYS, json=body, headers=api.bearer(desk.artist.session))
    assert response.status_code == 422, response.text
    assert [e["field"] for e in response.json()["errors"]] == [field]
    listed = await api.client.get(KEYS, headers=api.bearer(desk.artist.session))
    assert listed.json()["items"] == []


async def test_scopes_hold_availability_and_webhooks_apart(api: Api) -> None:
    desk = await open_desk(api)
    hours = with_key(await make_key(api, desk.artist.session, "availability:manage"))
    rule = {"day": 6, "startTime": "10:00", "endTime": "14:00"}
    added = await api.client.post("/api/v1/availability", json=rule, headers=hours)
    assert added.status_code == 201, added.text
    assert (await api.client.get("/api/v1/webhooks", headers=hours)).status_code == 403
    hooks = with_key(await make_key(api, desk.artist.session, "webhooks:manage"))
    assert (await api.client.get("/api/v1/webhooks", headers=hooks)).status_code == 200
    assert (
        await api.client.post("/api/v1/availability", json=rule, headers=hooks)
    ).status_code == 403


async def test_a_key_stops_with_its_owners_suspension(api: Api) -> None:
    desk = await open_desk(api)
    key = with_key(await make_key(api, desk.artist.session, "bookings:read"))
    user_id = desk.artist.session["user"]["id"]
    suspended = await api.client.post(
        f"/api/v1/admin/users/{user_id}/suspend", headers=api.bearer(desk.admin)
    )
    assert suspended.status_code == 200, suspended.text
    assert (await api.client.get(BOOKINGS, headers=key)).status_code == 401


async def test_a_keys_last_use_is_kept_to_the_minute(api: Api) -> None:
    desk = await open_desk(api)
    made = await make_key(api, desk.artist.session, "bookings:read")
    await api.client.get(BOOKINGS, headers=with_key(made))
    api.clock.advance(timedelta(seconds=30))
    await api.client.get(BOOKINGS, headers=with_key(made))
    listed = await api.client.get(KEYS, headers=api.bearer(desk.artist.session))
    assert listed.json()["items"][0]["lastUsedAt"] == "2026-03-02T10:00:00Z"


async def test_each_key_is_counted_apart(make_api: ApiFactory) -> None:
    api = await make_api(api_key_rate_limit_per_minute=3)
    desk = await open_desk(api)
    first = with_key(await make_key(api, desk.artist.session, "bookings:read"))
    second = with_key(await make_key(api, desk.artist.session, "bookings:read"))
    answers = [(await api.client.get(BOOKINGS, headers=first)).status_code for _ in range(4)]
    assert answers == [200, 200, 200, 429]
    limited = await api.client.get(BOOKINGS, headers=first)
    assert limited.json()["code"] == "api_key_rate_limited"
    assert int(limited.headers["retry-after"]) >= 1
    assert (await api.client.get(BOOKINGS, headers=second)).status_code == 200
    assert (
        await api.client.get(BOOKINGS, headers=api.bearer(desk.artist.session))
    ).status_code == 200


async def test_making_and_revoking_a_key_are_audited(api: Api) -> None:
    desk = await open_desk(api)
    made = await make_key(api, desk.artist.session, "bookings:read")
    api.clock.advance(timedelta(minutes=1))  # entries of one instant have no order
    await api.client.delete(f"{KEYS}/{made['key']['id']}", headers=api.bearer(desk.artist.session))
    trail = await api.client.get(
        "/api/v1/admin/audit", params={"target": f"api_key/{made['key']['id']}"},
        headers=api.bearer(desk.admin),
    )  # fmt: skip
    assert trail.status_code == 200, trail.text
    actions = [entry["action"] for entry in trail.json()["items"]]
    assert actions == ["api_key.revoked", "api_key.created"]
    assert made["secret"] not in trail.text


async def test_another_users_key_cannot_be_revoked_but_an_admin_may(api: Api) -> None:
    desk = await open_desk(api)
    made = await make_key(api, desk.artist.session, "bookings:read")
    stranger = await api.register("eve@example.com", role="artist", name="Eve")
    path = f"{KEYS}/{made['key']['id']}"
    assert (await api.client.delete(path, headers=api.bearer(stranger))).status_code == 404
    assert (await api.client.get(BOOKINGS, headers=with_key(made))).status_code == 200
    assert (await api.client.delete(path, headers=api.bearer(desk.admin))).status_code == 204
    assert (await api.client.get(BOOKINGS, headers=with_key(made))).status_code == 401
