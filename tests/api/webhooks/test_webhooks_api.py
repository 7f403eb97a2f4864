"""``/api/v1/webhooks``: who may register, see and change endpoints; the secret is shown
once; bad URLs and event types are 422 and change nothing."""

from __future__ import annotations

import psycopg
import pytest

from adapters.postgres.database import psycopg_url
from tests.api.conftest import Api, ApiFactory

pytestmark = pytest.mark.anyio

HOOKS = "/api/v1/webhooks"
BODY = {"url": "https://hooks.example.com/inkslot", "events": ["booking.confirmed"]}


async def test_an_artist_registers_and_manages_their_own_endpoint(api: Api) -> None:
    artist = api.bearer(await api.register("ink@example.com", role="artist"))
    made = await api.client.post(HOOKS, json=BODY, headers=artist)
    assert made.status_code == 201, made.text
    created = made.json()
    assert created["secret"].startswith("whsec_")
    hook = f"{HOOKS}/{created['id']}"
    read = (await api.client.get(hook, headers=artist)).json()
    assert "secret" not in read and read["events"] == ["booking.confirmed"]
    listed = (await api.client.get(HOOKS, headers=artist)).json()
    assert (listed["total"], listed["page"], listed["pageSize"]) == (1, 1, 20)
    assert [h["id"] for h in listed["items"]] == [created["id"]]
    assert "secret" not in listed["items"][0]
    paused = await api.client.patch(hook, json={"active": False, "events": ["*"]}, headers=artist)
    assert paused.status_code == 200 and paused.json()["active"] is False
    assert paused.json()["events"] == ["*"]
    log = await api.client.get(f"{hook}/deliveries", headers=artist)
    assert log.status_code == 200 and log.json()["items"] == []
    assert (await api.client.delete(hook, headers=artist)).status_code == 204
    assert (await api.client.get(hook, headers=artist)).status_code == 404


async def test_customers_cannot_register_and_others_cannot_see(api: Api) -> None:
    customer = api.bearer(await api.register("cu@example.com"))
    refused = await api.client.post(HOOKS, json=BODY, headers=customer)
    assert refused.status_code == 403
    owner = api.bearer(await api.register("owner@example.com", role="artist"))
    other = api.bearer(await api.register("other@example.com", role="artist"))
    hook = f"{HOOKS}/{(await api.client.post(HOOKS, json=BODY, headers=owner)).json()['id']}"
    for method in ("get", "delete"):
        response = await getattr(api.client, method)(hook, headers=other)
        assert response.status_code == 404
        assert response.json()["code"] == "webhook_not_found"
    assert (await api.client.get(f"{hook}/deliveries", headers=other)).status_code == 404
    assert (await api.client.get(HOOKS, headers=other)).json()["items"] == []
    admin = api.bearer(await api.admin())
    assert (await api.client.get(hook, headers=admin)).status_code == 200


async def test_bad_endpoints_are_422_and_change_nothing(make_api: ApiFactory) -> None:
    api = await make_api(webhooks_allow_private=False)
    artist = api.bearer(await api.register("ink2@example.com", role="artist"))
    for body in (
        {**BODY, "url": "https://127.0.0.1/in"},
        {**BODY, "url": "https://0177.0.0.1/in"},
        {**BODY, "url": "https://\uff11\uff12\uff17.\uff10.\uff10.\uff11/in"},
        {**BODY, "url": "https://[fec0::1]/in"},
        {**BODY, "url": "http://hooks.example.com/in"},
        {**BODY, "url": "https://hooks.example.com/\u0000"},
        {**BODY, "events": ["booking.exploded"]},
        {**BODY, "events": []},
    ):
        response = await api.client.post(HOOKS, json=body, headers=artist)
        assert response.status_code == 422, (body, response.text)
    assert (await api.client.get(HOOKS, headers=artist)).json()["total"] == 0


async def test_the_app_stores_the_signing_secret_sealed(api: Api) -> None:
    admin = api.bearer(await api.admin())
    made = (await api.client.post(HOOKS, json=BODY, headers=admin)).json()
    async with await psycopg.AsyncConnection.connect(psycopg_url(api.database_url)) as conn:
        row = await (
            await conn.execute("SELECT secret FROM webhook_endpoints WHERE id = %s", (made["id"],))
        ).fetchone()
    assert row is not None
    assert made["secret"] not in row[0] and made["secret"].removeprefix("whsec_") not in row[0]
