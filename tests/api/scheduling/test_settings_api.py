"""An artist's scheduling policy over HTTP."""

from __future__ import annotations

import pytest

from tests.api.catalog_helpers import approved_artist
from tests.api.conftest import Api

pytestmark = pytest.mark.anyio


async def test_settings_change_the_policy_within_limits(api: Api) -> None:
    setup = await approved_artist(api)
    url = f"/api/v1/artists/{setup.id}/settings"
    changed = await api.client.patch(
        url,
        json={"slotStepMinutes": 15, "dailyCap": 3, "minimumNoticeMinutes": 120},
        headers=api.bearer(setup.session),
    )
    assert changed.status_code == 200
    settings = changed.json()["settings"]
    assert (
        settings["slotStepMinutes"],
        settings["dailyCap"],
        settings["minimumNoticeMinutes"],
    ) == (15, 3, 120)
    uncapped = await api.client.patch(url, json={"dailyCap": 0}, headers=api.bearer(setup.session))
    assert uncapped.json()["settings"]["dailyCap"] is None
    bad = await api.client.patch(
        url, json={"slotStepMinutes": 0}, headers=api.bearer(setup.session)
    )
    assert bad.status_code == 422
