"""Driving the artist's console over HTTP as a browser does: cookies kept by the client,
forms posted with the token the page carries."""

from __future__ import annotations

import re
from typing import Any

import httpx

from tests.api.conftest import PASSWORD, Api, client_of

_TOKEN = re.compile(r'name="form_token" value="([0-9a-f]+)"')


def browser(api: Api) -> httpx.AsyncClient:
    """A client of its own (its own cookie jar), on the same app."""
    return client_of(api.app)


async def sign_in(
    client: httpx.AsyncClient, email: str, password: str = PASSWORD
) -> httpx.Response:
    return await client.post("/console/sign-in", data={"email": email, "password": password})


def form_token(page: httpx.Response) -> str:
    found = _TOKEN.search(page.text)
    assert found is not None, page.text[:500]
    return found.group(1)


async def act(
    client: httpx.AsyncClient, booking_id: str, action: str, token: str, **fields: Any
) -> httpx.Response:
    body = {"form_token": token, "action": action, **fields}
    return await client.post(f"/console/bookings/{booking_id}/act", data=body)


def email_of(session: dict[str, Any]) -> str:
    return str(session["user"]["email"])
