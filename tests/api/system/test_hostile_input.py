"""Nothing a client sends makes the server fail: each of these was a 500 once. Every answer
is a 4xx problem document with a stable code, and the refused request changes nothing."""

from __future__ import annotations

from typing import Any

import pytest

from tests.api.booking_helpers import BOOKINGS, SLOT, Desk, open_desk
from tests.api.conftest import PASSWORD, Api

pytestmark = pytest.mark.anyio

NUL = "\u0000"


def _refused(response: Any, *statuses: int) -> dict[str, Any]:
    assert response.status_code in (statuses or (400, 422)), response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body: dict[str, Any] = response.json()
    assert body["code"] and body["status"] == response.status_code
    return body


async def test_a_nul_character_in_any_text_field_is_refused(api: Api) -> None:
    desk = await open_desk(api)
    artist_auth = desk.auth(desk.artist.session)
    me, artist = desk.auth(desk.customer), f"/api/v1/artists/{desk.artist.id}"
    join = {"password": PASSWORD, "role": "customer"}
    studio = {"name": "S", "address": "1 Peace Ave", "city": "UB"}
    booking = {"artistId": desk.artist.id, "serviceId": desk.artist.service["id"], "start": SLOT}
    cases: list[tuple[str, str, dict[str, Any], dict[str, str]]] = [
        ("POST", "/api/v1/auth/register", {**join, "email": f"n{NUL}l@x.com", "name": "N"}, {}),
        ("POST", "/api/v1/auth/register", {**join, "email": "nul@x.com", "name": f"N{NUL}"}, {}),
        ("POST", "/api/v1/auth/login", {"email": f"ada{NUL}@x.com", "password": PASSWORD}, {}),
        ("POST", "/api/v1/auth/login", {"email": "ada@x.com", "password": f"pw{NUL}pw-pw-pw"}, {}),
        ("POST", "/api/v1/auth/refresh", {"refreshToken": f"a{NUL}b"}, {}),
        ("PATCH", "/api/v1/me", {"name": f"A{NUL}da"}, me),
        ("PATCH", "/api/v1/me", {"phone": f"+976{NUL}88112233"}, me),
        ("PATCH", artist, {"displayName": f"I{NUL}nk"}, artist_auth),
        ("PATCH", artist, {"bio": f"b{NUL}io"}, artist_auth),
        ("PATCH", artist, {"styles": [f"fine{NUL}line"]}, artist_auth),
        ("PATCH", artist, {"city": f"Ulaan{NUL}baatar"}, artist_auth),
        ("PATCH", artist, {"instagram": f"ink{NUL}"}, artist_auth),
        ("PATCH", artist, {"timeZone": f"Asia/Ulaan{NUL}baatar"}, artist_auth),
        ("POST", "/api/v1/studios", {**studio, "name": f"S{NUL}"}, artist_auth),
        ("POST", "/api/v1/studios", {**studio, "address": f"1 {NUL}Ave"}, artist_auth),
        ("POST", "/api/v1/studios", {**studio, "city": f"U{NUL}B"}, artist_auth),
        ("POST", f"{artist}/services",
         {"name": f"Sm{NUL}all", "durationMinutes": 60, "price": {"amount": 1}}, artist_auth),
        ("POST", BOOKINGS, {**booking, "notes": f"a{NUL}b"}, me),
        ("PATCH", f"/api/v1/admin/artists/{desk.artist.id}/approval",
         {"approved": True, "note": f"n{NUL}"}, desk.auth(desk.admin)),
    ]  # fmt: skip
    for method, path, body, headers in cases:
        response = await api.client.request(method, path, json=body, headers=headers)
        assert response.status_code < 500, (method, path, body, response.text)
        _refused(response, 400, 401, 409, 422)
    booking_id = await desk.booked()
    cancelled = await desk.patch(booking_id, desk.customer, status="cancelled", reason=f"r{NUL}")
    _refused(cancelled, 422)
    assert (await desk.get(f"/{booking_id}", desk.customer)).json()["status"] == "confirmed"
    assert (await api.login("nul@x.com")).status_code == 401  # nothing was registered


async def test_lone_surrogates_are_refused(api: Api) -> None:
    """JSON can carry an unpaired surrogate (``\\ud800``): no string may reach the database,
    the password hasher or the token digest with one."""
    raw = b'{"email":"a@x.com","password":"violet-needle-\\ud800","name":"A","role":"customer"}'
    register = await api.client.post(
        "/api/v1/auth/register", content=raw, headers={"content-type": "application/json"}
    )
    _refused(register, 400, 422)
    for path, body in (
        ("/api/v1/auth/login", b'{"email":"ada@example.com","password":"pw-\\ud800-pw-pw"}'),
        ("/api/v1/auth/login", b'{"email":"a\\udfffda@example.com","password":"pw-pw-pw-pw"}'),
        ("/api/v1/auth/refresh", b'{"refreshToken":"tok\\ud800en"}'),
    ):
        response = await api.client.post(
            path, content=body, headers={"content-type": "application/json"}
        )
        _refused(response, 400, 401, 422)


@pytest.mark.parametrize(
    ("start", "end"),
    [
        ("9999-12-31T00:00:00Z", "9999-12-31T23:59:59Z"),
        ("0001-01-01T00:00:00+08:00", "0001-01-02T00:00:00+08:00"),
        ("9999-12-30T00:00:00-12:00", "9999-12-31T00:00:00-12:00"),
    ],
)
async def test_dates_at_the_ends_of_the_calendar_are_refused(
    api: Api, start: str, end: str
) -> None:
    desk = await open_desk(api)
    slots = await api.client.get(
        f"/api/v1/artists/{desk.artist.id}/slots",
        params={"serviceId": desk.artist.service["id"], "from": start, "to": end},
    )
    _refused(slots, 422)
    _refused(await desk.book(start), 422)
    booking_id = await desk.booked()
    moved = await api.client.post(
        f"{BOOKINGS}/{booking_id}/reschedule",
        json={"start": start},
        headers=desk.auth(desk.customer),
    )
    _refused(moved, 422)
    for params in ({"from": start}, {"to": end}, {"from": start, "to": end}):
        _refused(await desk.get("", desk.customer, **params), 422)
    assert (await desk.get(f"/{booking_id}", desk.customer)).json()["start"] == SLOT.replace(
        "Z", "Z"
    )


async def test_huge_page_numbers_are_refused(api: Api) -> None:
    desk: Desk = await open_desk(api)
    for page in ("1000000000000000000", "99999999999999999999999"):
        _refused(await desk.get("", desk.customer, page=page), 400, 422)
        _refused(
            await api.client.get(
                "/api/v1/admin/users", params={"page": page}, headers=desk.auth(desk.admin)
            ),
            400,
            422,
        )


async def test_deeply_nested_and_badly_encoded_bodies_are_malformed(api: Api) -> None:
    desk = await open_desk(api)
    deep = b'{"artistId":' + b"[" * 1000 + b"]" * 1000 + b"}"
    for body in (deep, b'{"email": "\xff\xfe@example.com", "password": "x"}', b"\xc3\x28"):
        for path, headers in (
            (BOOKINGS, desk.auth(desk.customer)),
            ("/api/v1/auth/login", {}),
        ):
            response = await api.client.post(
                path, content=body, headers={**headers, "content-type": "application/json"}
            )
            problem = _refused(response, 400)
            assert problem["code"] == "malformed_request"
