"""An artist's services over HTTP."""

from __future__ import annotations

import pytest

from tests.api.catalog_helpers import approved_artist
from tests.api.conftest import Api

pytestmark = pytest.mark.anyio


async def test_services_public_reads_owner_writes(api: Api) -> None:
    setup = await approved_artist(api)
    url = f"/api/v1/artists/{setup.id}/services"
    auth = api.bearer(setup.session)
    deposit = await api.client.post(
        url,
        json={"name": "Sleeve session", "durationMinutes": 240, "bufferAfterMinutes": 30,
              "price": {"amount": 800000}, "deposit": {"percent": 25}, "requiresApproval": True},
        headers=auth,
    )  # fmt: skip
    assert deposit.status_code == 201, deposit.text
    body = deposit.json()
    assert body["deposit"] == {"due": {"amount": 200000, "currency": "MNT"}, "percent": 25.0}
    assert body["requiresApproval"] is True and body["bufferAfterMinutes"] == 30

    hidden = await api.client.patch(f"{url}/{body['id']}", json={"active": False}, headers=auth)
    assert hidden.json()["active"] is False
    public = await api.client.get(url)
    assert [s["name"] for s in public.json()["items"]] == ["Small tattoo"]
    assert len((await api.client.get(url, headers=auth)).json()["items"]) == 2
    assert (await api.client.get(f"{url}/{body['id']}")).status_code == 404

    too_much = await api.client.post(
        url,
        json={
            "name": "x",
            "durationMinutes": 60,
            "price": {"amount": 100},
            "deposit": {"amount": 500},
        },
        headers=auth,
    )
    assert too_much.status_code == 422
    both = await api.client.post(
        url,
        json={
            "name": "x",
            "durationMinutes": 60,
            "price": {"amount": 100},
            "deposit": {"amount": 5, "percent": 5},
        },
        headers=auth,
    )
    assert both.status_code == 422
    missing = await api.client.post(url, json={"name": "x"}, headers=auth)
    assert {e["field"] for e in missing.json()["errors"]} == {"durationMinutes", "price"}
    other = await api.register("other@example.com", role="artist")
    stranger = await api.client.post(
        url,
        json={"name": "x", "durationMinutes": 60, "price": {"amount": 1}},
        headers=api.bearer(other),
    )
    assert stranger.status_code == 403
    assert (
        await api.client.post(
            url, json={"name": "x", "durationMinutes": 60, "price": {"amount": 1}}
        )
    ).status_code == 401


async def test_services_come_in_the_list_envelope(api: Api) -> None:
    setup = await approved_artist(api)
    url = f"/api/v1/artists/{setup.id}/services"
    auth = api.bearer(setup.session)
    second = {"name": "Sleeve", "durationMinutes": 60, "price": {"amount": 1000}}
    assert (await api.client.post(url, json=second, headers=auth)).status_code == 201
    first = (await api.client.get(url, params={"pageSize": 1})).json()
    assert first["total"] == 2 and first["totalExact"] is True
    assert (first["page"], first["pageSize"], len(first["items"])) == (1, 1, 1)
    rest = (await api.client.get(url, params={"pageSize": 1, "page": 2})).json()
    assert [s["id"] for s in rest["items"]] != [s["id"] for s in first["items"]]
    assert (await api.client.get(url, params={"pageSize": 101})).status_code == 422
