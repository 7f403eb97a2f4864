# ruff: noqa: RUF001 (Mongolian Cyrillic in the expected texts)
"""The console's studio over HTTP: an artist creates a studio, makes an invite link, a
second artist opens it (through signing in), joins with one form; the owner sees both
columns of the studio's day and removes the guest after asking; a member sees only their
own clients and never the studio's day; every form carries the form token."""

from __future__ import annotations

import re
from urllib.parse import unquote

import httpx
import pytest

from tests.api.booking_helpers import SLOT, Desk, open_desk
from tests.api.conftest import Api
from tests.api.console.console_helpers import browser, email_of, form_token, sign_in

pytestmark = pytest.mark.anyio
_INVITE = re.compile(r'value="(https?://[^"]+/console/studio-invites/([A-Za-z0-9_-]+))"')
_STUDIO = re.compile(r'/console/studio/([0-9a-f-]{36})/invites"')


async def _create_studio(client: httpx.AsyncClient) -> str:
    page = await client.get("/console/studio")
    assert page.status_code == 200 and "Create a studio" in page.text
    made = await client.post(
        "/console/studio/new",
        data={"form_token": form_token(page), "name": "Blue Ink", "address": "Peace Ave 1",
              "city": "Ulaanbaatar"},
    )  # fmt: skip
    assert made.status_code == 200 and "/console/studio?studio=" in str(made.url)
    found = _STUDIO.search(made.text)
    assert found is not None, made.text[:800]
    return found.group(1)


async def _invite(client: httpx.AsyncClient, studio: str) -> str:
    page = await client.get("/console/studio")
    made = await client.post(
        f"/console/studio/{studio}/invites", data={"form_token": form_token(page), "note": "Anu"}
    )
    assert made.status_code == 200, made.text
    found = _INVITE.search(made.text)
    assert found is not None and "data:image/svg+xml" in made.text
    return found.group(2)


async def _owner_and_guest(api: Api) -> tuple[Desk, Desk, str]:
    owner = await open_desk(api)
    guest = await open_desk(api, admin=owner.admin)
    async with browser(api) as client:
        await sign_in(client, email_of(owner.artist.session))
        studio = await _create_studio(client)
        token = await _invite(client, studio)
    async with browser(api) as client:
        signed_out = await client.get(f"/console/studio-invites/{token}", follow_redirects=False)
        assert signed_out.status_code == 303
        assert unquote(signed_out.headers["location"]).endswith(
            f"next=/console/studio-invites/{token}"
        )
        await sign_in(client, email_of(guest.artist.session))
        page = await client.get(f"/console/studio-invites/{token}")
        assert page.status_code == 200 and "Join Blue Ink" in page.text
        joined = await client.post(
            f"/console/studio-invites/{token}", data={"form_token": form_token(page)}
        )
        assert joined.status_code == 200 and str(joined.url).endswith("/console/studio")
        assert "You work at Blue Ink" in joined.text
    return owner, guest, studio


async def test_an_owner_invites_and_a_guest_joins_through_the_console(api: Api) -> None:
    owner, guest, _ = await _owner_and_guest(api)
    await owner.booked(SLOT)
    guest_customer = await owner.customer_named("Bolor")
    await Desk(api, guest.artist, guest_customer).booked(SLOT, guest_customer)
    async with browser(api) as client:
        await sign_in(client, email_of(owner.artist.session))
        day = await client.get("/console/studio/day", params={"day": "2026-03-05"})
        assert day.status_code == 200, day.text
        assert day.text.count('class="studio-column"') == 2
        assert "Bolor" in day.text and "Ada" in day.text
        assert "tel:" not in day.text and "/console/bookings/" not in day.text
        mongolian = await client.get("/console/studio/day?day=2026-03-05&lang=mn")
        assert "Гишүүд ба урилгууд" in mongolian.text
        studio_page = await client.get("/console/studio?lang=en")
        assert "No open invites." in studio_page.text  # the invite was used


async def test_a_member_sees_only_their_own_clients_and_no_studio_day(api: Api) -> None:
    owner, guest, _ = await _owner_and_guest(api)
    await owner.booked(SLOT)  # Ada, the owner's customer
    bolor = await owner.customer_named("Bolor")
    await Desk(api, guest.artist, bolor).booked(SLOT, bolor)
    async with browser(api) as client:
        await sign_in(client, email_of(guest.artist.session))
        roster = await client.get("/console/clients")
        assert "Bolor" in roster.text and "Ada" not in roster.text
        day = await client.get("/console/studio/day", params={"day": "2026-03-05"})
        assert day.status_code == 403 and "Ada" not in day.text
    async with browser(api) as client:
        await sign_in(client, email_of(owner.artist.session))
        roster = await client.get("/console/clients")
        assert "Ada" in roster.text and "Bolor" not in roster.text


async def test_the_owner_removes_a_member_after_asking(api: Api) -> None:
    owner, guest, studio = await _owner_and_guest(api)
    path = f"/console/studio/{studio}/members/{guest.artist.id}/remove"
    async with browser(api) as client:
        await sign_in(client, email_of(owner.artist.session))
        asked = await client.get(path)
        assert asked.status_code == 200 and "Remove Ink Master from Blue Ink?" in asked.text
        stale = await client.post(path, data={"form_token": "0" * 32})
        assert stale.status_code == 403
        removed = await client.post(path, data={"form_token": form_token(asked)})
        assert removed.status_code == 200 and "Remove…" not in removed.text
        again = await client.get(path)
        assert again.status_code == 404
    profile = await api.client.get(f"/api/v1/artists/{guest.artist.id}")
    assert profile.json()["studioId"] is None


async def test_bad_invites_and_addresses_are_said_plainly(api: Api) -> None:
    owner = await open_desk(api)
    async with browser(api) as client:
        await sign_in(client, email_of(owner.artist.session))
        for token in ("x" * 32, "short", "%00" * 20):
            page = await client.get(f"/console/studio-invites/{token}")
            assert page.status_code == 404 and "Studio invite not found." in page.text
        for path in (
            "/console/studio/nope/members/nope/remove",
            "/console/studio/day?studio=nope",
            "/console/studio/day?day=9999-12-31",
        ):
            answer = await client.get(path)
            assert 400 <= answer.status_code < 500, path
