"""Weekly availability, date overrides and free slots over HTTP."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from tests.api.catalog_helpers import approved_artist, create_profile
from tests.api.conftest import Api

pytestmark = pytest.mark.anyio


async def test_weekly_rules_refuse_overlaps_and_belong_to_their_artist(api: Api) -> None:
    artist = await api.register("artist@example.com", role="artist")
    profile = await create_profile(api, artist)
    auth = api.bearer(artist)

    async def add(day: int, start: str, end: str, headers: dict[str, str] = auth) -> object:
        return await api.client.post(
            "/api/v1/availability",
            json={"day": day, "startTime": start, "endTime": end},
            headers=headers,
        )

    morning = await add(1, "09:00", "12:00")
    assert morning.status_code == 201 and morning.json()["startTime"] == "09:00"  # type: ignore[attr-defined]
    assert (await add(1, "12:00", "17:00")).status_code == 201  # type: ignore[attr-defined]
    overlap = await add(1, "11:00", "13:00")
    assert overlap.status_code == 422 and overlap.json()["code"] == "overlapping_availability"  # type: ignore[attr-defined]
    assert (await add(6, "20:00", "24:00")).status_code == 201  # type: ignore[attr-defined]
    for bad in (
        (7, "09:00", "10:00"),
        (1, "10:00", "09:00"),
        (1, "25:00", "26:00"),
        (1, "9am", "5pm"),
    ):
        assert (await add(*bad)).status_code == 422, bad  # type: ignore[attr-defined]

    customer = await api.register("c@example.com")
    assert (await add(2, "09:00", "10:00", api.bearer(customer))).status_code == 403  # type: ignore[attr-defined]
    other = await api.register("other@example.com", role="artist")
    rule_id = morning.json()["id"]  # type: ignore[attr-defined]
    assert (
        await api.client.delete(f"/api/v1/availability/{rule_id}", headers=api.bearer(other))
    ).status_code == 404
    no_profile = await add(2, "09:00", "10:00", api.bearer(other))
    assert no_profile.status_code == 404  # type: ignore[attr-defined]

    owner_view = await api.client.get(f"/api/v1/artists/{profile['id']}/availability", headers=auth)
    assert [(r["day"], r["startTime"], r["endTime"]) for r in owner_view.json()["rules"]] == [
        (1, "09:00", "12:00"), (1, "12:00", "17:00"), (6, "20:00", "24:00"),
    ]  # fmt: skip
    assert owner_view.json()["timeZone"] == "Asia/Ulaanbaatar"
    assert (
        await api.client.get(f"/api/v1/artists/{profile['id']}/availability")
    ).status_code == 404  # a draft
    assert (
        await api.client.delete(f"/api/v1/availability/{rule_id}", headers=auth)
    ).status_code == 204
    assert (
        await api.client.delete(f"/api/v1/availability/{rule_id}", headers=auth)
    ).status_code == 404


async def test_overrides_close_or_replace_a_date(api: Api) -> None:
    setup = await approved_artist(api)
    auth = api.bearer(setup.session)
    closed = await api.client.post(
        "/api/v1/availability/overrides", json={"date": "2026-03-09", "closed": True}, headers=auth
    )
    assert closed.status_code == 201 and closed.json()["closed"] is True
    replaced = await api.client.post(
        "/api/v1/availability/overrides",
        json={"date": "2026-03-09", "windows": [{"startTime": "12:00", "endTime": "15:00"}]},
        headers=auth,
    )
    assert replaced.json()["closed"] is False
    public = (await api.client.get(f"/api/v1/artists/{setup.id}/availability")).json()
    assert [(o["date"], o["windows"]) for o in public["overrides"]] == [
        ("2026-03-09", [{"startTime": "12:00", "endTime": "15:00"}])
    ]
    contradictory = await api.client.post(
        "/api/v1/availability/overrides",
        json={
            "date": "2026-03-10",
            "closed": True,
            "windows": [{"startTime": "12:00", "endTime": "15:00"}],
        },
        headers=auth,
    )
    assert contradictory.status_code == 422
    override_id = public["overrides"][0]["id"]
    assert (
        await api.client.delete(f"/api/v1/availability/overrides/{override_id}", headers=auth)
    ).status_code == 204
    assert (await api.client.get(f"/api/v1/artists/{setup.id}/availability")).json()[
        "overrides"
    ] == []


async def test_slots_follow_rules_overrides_notice_and_time_zone(api: Api) -> None:
    # The clock starts Monday 2026-03-02 10:00 UTC = 18:00 in Ulaanbaatar (UTC+8).
    setup = await approved_artist(api)
    service_id = setup.service["id"]
    url = f"/api/v1/artists/{setup.id}/slots"
    week = {
        "serviceId": service_id,
        "from": "2026-03-09T00:00:00+08:00",
        "to": "2026-03-14T00:00:00+08:00",
    }
    slots = (await api.client.get(url, params=week)).json()
    # Mon-Fri 09:00-17:00 local, 60-minute service, 30-minute step: 15 starts a day.
    assert len(slots["items"]) == 5 * 15 and slots["timeZone"] == "Asia/Ulaanbaatar"
    first = slots["items"][0]
    assert (
        first["start"] == "2026-03-09T01:00:00Z"
        and first["localStart"] == "2026-03-09T09:00:00+08:00"
    )
    assert first["end"] == "2026-03-09T02:00:00Z"

    await api.client.post(
        "/api/v1/availability/overrides",
        json={"date": "2026-03-10", "closed": True},
        headers=api.bearer(setup.session),
    )
    assert len((await api.client.get(url, params=week)).json()["items"]) == 4 * 15

    # Minimum notice (24 h by default): nothing before Tuesday 18:00 local.
    soon = {
        "serviceId": service_id,
        "from": "2026-03-02T00:00:00+08:00",
        "to": "2026-03-04T00:00:00+08:00",
    }
    assert (await api.client.get(url, params=soon)).json()["items"] == []


async def test_slot_queries_are_validated(api: Api) -> None:
    setup = await approved_artist(api)
    url = f"/api/v1/artists/{setup.id}/slots"
    sid = setup.service["id"]
    start = datetime(2026, 3, 9, tzinfo=UTC)
    too_long = {
        "serviceId": sid,
        "from": start.isoformat(),
        "to": (start + timedelta(days=63)).isoformat(),
    }
    assert (await api.client.get(url, params=too_long)).status_code == 422
    inverted = {
        "serviceId": sid,
        "from": start.isoformat(),
        "to": (start - timedelta(days=1)).isoformat(),
    }
    assert (await api.client.get(url, params=inverted)).status_code == 422
    naive = {"serviceId": sid, "from": "2026-03-09T00:00:00", "to": "2026-03-10T00:00:00"}
    assert 400 <= (await api.client.get(url, params=naive)).status_code < 500
    assert (
        await api.client.get(
            url, params={"serviceId": "nope", "from": start.isoformat(), "to": start.isoformat()}
        )
    ).status_code in (400, 422)
    unknown_service = {
        "serviceId": "01890000-0000-7000-8000-000000000000",
        "from": start.isoformat(),
        "to": (start + timedelta(days=1)).isoformat(),
    }
    assert (await api.client.get(url, params=unknown_service)).status_code == 404
    assert (await api.client.get(url, params={"from": start.isoformat()})).status_code in (400, 422)
    await api.client.post(
        f"/api/v1/admin/artists/{setup.id}/suspend", headers=api.bearer(setup.admin)
    )
    week = {
        "serviceId": sid,
        "from": start.isoformat(),
        "to": (start + timedelta(days=7)).isoformat(),
    }
    assert (await api.client.get(url, params=week)).status_code == 404
