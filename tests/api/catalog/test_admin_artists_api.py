"""``GET /admin/artists`` over HTTP: the review queue and the other filters, admins only,
unknown values 422."""

from __future__ import annotations

from typing import Any

import pytest

from tests.api.booking_helpers import open_desk
from tests.api.conftest import Api

pytestmark = pytest.mark.anyio
ADMIN_ARTISTS = "/api/v1/admin/artists"


async def test_the_admins_list_of_profiles(api: Api) -> None:
    desk = await open_desk(api)  # an approved artist (the helper submits and approves)
    waiting = await api.register("new-artist@example.com", role="artist", name="Newcomer")
    made = await api.client.post(
        "/api/v1/artists", json={"displayName": "Өлзий Ink", "timeZone": "Asia/Ulaanbaatar"},
        headers=api.bearer(waiting),
    )  # fmt: skip
    assert made.status_code == 201, made.text
    profile = made.json()
    submitted = await api.client.post(
        f"/api/v1/artists/{profile['id']}/submit", headers=api.bearer(waiting)
    )
    assert submitted.status_code == 200, submitted.text
    admin = desk.auth(desk.admin)

    async def ids(**params: Any) -> list[str]:
        found = await api.client.get(ADMIN_ARTISTS, params=params, headers=admin)
        assert found.status_code == 200, found.text
        return [a["id"] for a in found.json()["items"]]

    assert await ids(status="pending") == [profile["id"]]  # the review queue
    assert await ids(status="approved", suspended="false") == [desk.artist.id]
    assert await ids(q="olzii") == [profile["id"]]
    assert await ids(q="nobody") == []
    assert await ids(pageSize=1, page=3) == []
    for bad in ({"status": "archived"}, {"suspended": "maybe"}, {"q": "a\x00"}):
        refused = await api.client.get(ADMIN_ARTISTS, params=bad, headers=admin)
        assert refused.status_code == 422, (bad, refused.text)
    for who, status in ((desk.customer, 403), (desk.artist.session, 403), (None, 401)):
        headers = desk.auth(who) if who else {}
        assert (await api.client.get(ADMIN_ARTISTS, headers=headers)).status_code == status
