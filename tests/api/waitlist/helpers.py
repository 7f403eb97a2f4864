"""HTTP helpers for the waitlist's api tests: joining, reading one's entries, answering,
and the worker's share (the hold sweep, the reader) run on the app's own bundles, as the
worker would, at the test's clock."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from httpx import Response

from tests.api.booking_helpers import SLOT, Desk

WAITLIST = "/api/v1/waitlist"
MINE = "/api/v1/me/waitlist"
DAY = SLOT[:10]  # the slot's local date (the desk's artist works in UTC)


def problem(response: Response) -> tuple[int, str]:
    return response.status_code, response.json()["code"]


def field_codes(response: Response) -> list[str]:
    assert response.status_code == 422, response.text
    return [e["code"] for e in response.json()["errors"]]


def instant(text: str) -> datetime:
    return datetime.fromisoformat(text)


async def join(
    desk: Desk,
    session: dict[str, Any],
    first: str = DAY,
    last: str | None = None,
    **body: Any,
) -> Response:
    payload = {
        "serviceId": desk.artist.service["id"],
        "firstDate": first,
        "lastDate": last or first,
        **body,
    }
    return await desk.api.client.post(
        f"/api/v1/artists/{desk.artist.id}/waitlist", json=payload, headers=desk.auth(session)
    )


async def joined(
    desk: Desk, session: dict[str, Any], first: str = DAY, last: str | None = None
) -> str:
    response = await join(desk, session, first, last)
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


async def mine(desk: Desk, session: dict[str, Any]) -> dict[str, Any]:
    response = await desk.api.client.get(MINE, headers=desk.auth(session))
    assert response.status_code == 200, response.text
    page: dict[str, Any] = response.json()
    return page


async def entry(desk: Desk, session: dict[str, Any], entry_id: str) -> dict[str, Any]:
    response = await desk.api.client.get(f"{WAITLIST}/{entry_id}", headers=desk.auth(session))
    assert response.status_code == 200, response.text
    found: dict[str, Any] = response.json()
    return found


async def answer(desk: Desk, session: dict[str, Any], booking_id: str, how: str) -> Response:
    return await desk.api.client.post(
        f"{WAITLIST}/offers/{booking_id}/{how}", headers=desk.auth(session)
    )


async def offers_made(desk: Desk) -> int:
    """One run of the worker's reader: how many offers it made."""
    return await desk.api.bundles.waitlist.offer_freed_times()


async def holds_swept(desk: Desk) -> int:
    """One run of the worker's hold sweep (``inkslot:expire_holds``)."""
    return await desk.api.bundles.bookings.expire_holds()


def settings_url(desk: Desk) -> str:
    return f"/api/v1/artists/{desk.artist.id}/waitlist/settings"


def stats_url(desk: Desk) -> str:
    return f"/api/v1/artists/{desk.artist.id}/waitlist/stats"
