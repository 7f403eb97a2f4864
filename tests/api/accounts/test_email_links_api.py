"""Email links over HTTP, read from the `.eml` files the local mail channel writes (as a
`make run` user reads them in var/mail): verification at sign-up and on a change of
address, and the forgotten-password reset."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.api.accounts.mail import mail_to, token_in
from tests.api.conftest import PASSWORD, Api

pytestmark = pytest.mark.anyio
NEW_PASSWORD = "amber-lantern-thicket"


async def test_sign_up_sends_a_link_that_verifies_the_address_once(
    api: Api, tmp_path: Path
) -> None:
    session = await api.register("ada@example.com")
    assert session["user"]["emailVerified"] is False
    mail = await mail_to(tmp_path, "ada@example.com", "Confirm your email address")
    token = token_in(mail)
    verified = await api.client.post("/api/v1/auth/email/verify", json={"token": token})
    assert verified.status_code == 200 and verified.json()["emailVerified"] is True
    again = await api.client.post("/api/v1/auth/email/verify", json={"token": token})
    assert again.status_code == 401 and again.json()["code"] == "invalid_link"
    resend = await api.client.post("/api/v1/me/email/verification", headers=api.bearer(session))
    assert resend.status_code == 409  # verified already


@pytest.mark.parametrize("token", ["", "x" * 500, "nope", "a\x00b", "../../etc"])
async def test_a_bad_token_is_a_problem_and_changes_nothing(api: Api, token: str) -> None:
    response = await api.client.post("/api/v1/auth/email/verify", json={"token": token})
    assert response.status_code in (401, 422)
    assert response.headers["content-type"].startswith("application/problem+json")


async def test_a_verification_link_expires_after_a_day(api: Api, tmp_path: Path) -> None:
    await api.register("ada@example.com")
    token = token_in(await mail_to(tmp_path, "ada@example.com", "Confirm your email address"))
    api.clock.advance(timedelta(hours=24))
    response = await api.client.post("/api/v1/auth/email/verify", json={"token": token})
    assert response.status_code == 401


async def test_a_new_address_changes_only_when_its_link_is_opened_and_the_old_is_told(
    api: Api, tmp_path: Path
) -> None:
    session = await api.register("ada@example.com")
    headers = api.bearer(session)
    asked = await api.client.post(
        "/api/v1/me/email", json={"email": "Ada.New@Example.com"}, headers=headers
    )
    assert asked.status_code == 202 and asked.json()["email"] == "ada.new@example.com"
    me = await api.client.get("/api/v1/me", headers=headers)
    assert me.json()["email"] == "ada@example.com"  # the old one until the link is opened
    await mail_to(tmp_path, "ada@example.com", "Your email address is changing")
    link = await mail_to(tmp_path, "ada.new@example.com", "Confirm your email address")
    moved = await api.client.post("/api/v1/auth/email/verify", json={"token": token_in(link)})
    assert moved.status_code == 200
    assert moved.json()["email"] == "ada.new@example.com" and moved.json()["emailVerified"]
    assert (await api.login("ada.new@example.com")).status_code == 200
    assert (await api.login("ada@example.com")).status_code == 401


async def test_a_taken_address_is_refused(api: Api) -> None:
    await api.register("eve@example.com")
    session = await api.register("ada@example.com")
    taken = await api.client.post(
        "/api/v1/me/email", json={"email": "eve@example.com"}, headers=api.bearer(session)
    )
    assert taken.status_code == 409 and taken.json()["code"] == "email_taken"


async def test_a_reset_link_sets_the_password_once_and_ends_every_session(
    api: Api, tmp_path: Path
) -> None:
    session = await api.register("ada@example.com")
    unknown = await api.client.post(
        "/api/v1/auth/password/forgot", json={"email": "nobody@example.com"}
    )
    known = await api.client.post("/api/v1/auth/password/forgot", json={"email": "ADA@example.com"})
    assert unknown.status_code == known.status_code == 202
    assert unknown.json() == known.json()
    token = token_in(await mail_to(tmp_path, "ada@example.com", "Reset your password"))

    weak = await api.client.post(
        "/api/v1/auth/password/reset", json={"token": token, "password": "short"}
    )
    assert weak.status_code == 422  # and the link still works:
    reset = await api.client.post(
        "/api/v1/auth/password/reset", json={"token": token, "password": NEW_PASSWORD}
    )
    assert reset.status_code == 204
    assert (await api.login("ada@example.com", PASSWORD)).status_code == 401
    assert (await api.login("ada@example.com", NEW_PASSWORD)).status_code == 200
    refreshed = await api.client.post(
        "/api/v1/auth/refresh", json={"refreshToken": session["tokens"]["refreshToken"]}
    )
    assert refreshed.status_code == 401  # the session from before the reset has ended
    replay = await api.client.post(
        "/api/v1/auth/password/reset", json={"token": token, "password": "another-long-phrase"}
    )
    assert replay.status_code == 401


async def test_a_second_reset_link_ends_the_first_and_links_expire_in_30_minutes(
    api: Api, tmp_path: Path
) -> None:
    await api.register("ada@example.com")
    body: dict[str, Any] = {"email": "ada@example.com"}
    await api.client.post("/api/v1/auth/password/forgot", json=body)
    first = token_in(await mail_to(tmp_path, "ada@example.com", "Reset your password"))
    await api.client.post("/api/v1/auth/password/forgot", json=body)
    second = token_in(await mail_to(tmp_path, "ada@example.com", "Reset your password", count=2))
    assert first != second
    used = {"token": first, "password": NEW_PASSWORD}
    assert (await api.client.post("/api/v1/auth/password/reset", json=used)).status_code == 401
    api.clock.advance(timedelta(minutes=30))
    late = {"token": second, "password": NEW_PASSWORD}
    assert (await api.client.post("/api/v1/auth/password/reset", json=late)).status_code == 401


async def test_an_unlock_link_clears_the_locked_pair_and_signs_in(
    make_api: Any, tmp_path: Path
) -> None:
    api: Api = await make_api(login_max_failures=2)
    await api.register("ada@example.com")
    for _ in range(2):
        await api.login("ada@example.com", "wrong-password-123")
    assert (await api.login("ada@example.com")).status_code == 423
    for address in ("ada@example.com", "nobody@example.com"):
        asked = await api.client.post("/api/v1/auth/unlock", json={"email": address})
        assert asked.status_code == 202 and asked.json() == {"status": "accepted"}
    token = token_in(await mail_to(tmp_path, "ada@example.com", "Sign in to your account"))
    unlocked = await api.client.post("/api/v1/auth/unlock/verify", json={"token": token})
    assert unlocked.status_code == 200 and unlocked.json()["user"]["emailVerified"] is True
    assert (await api.login("ada@example.com")).status_code == 200
    again = await api.client.post("/api/v1/auth/unlock/verify", json={"token": token})
    assert again.status_code == 401


async def test_a_profile_edit_of_the_email_waits_for_the_new_addresss_link(
    api: Api, tmp_path: Path
) -> None:
    session = await api.register("ada@example.com")
    headers = api.bearer(session)
    edit = await api.client.patch(
        "/api/v1/me", json={"name": "Ada L", "email": "ada.l@example.com"}, headers=headers
    )
    assert edit.status_code == 200, edit.text
    body = edit.json()
    assert body["name"] == "Ada L" and body["email"] == "ada@example.com"
    assert body["pendingEmail"] == "ada.l@example.com"
    await mail_to(tmp_path, "ada@example.com", "Your email address is changing")
    link = await mail_to(tmp_path, "ada.l@example.com", "Confirm your email address")
    moved = await api.client.post("/api/v1/auth/email/verify", json={"token": token_in(link)})
    assert moved.json()["email"] == "ada.l@example.com"
    bad = await api.client.patch(
        "/api/v1/me", json={"name": "Eve", "email": "not an email"}, headers=headers
    )
    assert bad.status_code == 422  # and nothing changed:
    assert (await api.client.get("/api/v1/me", headers=headers)).json()["name"] == "Ada L"


async def test_a_reset_link_to_an_address_the_account_left_opens_nothing(
    api: Api, tmp_path: Path
) -> None:
    session = await api.register("ada@example.com")
    await api.client.post("/api/v1/auth/password/forgot", json={"email": "ada@example.com"})
    await api.client.post("/api/v1/auth/unlock", json={"email": "ada@example.com"})
    reset = token_in(await mail_to(tmp_path, "ada@example.com", "Reset your password"))
    unlock = token_in(await mail_to(tmp_path, "ada@example.com", "Sign in to your account"))
    await api.client.post(
        "/api/v1/me/email", json={"email": "ada.safe@example.com"}, headers=api.bearer(session)
    )
    link = await mail_to(tmp_path, "ada.safe@example.com", "Confirm your email address")
    await api.client.post("/api/v1/auth/email/verify", json={"token": token_in(link)})
    # Whoever still reads the old mailbox cannot use what was sent there.
    taken = {"token": reset, "password": NEW_PASSWORD}
    assert (await api.client.post("/api/v1/auth/password/reset", json=taken)).status_code == 401
    in_again = {"token": unlock}
    assert (await api.client.post("/api/v1/auth/unlock/verify", json=in_again)).status_code == 401


async def test_a_password_change_ends_the_live_reset_links(api: Api, tmp_path: Path) -> None:
    session = await api.register("ada@example.com")
    await api.client.post("/api/v1/auth/password/forgot", json={"email": "ada@example.com"})
    reset = token_in(await mail_to(tmp_path, "ada@example.com", "Reset your password"))
    changed = await api.client.post(
        "/api/v1/me/password",
        json={"currentPassword": PASSWORD, "newPassword": NEW_PASSWORD},
        headers=api.bearer(session),
    )
    assert changed.status_code in (200, 204)
    late = {"token": reset, "password": "another-long-phrase-9"}
    assert (await api.client.post("/api/v1/auth/password/reset", json=late)).status_code == 401
