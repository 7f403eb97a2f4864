"""HTTP helpers for catalog tests: an artist taken from sign-up to approved, bookable state."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tests.api.conftest import Api

# Monday to Friday, 09:00-17:00: an artist's weekly rules unless a test gives others.
WEEKDAYS_NINE_TO_FIVE = tuple((d, "09:00", "17:00") for d in range(1, 6))


@dataclass
class ArtistSetup:
    session: dict[str, Any]
    artist: dict[str, Any]
    service: dict[str, Any]
    admin: dict[str, Any]

    @property
    def id(self) -> str:
        return str(self.artist["id"])


async def create_profile(api: Api, session: dict[str, Any], **fields: Any) -> dict[str, Any]:
    body = {"displayName": "Ink Master", "timeZone": "Asia/Ulaanbaatar", **fields}
    response = await api.client.post("/api/v1/artists", json=body, headers=api.bearer(session))
    assert response.status_code == 201, response.text
    profile: dict[str, Any] = response.json()
    return profile


async def approved_artist(
    api: Api,
    email: str = "artist@example.com",
    *,
    time_zone: str = "Asia/Ulaanbaatar",
    rules: tuple[tuple[int, str, str], ...] = WEEKDAYS_NINE_TO_FIVE,
    service: dict[str, Any] | None = None,
    settings: dict[str, Any] | None = None,
    admin: dict[str, Any] | None = None,
) -> ArtistSetup:
    """Register, create the profile, add rules and a service, submit, approve."""
    session = await api.register(email, role="artist", name="Ink Master")
    auth = api.bearer(session)
    artist = await create_profile(api, session, timeZone=time_zone)
    for day, start, end in rules:
        added = await api.client.post(
            "/api/v1/availability",
            json={"day": day, "startTime": start, "endTime": end},
            headers=auth,
        )
        assert added.status_code == 201, added.text
    if settings:
        changed = await api.client.patch(
            f"/api/v1/artists/{artist['id']}/settings", json=settings, headers=auth
        )
        assert changed.status_code == 200, changed.text
    created = await api.client.post(
        f"/api/v1/artists/{artist['id']}/services",
        json=service
        or {"name": "Small tattoo", "durationMinutes": 60, "price": {"amount": 150000}},
        headers=auth,
    )
    assert created.status_code == 201, created.text
    assert (
        await api.client.post(f"/api/v1/artists/{artist['id']}/submit", headers=auth)
    ).status_code == 200
    admin = admin or await api.admin()
    approved = await api.client.patch(
        f"/api/v1/admin/artists/{artist['id']}/approval",
        json={"approved": True},
        headers=api.bearer(admin),
    )
    assert approved.status_code == 200, approved.text
    return ArtistSetup(session, approved.json(), created.json(), admin)
