"""HTTP helpers for booking tests: an approved artist (through the real endpoints), customers,
and one-line booking calls. The clock starts Monday 2026-03-02 10:00 UTC."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from uuid import uuid4

from httpx import Response

from tests.api.catalog_helpers import ArtistSetup, approved_artist
from tests.api.conftest import Api

BOOKINGS = "/api/v1/bookings"
SLOT = "2026-03-05T10:00:00Z"  # Thursday, 72 h after the clock's start
WEEKDAYS = tuple((d, "09:00", "17:00") for d in range(1, 6))


@dataclass
class Desk:
    """One artist and a few people around them, on one API."""

    api: Api
    artist: ArtistSetup
    customer: dict[str, Any]

    @property
    def admin(self) -> dict[str, Any]:
        return self.artist.admin

    def auth(self, session: dict[str, Any]) -> dict[str, str]:
        return self.api.bearer(session)

    async def customer_named(self, name: str) -> dict[str, Any]:
        return await self.api.register(f"{name}-{uuid4().hex[:6]}@example.com", name=name)

    async def book(
        self,
        start: str = SLOT,
        session: dict[str, Any] | None = None,
        *,
        key: str | None = None,
        **body: Any,
    ) -> Response:
        headers = self.auth(session or self.customer)
        if key is not None:
            headers["Idempotency-Key"] = key
        payload = {
            "artistId": self.artist.id,
            "serviceId": self.artist.service["id"],
            "start": start,
            **body,
        }
        return await self.api.client.post(BOOKINGS, json=payload, headers=headers)

    async def booked(self, start: str = SLOT, session: dict[str, Any] | None = None) -> str:
        response = await self.book(start, session)
        assert response.status_code == 201, response.text
        return str(response.json()["id"])

    async def patch(self, booking_id: str, session: dict[str, Any], **body: Any) -> Response:
        return await self.api.client.patch(
            f"{BOOKINGS}/{booking_id}", json=body, headers=self.auth(session)
        )

    async def get(self, path: str, session: dict[str, Any] | None, **params: Any) -> Response:
        headers = self.auth(session) if session else {}
        return await self.api.client.get(f"{BOOKINGS}{path}", params=params, headers=headers)


async def open_desk(
    api: Api,
    *,
    service: dict[str, Any] | None = None,
    settings: dict[str, Any] | None = None,
    admin: dict[str, Any] | None = None,
) -> Desk:
    """An approved artist in UTC, weekdays 09:00-17:00, with one service, and a customer.
    A second desk on the same API passes the first one's ``admin``."""
    service = {
        "name": "Small tattoo",
        "durationMinutes": 60,
        "price": {"amount": 150_000},
        **(service or {}),
    }
    artist = await approved_artist(
        api, f"artist-{uuid4().hex[:6]}@example.com", time_zone="Africa/Abidjan", rules=WEEKDAYS,
        service=service, settings=settings, admin=admin,
    )  # fmt: skip
    customer = await api.register(f"ada-{uuid4().hex[:6]}@example.com", name="Ada")
    return Desk(api, artist, customer)
