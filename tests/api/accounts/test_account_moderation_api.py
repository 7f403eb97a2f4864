"""Admins lock, unlock, suspend and reinstate accounts over HTTP on real PostgreSQL: a lock
or a suspension ends the account's sessions at once (its access token is refused on the
next request, its refresh token too) and refuses sign-in; the admins' list finds accounts by
restriction and by text in the name or email, Cyrillic and accents folded."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from tests.api.conftest import Api

pytestmark = pytest.mark.anyio
USERS = "/api/v1/admin/users"


async def _act(api: Api, admin: dict[str, Any], user_id: str, action: str, **body: Any) -> Any:
    return await api.client.post(
        f"{USERS}/{user_id}/{action}", json=body or None, headers=api.bearer(admin)
    )


async def _me(api: Api, session: dict[str, Any]) -> int:
    return (await api.client.get("/api/v1/me", headers=api.bearer(session))).status_code


async def _refresh(api: Api, session: dict[str, Any]) -> int:
    body = {"refreshToken": session["tokens"]["refreshToken"]}
    return (await api.client.post("/api/v1/auth/refresh", json=body)).status_code


async def test_a_lock_ends_sessions_until_it_is_lifted(api: Api) -> None:
    admin = await api.admin()
    ada = await api.register("ada@example.com")
    ada_id = ada["user"]["id"]
    assert await _me(api, ada) == 200
    until = (api.clock.now() + timedelta(days=2)).isoformat()
    locked = await _act(api, admin, ada_id, "lock", until=until)
    assert locked.status_code == 200, locked.text
    assert locked.json()["lockedUntil"] is not None and locked.json()["suspended"] is False
    assert await _me(api, ada) == 401  # at once: the session has ended
    assert await _refresh(api, ada) == 401
    refused = await api.login("ada@example.com")
    assert (refused.status_code, refused.json()["code"]) == (423, "account_locked")

    unlocked = await _act(api, admin, ada_id, "unlock")
    assert (unlocked.status_code, unlocked.json()["lockedUntil"]) == (200, None)
    again = await _act(api, admin, ada_id, "unlock")
    assert (again.status_code, again.json()["code"]) == (409, "invalid_transition")
    assert (await api.login("ada@example.com")).status_code == 200

    for bad in (
        {"until": (api.clock.now() - timedelta(minutes=1)).isoformat()},  # the past
        {"until": (api.clock.now() + timedelta(days=366)).isoformat()},  # a suspension's job
        {"until": "2026-03-05T10:00:00"},  # no offset
        {},
    ):
        refused = await _act(api, admin, ada_id, "lock", **bad)
        assert refused.status_code == 422, (bad, refused.text)


async def test_a_suspension_lasts_until_reinstated(api: Api) -> None:
    admin = await api.admin()
    bold = await api.register("bold@example.com", role="artist", name="Bold")
    bold_id = bold["user"]["id"]
    suspended = await _act(api, admin, bold_id, "suspend")
    assert (suspended.status_code, suspended.json()["suspended"]) == (200, True)
    assert await _me(api, bold) == 401
    assert (await api.login("bold@example.com")).status_code in (401, 403)
    api.clock.advance(timedelta(days=200))  # time does not end a suspension
    assert (await api.login("bold@example.com")).status_code in (401, 403)
    relogged = await api.login(admin["user"]["email"])
    assert relogged.status_code == 200, relogged.text
    admin = relogged.json()
    back = await _act(api, admin, bold_id, "reinstate")
    assert (back.status_code, back.json().get("suspended")) == (200, False), back.text
    assert (await api.login("bold@example.com")).status_code == 200


async def test_only_admins_moderate_and_never_themselves(api: Api) -> None:
    admin = await api.admin()
    ada = await api.register("ada@example.com")
    own = await _act(api, admin, admin["user"]["id"], "suspend")
    assert (own.status_code, own.json()["code"]) == (409, "invalid_transition")
    for who, status in ((ada, 403), (None, 401)):
        headers = api.bearer(who) if who else {}
        for action in ("suspend", "unlock", "reinstate"):
            response = await api.client.post(
                f"{USERS}/{admin['user']['id']}/{action}", headers=headers
            )
            assert response.status_code == status
    missing = await _act(api, admin, "018f0000-0000-7000-8000-000000000000", "suspend")
    assert (missing.status_code, missing.json()["code"]) == (404, "user_not_found")


async def test_the_list_finds_accounts_by_restriction_and_text(api: Api) -> None:
    admin = await api.admin()
    olzii = await api.register("olzii.b@example.com", name="Өлзий Бат")
    await api.register("rene@example.com", name="René Dubois")
    await api.register("percent@example.com", name="Mr 100%")
    await _act(api, admin, olzii["user"]["id"], "suspend")

    async def emails(**params: Any) -> list[str]:
        found = await api.client.get(USERS, params=params, headers=api.bearer(admin))
        assert found.status_code == 200, found.text
        return sorted(u["email"] for u in found.json()["items"])

    assert await emails(restricted="true") == ["olzii.b@example.com"]
    assert "olzii.b@example.com" not in await emails(restricted="false")
    assert await emails(q="ӨЛЗИЙ") == ["olzii.b@example.com"]  # Cyrillic, any case
    assert await emails(q="olzii") == ["olzii.b@example.com"]  # transliterated
    assert await emails(q="rene") == ["rene@example.com"]  # accents folded
    assert await emails(q="RENE@EXAMPLE") == ["rene@example.com"]
    assert await emails(q="100%") == ["percent@example.com"]  # LIKE's % is a character
    assert await emails(q="_") == []
    assert await emails(q="olzii", role="artist") == []
    refused = await api.client.get(USERS, params={"q": "a\x00b"}, headers=api.bearer(admin))
    assert refused.status_code == 422
