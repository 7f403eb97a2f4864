"""What the catalog accepts over HTTP: prices in circulating currencies, time zones of
places, and studio membership an artist may choose (their own studio, or none)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.api.catalog_helpers import approved_artist, create_profile
from tests.api.conftest import Api

pytestmark = pytest.mark.anyio


@pytest.mark.parametrize("currency", ["XAU", "XXX", "ABC", "BOV"])
async def test_prices_in_anything_but_circulating_money_are_refused(
    api: Api, currency: str
) -> None:
    setup = await approved_artist(api)
    url = f"/api/v1/artists/{setup.id}/services"
    auth = api.bearer(setup.session)
    body = {"name": "Gold", "durationMinutes": 60, "price": {"amount": 1, "currency": currency}}
    created = await api.client.post(url, json=body, headers=auth)
    assert created.status_code == 422
    assert [(e["field"], e["code"]) for e in created.json()["errors"]] == [
        ("price.currency", "unknown_currency")
    ]
    changed = await api.client.patch(
        f"{url}/{setup.service['id']}",
        json={"price": {"amount": 1, "currency": currency}},
        headers=auth,
    )
    assert changed.status_code == 422
    assert (await api.client.get(f"{url}/{setup.service['id']}")).json()["price"] == {
        "amount": 150000,
        "currency": "MNT",
    }


async def test_a_deposit_nobody_could_pay_is_refused_and_changes_nothing(api: Api) -> None:
    """A deposit is paid through QPay (the sandbox here), which takes MNT only: a service in
    another currency may be offered, but asking a deposit of it is 422
    ``deposit_currency_not_payable``, the service as it was; a fixed deposit set alone is in
    the price's currency."""
    setup = await approved_artist(
        api, service={"name": "Flash", "durationMinutes": 60,
                      "price": {"amount": 20000, "currency": "USD"}},
    )  # fmt: skip
    auth = api.bearer(setup.session)
    url = f"/api/v1/artists/{setup.id}/services"
    changed = await api.client.patch(
        f"{url}/{setup.service['id']}", json={"deposit": {"amount": 5000}}, headers=auth
    )
    assert changed.status_code == 422, changed.text
    assert changed.json()["code"] == "deposit_currency_not_payable"
    assert (await api.client.get(f"{url}/{setup.service['id']}")).json()["deposit"] is None
    made = await api.client.post(
        url, json={"name": "Sleeve", "durationMinutes": 60, "deposit": {"percent": 20},
                   "price": {"amount": 20000, "currency": "EUR"}}, headers=auth,
    )  # fmt: skip
    assert (made.status_code, made.json()["code"]) == (422, "deposit_currency_not_payable")
    assert [s["name"] for s in (await api.client.get(url)).json()["items"]] == ["Flash"]
    tugrik = await api.client.patch(
        f"{url}/{setup.service['id']}",
        json={"price": {"amount": 2_000_000, "currency": "MNT"}, "deposit": {"amount": 500_000}},
        headers=auth,
    )
    assert tugrik.status_code == 200, tugrik.text
    assert tugrik.json()["deposit"]["due"] == {"amount": 500_000, "currency": "MNT"}


@pytest.mark.parametrize(
    "zone", ["Factory", "posixrules", "UTC", "Etc/GMT+5", "EST5EDT", "localtime", "Asia/Nowhere"]
)
async def test_time_zones_must_be_places(api: Api, zone: str) -> None:
    session = await api.register("artist@example.com", role="artist")
    response = await api.client.post(
        "/api/v1/artists",
        json={"displayName": "Ink", "timeZone": zone},
        headers=api.bearer(session),
    )
    assert response.status_code == 422
    assert [(e["field"], e["code"]) for e in response.json()["errors"]] == [
        ("timeZone", "unknown_time_zone")
    ]
    artist = await create_profile(api, session, timeZone="Asia/Hovd")
    moved = await api.client.patch(
        f"/api/v1/artists/{artist['id']}", json={"timeZone": zone}, headers=api.bearer(session)
    )
    assert moved.status_code == 422
    assert (await api.client.get(f"/api/v1/artists/{artist['id']}", headers=api.bearer(session))
            ).json()["timeZone"] == "Asia/Hovd"  # fmt: skip


async def _studio(api: Api, session: dict[str, Any], name: str) -> str:
    response = await api.client.post(
        "/api/v1/studios",
        json={"name": name, "address": "Peace Ave 1", "city": "Ulaanbaatar"},
        headers=api.bearer(session),
    )
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


async def test_an_artist_joins_only_their_own_studio_and_can_leave_it(api: Api) -> None:
    rival = await api.register("rival@example.com", role="artist")
    theirs = await _studio(api, rival, "Rival Ink")
    setup = await approved_artist(api)
    auth, url = api.bearer(setup.session), f"/api/v1/artists/{setup.id}"
    mine = await _studio(api, setup.session, "My Ink")

    joined_theirs = await api.client.patch(url, json={"studioId": theirs}, headers=auth)
    assert joined_theirs.status_code == 403
    assert joined_theirs.json()["code"] == "permission_denied"
    joined = await api.client.patch(url, json={"studioId": mine}, headers=auth)
    assert joined.status_code == 200 and joined.json()["studioId"] == mine
    kept = await api.client.patch(url, json={"bio": "Fine lines."}, headers=auth)
    assert kept.json()["studioId"] == mine  # a field left out is left alone
    left = await api.client.patch(url, json={"studioId": None}, headers=auth)
    assert left.status_code == 200 and left.json()["studioId"] is None

    newcomer = await api.register("new@example.com", role="artist")
    refused = await api.client.post(
        "/api/v1/artists",
        json={"displayName": "New", "timeZone": "Asia/Ulaanbaatar", "studioId": theirs},
        headers=api.bearer(newcomer),
    )
    assert refused.status_code == 403


async def test_an_admin_places_any_artist_in_any_studio(api: Api) -> None:
    setup = await approved_artist(api)
    admins = await _studio(api, setup.admin, "Inkslot House")  # no owner
    rival = await api.register("rival@example.com", role="artist")
    theirs = await _studio(api, rival, "Rival Ink")
    url = f"/api/v1/artists/{setup.id}"
    for studio in (admins, theirs):
        placed = await api.client.patch(
            url, json={"studioId": studio}, headers=api.bearer(setup.admin)
        )
        assert placed.status_code == 200 and placed.json()["studioId"] == studio
    by_artist = await api.client.patch(
        url, json={"studioId": admins}, headers=api.bearer(setup.session)
    )
    assert by_artist.status_code == 403
