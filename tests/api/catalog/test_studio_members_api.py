"""A studio's invites, members and side-by-side day over HTTP: the owner invites, a guest
artist accepts once, the owner sees every member's day; members see only their own
bookings and clients; refusals are 4xx with their codes and change nothing."""

from __future__ import annotations

from typing import Any

import pytest

from tests.api.booking_helpers import SLOT, Desk, open_desk
from tests.api.catalog_helpers import ArtistSetup, approved_artist
from tests.api.conftest import Api

pytestmark = pytest.mark.anyio
STUDIOS = "/api/v1/studios"


async def _studio(api: Api, owner: ArtistSetup) -> str:
    """A studio the artist makes, owns and works in."""
    auth = api.bearer(owner.session)
    made = await api.client.post(
        STUDIOS, json={"name": "Blue Ink", "address": "Peace Ave 1", "city": "UB"}, headers=auth
    )
    assert made.status_code == 201, made.text
    studio = str(made.json()["id"])
    joined = await api.client.patch(
        f"/api/v1/artists/{owner.id}", json={"studioId": studio}, headers=auth
    )
    assert joined.status_code == 200, joined.text
    return studio


async def _invite(api: Api, owner: ArtistSetup, studio: str, note: str = "") -> dict[str, Any]:
    made = await api.client.post(
        f"{STUDIOS}/{studio}/invites", json={"note": note}, headers=api.bearer(owner.session)
    )
    assert made.status_code == 201, made.text
    body: dict[str, Any] = made.json()
    return body


async def _studio_with_guest(api: Api) -> tuple[Desk, ArtistSetup, str]:
    """The owner's desk (a customer too), a guest who accepted an invite, the studio."""
    desk = await open_desk(api)
    guest = (await open_desk(api, admin=desk.admin)).artist
    studio = await _studio(api, desk.artist)
    made = await _invite(api, desk.artist, studio)
    accepted = await api.client.post(
        f"/api/v1/studio-invites/{made['token']}/accept", headers=api.bearer(guest.session)
    )
    assert accepted.status_code == 200, accepted.text
    return desk, guest, studio


async def test_the_owner_invites_and_a_guest_accepts_once(api: Api) -> None:
    desk = await open_desk(api)
    owner = desk.artist
    studio = await _studio(api, owner)
    made = await _invite(api, owner, studio, "for Anu")
    assert made["url"].endswith(f"/console/studio-invites/{made['token']}")
    assert made["invite"]["note"] == "for Anu"
    listed = await api.client.get(f"{STUDIOS}/{studio}/invites", headers=api.bearer(owner.session))
    assert [i["id"] for i in listed.json()["items"]] == [made["invite"]["id"]]
    assert "token" not in listed.json()["items"][0]

    shown = await api.client.get(f"/api/v1/studio-invites/{made['token']}")
    assert shown.status_code == 200, shown.text
    assert shown.json()["studio"]["name"] == "Blue Ink" and shown.json()["leavesStudio"] is None

    guest = await approved_artist(api, "guest@example.com", admin=desk.admin)
    accept = f"/api/v1/studio-invites/{made['token']}/accept"
    accepted = await api.client.post(accept, headers=api.bearer(guest.session))
    assert accepted.status_code == 200 and accepted.json()["studioId"] == studio
    members = await api.client.get(f"{STUDIOS}/{studio}/members", headers=api.bearer(owner.session))
    assert {m["id"] for m in members.json()["items"]} == {owner.id, guest.id}

    third = await approved_artist(api, "third@example.com", admin=desk.admin)
    again = await api.client.post(accept, headers=api.bearer(third.session))
    assert again.status_code == 410 and again.json()["code"] == "studio_invite_used"
    assert (await api.client.get(f"/api/v1/studio-invites/{made['token']}")).status_code == 410


async def test_revoked_unknown_and_strangers_invites_are_refused(api: Api) -> None:
    desk = await open_desk(api)
    owner = desk.artist
    studio = await _studio(api, owner)
    made = await _invite(api, owner, studio)
    stranger = await approved_artist(api, "stranger@example.com", admin=desk.admin)
    for method, path in (
        ("POST", f"{STUDIOS}/{studio}/invites"),
        ("GET", f"{STUDIOS}/{studio}/invites"),
        ("DELETE", f"{STUDIOS}/{studio}/invites/{made['invite']['id']}"),
        ("GET", f"{STUDIOS}/{studio}/members"),
        ("DELETE", f"{STUDIOS}/{studio}/members/{owner.id}"),
        ("GET", f"{STUDIOS}/{studio}/calendar?date=2026-03-05"),
    ):
        answer = await api.client.request(
            method, path, json={} if method == "POST" else None,
            headers=api.bearer(stranger.session),
        )  # fmt: skip
        assert answer.status_code == 403, (method, path, answer.text)
    revoked = await api.client.delete(
        f"{STUDIOS}/{studio}/invites/{made['invite']['id']}", headers=api.bearer(owner.session)
    )
    assert revoked.status_code == 204
    refused = await api.client.post(
        f"/api/v1/studio-invites/{made['token']}/accept", headers=api.bearer(stranger.session)
    )
    assert refused.status_code == 410 and refused.json()["code"] == "studio_invite_revoked"
    for token in ("x" * 32, "short", "%00" * 20, "é" * 30):
        unknown = await api.client.get(f"/api/v1/studio-invites/{token}")
        assert unknown.status_code == 404, token
    anonymous = await api.client.post(f"/api/v1/studio-invites/{made['token']}/accept")
    assert anonymous.status_code == 401


async def test_the_owner_removes_a_member_a_member_leaves_the_owner_stays(api: Api) -> None:
    desk, guest, studio = await _studio_with_guest(api)
    owner = desk.artist
    stays = await api.client.delete(
        f"{STUDIOS}/{studio}/members/{owner.id}", headers=api.bearer(owner.session)
    )
    assert stays.status_code == 422 and stays.json()["code"] == "studio_owner_stays"
    by_guest = await api.client.delete(
        f"{STUDIOS}/{studio}/members/{owner.id}", headers=api.bearer(guest.session)
    )
    assert by_guest.status_code == 403
    removed = await api.client.delete(
        f"{STUDIOS}/{studio}/members/{guest.id}", headers=api.bearer(owner.session)
    )
    assert removed.status_code == 204
    gone = await api.client.delete(
        f"{STUDIOS}/{studio}/members/{guest.id}", headers=api.bearer(guest.session)
    )
    assert gone.status_code == 404 and gone.json()["code"] == "studio_member_not_found"
    profile = await api.client.get(f"/api/v1/artists/{guest.id}")
    assert profile.json()["studioId"] is None


async def test_the_owner_sees_each_members_day_and_members_see_only_their_own(api: Api) -> None:
    desk, guest, studio = await _studio_with_guest(api)
    owner = desk.artist
    owners = await desk.booked(SLOT)
    guest_desk = Desk(api, guest, await desk.customer_named("Bolor"))
    guests = await guest_desk.booked(SLOT, guest_desk.customer)
    day = await api.client.get(
        f"{STUDIOS}/{studio}/calendar",
        params={"date": "2026-03-05"},
        headers=api.bearer(owner.session),
    )
    assert day.status_code == 200, day.text
    body = day.json()
    assert body["timeZone"] == "Africa/Abidjan"  # the owner's own
    columns = {c["artistId"]: c for c in body["columns"]}
    assert set(columns) == {owner.id, guest.id}
    (seen,) = columns[guest.id]["bookings"]
    assert set(seen) == {"start", "end", "status", "service", "customer"}
    assert seen["customer"] == "Bolor" and seen["start"] == "2026-03-05T10:00:00Z"

    # A member sees their own bookings (and customers) only, never the owner's.
    listed = await api.client.get("/api/v1/bookings", headers=api.bearer(guest.session))
    assert [b["id"] for b in listed.json()["items"]] == [guests]
    other = await api.client.get(f"/api/v1/bookings/{owners}", headers=api.bearer(guest.session))
    assert other.status_code == 404
    refused = await api.client.get(
        f"{STUDIOS}/{studio}/calendar", params={"date": "2026-03-05"},
        headers=api.bearer(guest.session),
    )  # fmt: skip
    assert refused.status_code == 403


async def test_bad_days_and_zones_are_4xx(api: Api) -> None:
    desk, _, studio = await _studio_with_guest(api)
    auth = api.bearer(desk.artist.session)
    for params in (
        {"date": "0001-01-01"},
        {"date": "9999-12-31"},
        {"date": "2026-02-30"},
        {"date": "x"},
        {},
        {"date": "2026-03-05", "timeZone": "Mars/Olympus"},
        {"date": "2026-03-05", "timeZone": "a\x00b"},
        {"date": "2026-03-05", "timeZone": "../../etc/passwd"},
    ):
        answer = await api.client.get(f"{STUDIOS}/{studio}/calendar", params=params, headers=auth)
        assert 400 <= answer.status_code < 500, (params, answer.text)
