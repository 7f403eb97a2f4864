"""The console's session over HTTP: signing in opens one of the account's sessions in two
HttpOnly cookies; it is refreshed when its access token runs out, ends on sign-out and on a
password change at once; forms without the session's token change nothing; only artists
(and admins) get in, only from this site, and ``next`` never leads off it."""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.api.booking_helpers import open_desk
from tests.api.conftest import PASSWORD, Api
from tests.api.console.console_helpers import act, browser, email_of, form_token, sign_in

pytestmark = pytest.mark.anyio


async def test_a_visitor_is_sent_to_sign_in_and_comes_back_where_they_were(api: Api) -> None:
    desk = await open_desk(api)
    async with browser(api) as client:
        away = await client.get("/console?day=2026-03-05", follow_redirects=False)
        assert away.status_code == 303
        target = urlsplit(away.headers["location"])
        assert target.path == "/console/sign-in"
        assert parse_qs(target.query)["next"] == ["/console?day=2026-03-05"]
        form = await client.get(away.headers["location"])
        assert form.status_code == 200 and 'name="password"' in form.text
        assert form.headers["cache-control"] == "no-store"
        assert "frame-ancestors 'none'" in form.headers["content-security-policy"]
        signed = await client.post(
            "/console/sign-in",
            data={"email": email_of(desk.artist.session), "password": PASSWORD,
                  "next": "/console?day=2026-03-05"},
            follow_redirects=False,
        )  # fmt: skip
        assert signed.status_code == 303
        assert signed.headers["location"] == "/console?day=2026-03-05"
        cookies = signed.headers.get_list("set-cookie")
        assert len(cookies) == 2
        for cookie in cookies:
            attributes = {part.strip().lower() for part in cookie.split(";")[1:]}
            assert {"httponly", "samesite=lax", "path=/console"} <= attributes
        day = await client.get("/console?day=2026-03-05")
        assert day.status_code == 200 and "Ink Master" in day.text
    # The console's session is one of the account's, listed with its others.
    listed = await api.client.get("/api/v1/me/sessions", headers=api.bearer(desk.artist.session))
    assert len(listed.json()["items"]) == 2


async def test_next_never_leads_off_the_console(api: Api) -> None:
    desk = await open_desk(api)
    for target in ("https://evil.example/console", "//evil.example/console", "/api/v1/me",
                   "/console\\@evil.example", "javascript:alert(1)"):  # fmt: skip
        async with browser(api) as client:
            signed = await client.post(
                "/console/sign-in",
                data={"email": email_of(desk.artist.session), "password": PASSWORD, "next": target},
                follow_redirects=False,
            )
            assert signed.headers["location"] == "/console", target


async def test_a_wrong_password_a_customer_and_another_site_are_refused(api: Api) -> None:
    desk = await open_desk(api)
    async with browser(api) as client:
        wrong = await sign_in(client, email_of(desk.artist.session), "not-the-password")
        assert wrong.status_code == 401 and 'role="alert"' in wrong.text
        assert "set-cookie" not in wrong.headers
        customer = await sign_in(client, email_of(desk.customer))
        assert customer.status_code == 403 and "set-cookie" not in customer.headers
        forged = await client.post(
            "/console/sign-in",
            data={"email": email_of(desk.artist.session), "password": PASSWORD},
            headers={"origin": "https://evil.example"},
        )
        assert forged.status_code == 403 and "set-cookie" not in forged.headers
    # The customer's refused console sign-in left no session behind.
    mine = await api.client.get("/api/v1/me/sessions", headers=api.bearer(desk.customer))
    assert len(mine.json()["items"]) == 1


async def test_a_form_without_the_sessions_token_changes_nothing(api: Api) -> None:
    desk = await open_desk(api, service={"requiresApproval": True})
    booking_id = await desk.booked()
    async with browser(api) as artist, browser(api) as other:
        await sign_in(artist, email_of(desk.artist.session))
        page = await artist.get(f"/console/bookings/{booking_id}")
        token = form_token(page)
        await sign_in(other, email_of(desk.artist.session))  # another session, its own token
        other_token = form_token(await other.get("/console"))
        assert other_token != token
        for bad in ("", "0" * 64, other_token):
            refused = await act(artist, booking_id, "approve", bad)
            assert refused.status_code == 403, bad
        missing = await artist.post(
            f"/console/bookings/{booking_id}/act", data={"action": "approve"}
        )
        assert missing.status_code == 403
        read = await desk.get(f"/{booking_id}", desk.artist.session)
        assert read.json()["status"] == "pending"
        approved = await act(artist, booking_id, "approve", token)
        assert approved.status_code == 200
        read = await desk.get(f"/{booking_id}", desk.artist.session)
        assert read.json()["status"] == "confirmed"


async def test_sign_out_ends_the_session_at_once(api: Api) -> None:
    desk = await open_desk(api)
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        page = await client.get("/console")
        kept = dict(client.cookies)
        out = await client.post(
            "/console/sign-out", data={"form_token": form_token(page)}, follow_redirects=False
        )
        assert out.status_code == 303 and out.headers["location"] == "/console/sign-in"
    # The cookies as they were before signing out (a copy someone kept) open nothing.
    async with browser(api) as copy:
        for name, value in kept.items():
            copy.cookies.set(name, value, domain="testserver.local", path="/console")
        again = await copy.get("/console", follow_redirects=False)
        assert again.status_code == 303 and again.headers["location"].startswith("/console/sign-in")


async def test_a_password_change_elsewhere_ends_the_console_session(api: Api) -> None:
    desk = await open_desk(api)
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        assert (await client.get("/console", follow_redirects=False)).status_code == 200
        changed = await api.client.post(
            "/api/v1/me/password",
            json={"currentPassword": PASSWORD, "newPassword": "a-brand-new-long-secret"},
            headers=api.bearer(desk.artist.session),
        )
        assert changed.status_code in (200, 204), changed.text
        ended = await client.get("/console", follow_redirects=False)
        assert ended.status_code == 303


async def test_a_run_out_access_token_is_renewed_without_signing_in_again(api: Api) -> None:
    desk = await open_desk(api)
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        first = client.cookies.get("inkslot_console")
        api.clock.advance(timedelta(minutes=20))  # past the access token's 15 minutes
        page = await client.get("/console", follow_redirects=False)
        assert page.status_code == 200
        assert client.cookies.get("inkslot_console") not in (None, first)
        assert (await client.get("/console", follow_redirects=False)).status_code == 200


async def test_a_language_chosen_at_the_foot_is_kept_and_keeps_the_page(api: Api) -> None:
    desk = await open_desk(api)
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        english = await client.get("/console?day=2026-03-05")
        assert 'lang="en"' in english.text
        assert 'href="/console?day=2026-03-05&amp;lang=mn"' in english.text
        await client.get("/console?day=2026-03-05&lang=mn")
        later = await client.get("/console/week")
        assert '<html lang="mn">' in later.text
    # The account's own language (its messages') is not changed by the page's.
    me = await api.client.get("/api/v1/me", headers=api.bearer(desk.artist.session))
    assert me.json()["locale"] == "en"
