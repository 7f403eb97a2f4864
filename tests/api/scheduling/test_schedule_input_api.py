"""What an artist's schedule accepts over HTTP: override windows apart, override dates in
reach, and slot answers of bounded size that continue where they stopped."""

from __future__ import annotations

from typing import Any

import pytest

from tests.api.catalog_helpers import approved_artist
from tests.api.conftest import Api

pytestmark = pytest.mark.anyio
OVERRIDES = "/api/v1/availability/overrides"


async def _overrides(api: Api, artist_id: str) -> list[dict[str, Any]]:
    availability = await api.client.get(f"/api/v1/artists/{artist_id}/availability")
    return list(availability.json()["overrides"])


async def test_override_windows_on_one_date_may_touch_but_not_overlap(api: Api) -> None:
    setup = await approved_artist(api)
    auth = api.bearer(setup.session)
    overlapping = await api.client.post(
        OVERRIDES,
        json={"date": "2026-03-10", "windows": [
            {"startTime": "09:00", "endTime": "13:00"},
            {"startTime": "12:00", "endTime": "17:00"},
        ]},
        headers=auth,
    )  # fmt: skip
    assert overlapping.status_code == 422
    assert overlapping.json()["code"] == "overlapping_availability"
    assert await _overrides(api, setup.id) == []
    touching = await api.client.post(
        OVERRIDES,
        json={"date": "2026-03-10", "windows": [
            {"startTime": "13:00", "endTime": "17:00"},
            {"startTime": "09:00", "endTime": "13:00"},
        ]},
        headers=auth,
    )  # fmt: skip
    assert touching.status_code == 201, touching.text


@pytest.mark.parametrize(
    ("day", "status"),
    [
        ("2025-03-02", 201),  # a year before today (2026-03-02 in Ulaanbaatar)
        ("2025-03-01", 422),
        ("2027-05-31", 201),  # today + 90-day horizon + a year
        ("2027-06-01", 422),
        ("9999-12-31", 422),
        ("0001-01-01", 422),
    ],
)
async def test_override_dates_stay_within_reach(api: Api, day: str, status: int) -> None:
    setup = await approved_artist(api)
    response = await api.client.post(
        OVERRIDES, json={"date": day, "closed": True}, headers=api.bearer(setup.session)
    )
    assert response.status_code == status, response.text
    if status == 422:
        assert [(e["field"], e["code"]) for e in response.json()["errors"]] == [
            ("date", "out_of_range")
        ]


async def test_a_fine_grid_is_answered_in_pages_that_join_up(api: Api) -> None:
    """A 62-day range on a one-minute grid, open all day: ~85,000 starts. Each answer holds
    at most `limit` (1,000 by default) and says where to go on; the pages join up exactly."""
    setup = await approved_artist(
        api,
        rules=tuple((d, "00:00", "24:00") for d in range(7)),
        settings={"slotStepMinutes": 1, "horizonDays": 90},
    )
    url = f"/api/v1/artists/{setup.id}/slots"
    query = {"serviceId": setup.service["id"], "from": "2026-03-05T00:00:00Z",
             "to": "2026-05-06T00:00:00Z"}  # fmt: skip
    first = (await api.client.get(url, params=query)).json()
    assert len(first["items"]) == 1000
    assert first["nextFrom"] == "2026-03-05T16:40:00Z"  # 1,000 minutes after the start
    small = (await api.client.get(url, params={**query, "limit": 7})).json()
    assert small["items"] == first["items"][:7] and small["nextFrom"] == first["items"][7]["start"]
    starts, cursor, pages = [], query["from"], 0
    window = {**query, "to": "2026-03-07T00:00:00Z"}
    while cursor is not None:
        page = (await api.client.get(url, params={**window, "from": cursor})).json()
        starts += [s["start"] for s in page["items"]]
        cursor, pages = page.get("nextFrom"), pages + 1
    # Open round the clock, an appointment may run over midnight: every minute is a start.
    assert pages == 3 and len(starts) == len(set(starts)) == 2 * 24 * 60
    assert starts == sorted(starts)
    for bad in (0, 1001, -1):
        refused = await api.client.get(url, params={**query, "limit": bad})
        assert refused.status_code in (400, 422)
