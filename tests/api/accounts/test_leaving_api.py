"""``GET /api/v1/me/export`` and ``DELETE /api/v1/me`` through the real app on PostgreSQL
(docs/privacy.md)."""

from __future__ import annotations

import io
import json
import logging
import re
import zipfile
from datetime import timedelta
from typing import Any

import psycopg
import pytest

from adapters.postgres.database import psycopg_url
from tests.api.booking_helpers import BOOKINGS, SLOT, Desk, open_desk
from tests.api.commissions.test_projects_api import SECOND, a_quote
from tests.api.commissions.test_requests_api import REQUESTS, send
from tests.api.conftest import PASSWORD, Api
from tests.api.media.uploads import finished_upload, local_path
from tests.api.notifications.delivery import deliver

pytestmark = pytest.mark.anyio

ME = "/api/v1/me"


def _files(body: bytes) -> dict[str, Any]:
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        return {name: json.loads(archive.read(name)) for name in archive.namelist()}


async def test_the_export_holds_the_callers_data_and_no_secret(api: Api) -> None:
    desk = await open_desk(api)
    booking_id = await desk.booked()
    response = await api.client.get(f"{ME}/export", headers=desk.auth(desk.customer))
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/zip"
    assert "attachment; filename=" in response.headers["content-disposition"]
    files = _files(response.content)
    assert {"profile.json", "sessions.json", "bookings-as-customer.json", "uploads.json"} <= set(
        files
    )
    assert files["profile.json"][0]["email"] == desk.customer["user"]["email"]
    assert [b["id"] for b in files["bookings-as-customer.json"]] == [booking_id]
    text = response.content.decode("latin-1") + json.dumps(files)
    for secret in ("passwordHash", "tokenHash", "password_hash", "$argon2"):
        assert secret not in text
    artist = await api.client.get(f"{ME}/export", headers=desk.auth(desk.artist.session))
    artist_files = _files(artist.content)
    assert artist_files["artist.json"][0]["profile"]["id"] == desk.artist.id
    assert [b["id"] for b in artist_files["bookings-as-artist.json"]] == [booking_id]
    assert "bookings-as-artist.json" not in files  # a customer has no artist part


async def test_export_needs_a_session(api: Api) -> None:
    response = await api.client.get(f"{ME}/export")
    assert response.status_code == 401


async def test_a_wrong_password_deletes_nothing(api: Api) -> None:
    desk = await open_desk(api)
    booking_id = await desk.booked()
    response = await api.client.request(
        "DELETE", ME, json={"password": "not-the-password-1"}, headers=desk.auth(desk.customer)
    )
    assert response.status_code == 422, response.text
    missing = await api.client.request("DELETE", ME, json={}, headers=desk.auth(desk.customer))
    assert missing.status_code == 422
    me = await api.client.get(ME, headers=desk.auth(desk.customer))
    assert me.status_code == 200 and me.json()["name"] == "Ada"
    booking = await api.client.get(f"{BOOKINGS}/{booking_id}", headers=desk.auth(desk.customer))
    assert booking.json()["status"] == "confirmed"


async def test_deleting_cancels_upcoming_bookings_anonymises_and_ends_sign_in(api: Api) -> None:
    desk = await open_desk(api)
    booking_id = await desk.booked()
    email = desk.customer["user"]["email"]
    response = await api.client.request(
        "DELETE", ME, json={"password": PASSWORD}, headers=desk.auth(desk.customer)
    )
    assert response.status_code == 204, response.text
    # The artist still sees the booking, cancelled, and by whom.
    seen = await api.client.get(f"{BOOKINGS}/{booking_id}", headers=desk.auth(desk.artist.session))
    assert seen.status_code == 200
    assert seen.json()["status"] == "cancelled"
    # No way back in: password, refresh, the old access token.
    assert (await api.login(email)).status_code == 401
    refresh = await api.client.post(
        "/api/v1/auth/refresh", json={"refreshToken": desk.customer["tokens"]["refreshToken"]}
    )
    assert refresh.status_code == 401
    assert (await api.client.get(ME, headers=desk.auth(desk.customer))).status_code == 401
    # The row keeps only what is kept.
    user_id = desk.customer["user"]["id"]
    async with await psycopg.AsyncConnection.connect(psycopg_url(api.database_url)) as conn:
        row = await (
            await conn.execute(
                "SELECT name, email, phone, password_hash, phone_verified, email_verified,"
                " disabled, deleted_at, locale FROM users WHERE id = %s",
                (user_id,),
            )
        ).fetchone()
        audit = await (
            await conn.execute(
                "SELECT count(*) FROM audit_log WHERE action = 'account.deleted' AND target = %s",
                (f"user/{user_id}",),
            )
        ).fetchone()
    assert row is not None and audit is not None
    name, mail, phone, password_hash, phone_ok, email_ok, disabled, deleted_at, locale = row
    assert (name, mail, phone, password_hash) == ("Deleted user", None, None, None)
    assert (phone_ok, email_ok, disabled, locale) == (False, False, True, "en")
    assert deleted_at is not None
    assert audit[0] == 1
    # The email is free for a new account.
    again = await api.register(email, name="Ada Again")
    assert again["user"]["id"] != user_id


async def test_a_deleted_artist_leaves_the_public_listing(api: Api) -> None:
    desk = await open_desk(api)
    booking_id = await desk.booked()
    response = await api.client.request(
        "DELETE", ME, json={"password": PASSWORD}, headers=desk.auth(desk.artist.session)
    )
    assert response.status_code == 204, response.text
    public = await api.client.get(f"/api/v1/artists/{desk.artist.id}")
    assert public.status_code == 404
    listing = await api.client.get("/api/v1/artists")
    assert desk.artist.id not in {a["id"] for a in listing.json()["items"]}
    seen = await api.client.get(f"{BOOKINGS}/{booking_id}", headers=desk.auth(desk.customer))
    assert seen.json()["status"] == "cancelled"


async def test_a_deleted_artist_s_webhook_endpoints_are_switched_off(api: Api) -> None:
    """Nothing that happens after the deletion (a review of theirs, a booking they had) is
    signed and sent to the leaver's servers: their endpoints are off, their log kept."""
    desk = await open_desk(api)
    artist = desk.auth(desk.artist.session)
    body = {"url": "https://hooks.example.com/inkslot", "events": ["*"]}
    made = await api.client.post("/api/v1/webhooks", json=body, headers=artist)
    assert made.status_code == 201, made.text
    response = await api.client.request("DELETE", ME, json={"password": PASSWORD}, headers=artist)
    assert response.status_code == 204, response.text
    kept = await api.client.get(
        f"/api/v1/webhooks/{made.json()['id']}", headers=desk.auth(desk.admin)
    )
    assert kept.status_code == 200 and kept.json()["active"] is False


async def test_wrong_passwords_at_deletion_lock_the_pair_like_sign_in(make_api: Any) -> None:
    api: Api = await make_api(login_max_failures=2)
    session = await api.register("ada@example.com")
    headers = api.bearer(session)
    for _ in range(2):
        wrong = await api.client.request(
            "DELETE", ME, json={"password": "not-the-password-1"}, headers=headers
        )
        assert wrong.status_code == 422
    locked = await api.client.request("DELETE", ME, json={"password": PASSWORD}, headers=headers)
    assert locked.status_code == 423  # guessing through deletion is stopped as at sign-in
    assert (await api.client.get(ME, headers=headers)).status_code == 200


async def test_an_account_made_by_phone_code_is_deleted_with_a_fresh_code(
    api: Api, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="inkslot.notifications")

    def code() -> str:
        found = [
            m.group(1)
            for r in caplog.records
            if (m := re.search(r"code is (\d{6})", r.getMessage()))
        ]
        return found[-1]

    send = {"phone": "8811 2233"}
    await api.client.post("/api/v1/auth/phone/send-code", json=send)
    signed_in = await api.client.post(
        "/api/v1/auth/phone/verify", json={**send, "code": code(), "name": "Bat"}
    )
    headers = api.bearer(signed_in.json())
    refused = await api.client.request("DELETE", ME, json={"password": PASSWORD}, headers=headers)
    assert refused.status_code == 422  # no password to prove: a code is asked for
    api.clock.advance(timedelta(minutes=2))
    await api.client.post("/api/v1/auth/phone/send-code", json=send)
    wrong = await api.client.request(
        "DELETE",
        ME,
        json={**send, "code": "000000" if code() != "000000" else "111111"},
        headers=headers,
    )
    assert wrong.status_code == 401 and wrong.json()["code"] == "invalid_code"
    deleted = await api.client.request("DELETE", ME, json={**send, "code": code()}, headers=headers)
    assert deleted.status_code == 204, deleted.text
    api.clock.advance(timedelta(minutes=2))
    await api.client.post("/api/v1/auth/phone/send-code", json=send)
    again = await api.client.post(
        "/api/v1/auth/phone/verify", json={**send, "code": code(), "name": "Bat"}
    )
    # The number is free again: a new account, not the deleted one.
    assert again.status_code == 200 and again.json()["user"]["id"] != signed_in.json()["user"]["id"]


async def _talked_over(api: Api, desk: Desk) -> tuple[str, list[str]]:
    """A tattoo request from the desk's customer, with a reference picture, accepted by the
    artist with a message, then a message with a picture from each party. Returns its id
    and the paths of the customer's pictures (their small variants)."""
    customer, artist = desk.auth(desk.customer), desk.auth(desk.artist.session)
    reference = await finished_upload(api, customer, purpose="idea")
    api.clock.advance(timedelta(minutes=1))
    sent = await send(desk, uploadIds=[reference["id"]])
    assert sent.status_code == 201, sent.text
    request_id = sent.json()["request"]["id"]
    path = f"{REQUESTS}/{request_id}"
    api.clock.advance(timedelta(minutes=1))
    accepted = await api.client.post(f"{path}/accept", json={"message": "Yes!"}, headers=artist)
    assert accepted.status_code == 200, accepted.text
    for who, text in ((customer, "My wrist, see"), (artist, "Like this sketch?")):
        api.clock.advance(timedelta(minutes=1))
        picture = await finished_upload(api, who, purpose="idea")
        said = await api.client.post(
            f"{path}/messages", json={"text": text, "uploadId": picture["id"]}, headers=who
        )
        assert said.status_code == 201, said.text
    seen = (await api.client.get(path, headers=customer)).json()
    thread = (await api.client.get(f"{path}/messages", headers=customer)).json()["items"]
    pictures = [seen["images"][0]["variants"], thread[1]["images"]]
    paths = [
        local_path(v["url"]) for variants in pictures for v in variants if v["name"] == "small"
    ]
    assert len(paths) == 2
    return request_id, paths


async def _quoted(api: Api, desk: Desk, request_id: str) -> tuple[str, str]:
    """The talked-over request quoted twice by its artist (each with a note), its second
    revision accepted by the customer with its first session (asking the deposit). Returns
    the project's id and the session's booking id."""
    artist, customer = desk.auth(desk.artist.session), desk.auth(desk.customer)
    quotes = f"{REQUESTS}/{request_id}/quotes"
    for note in ("Two sittings, linework first", "Revised: same terms"):
        api.clock.advance(timedelta(minutes=1))
        made = await api.client.post(quotes, json=a_quote(note=note), headers=artist)
        assert made.status_code == 201, made.text
    started = await api.client.post(
        f"/api/v1/quotes/{made.json()['id']}/accept", json={"start": SLOT}, headers=customer
    )
    assert started.status_code == 201, started.text
    return started.json()["project"]["id"], started.json()["booking"]["bookingId"]


async def test_the_export_holds_the_tattoo_requests_of_each_party_with_their_threads(
    api: Api,
) -> None:
    desk = await open_desk(api)
    request_id, _ = await _talked_over(api, desk)
    project_id, booking_id = await _quoted(api, desk, request_id)
    other = await api.register("bold@example.com", name="Bold")
    assert (await send(desk, other)).status_code == 201  # another customer's: not theirs
    for session, file, other_file in (
        (desk.customer, "requests-as-customer.json", "requests-as-artist.json"),
        (desk.artist.session, "requests-as-artist.json", "requests-as-customer.json"),
    ):
        response = await api.client.get(f"{ME}/export", headers=desk.auth(session))
        files = _files(response.content)
        mine = files[file]
        if session is desk.customer:
            assert [r["request"]["id"] for r in mine] == [request_id]
        else:  # the artist's: both requests to them, newest first
            assert [r["request"]["id"] for r in mine][-1] == request_id
        (exported,) = [r for r in mine if r["request"]["id"] == request_id]
        assert exported["request"]["details"]["idea"] == "A fox curled around the wrist, fine line"
        assert (
            len(exported["request"]["images"]) == 1 and exported["request"]["images"][0]["uploadId"]
        )
        assert [
            (m["authorRole"], m["text"], bool(m["uploadId"])) for m in exported["messages"]
        ] == [
            ("artist", "Yes!", False),
            ("customer", "My wrist, see", True),
            ("artist", "Like this sketch?", True),
        ]
        # Its quotes, by revision, with their terms and notes; its project and sessions.
        assert [
            (q["revision"], q["status"], q["terms"]["note"], q["terms"]["sessions"])
            for q in exported["quotes"]
        ] == [
            (1, "superseded", "Two sittings, linework first", 2),
            (2, "accepted", "Revised: same terms", 2),
        ]
        assert exported["quotes"][1]["terms"]["priceMin"] == {
            "amount": 60_000_000,
            "currency": "MNT",
        }
        assert exported["quotes"][0]["createdAt"] < exported["quotes"][1]["createdAt"]
        project = exported["project"]
        assert (project["id"], project["status"], project["quoteId"]) == (
            project_id, "active", exported["quotes"][1]["id"],
        )  # fmt: skip
        assert project["sessions"] == [
            {"bookingId": booking_id, "start": SLOT, "status": "pending",
             "holdsDeposit": True, "closes": False,
             "holdExpiresAt": project["sessions"][0]["holdExpiresAt"]},
        ]  # fmt: skip
        for others in (r for r in mine if r["request"]["id"] != request_id):
            assert (others["quotes"], others["project"]) == ([], None)
        assert files.get(other_file, []) == []


async def test_a_deleted_customer_s_requests_close_and_keep_nothing_of_theirs(api: Api) -> None:
    desk = await open_desk(api)
    request_id, customer_pictures = await _talked_over(api, desk)
    project_id, booking_id = await _quoted(api, desk, request_id)
    artist = desk.auth(desk.artist.session)
    for picture in customer_pictures:
        assert (await api.client.get(picture)).status_code == 200
    response = await api.client.request(
        "DELETE", ME, json={"password": PASSWORD}, headers=desk.auth(desk.customer)
    )
    assert response.status_code == 204, response.text
    seen = await api.client.get(f"{REQUESTS}/{request_id}", headers=artist)
    assert seen.status_code == 200, seen.text
    request = seen.json()["request"]
    assert (request["status"], request["idea"], request["placement"]["text"]) == (
        "withdrawn", "", "",
    )  # fmt: skip
    assert (request["imageCount"], seen.json()["images"]) == (0, [])
    thread = await api.client.get(f"{REQUESTS}/{request_id}/messages", headers=artist)
    assert [(m["authorRole"], m["text"], len(m["images"]) > 0) for m in thread.json()["items"]] == [
        ("artist", "Yes!", False), ("customer", "", False), ("artist", "Like this sketch?", True),
    ]  # fmt: skip
    for picture in customer_pictures:  # the objects are gone
        assert (await api.client.get(picture)).status_code == 404
    # The notes are the artist's: they stay. The project is cancelled with its session.
    quotes = await api.client.get(f"{REQUESTS}/{request_id}/quotes", headers=artist)
    assert [q["note"] for q in quotes.json()["items"]] == [
        "Two sittings, linework first", "Revised: same terms",
    ]  # fmt: skip
    project = (await api.client.get(f"/api/v1/projects/{project_id}", headers=artist)).json()
    assert (project["state"], [s["status"] for s in project["sessions"]]) == (
        "cancelled", ["cancelled"],
    )  # fmt: skip
    booking = (await api.client.get(f"{BOOKINGS}/{booking_id}", headers=artist)).json()
    assert booking["status"] == "cancelled"
    await deliver(api)
    inbox = (await api.client.get("/api/v1/me/notifications", headers=artist)).json()["items"]
    # The request's closing (the newest of the request's), and the session's cancellation.
    links = [(i["link"] or "", i["title"]) for i in inbox]
    of_request = [title for link, title in links if link.endswith(f"/requests/{request_id}")]
    assert any("Deleted user" in title for title in of_request)
    assert any(link.endswith(f"/bookings/{booking_id}") for link, _ in links)


async def test_a_deleted_artist_s_requests_are_declined_and_keep_nothing_of_theirs(
    api: Api,
) -> None:
    desk = await open_desk(api)
    request_id, _ = await _talked_over(api, desk)
    project_id, booking_id = await _quoted(api, desk, request_id)
    customer = desk.auth(desk.customer)
    response = await api.client.request(
        "DELETE", ME, json={"password": PASSWORD}, headers=desk.auth(desk.artist.session)
    )
    assert response.status_code == 204, response.text
    # The artist's notes are erased; the terms stay. The project ends: nothing more to book.
    quotes = await api.client.get(f"{REQUESTS}/{request_id}/quotes", headers=customer)
    assert [(q["revision"], q["note"], q["priceMin"]) for q in quotes.json()["items"]] == [
        (1, "", {"amount": 60_000_000, "currency": "MNT"}),
        (2, "", {"amount": 60_000_000, "currency": "MNT"}),
    ]
    path = f"/api/v1/projects/{project_id}"
    project = (await api.client.get(path, headers=customer)).json()
    assert (project["state"], [s["status"] for s in project["sessions"]]) == (
        "cancelled", ["cancelled"],
    )  # fmt: skip
    booking = (await api.client.get(f"{BOOKINGS}/{booking_id}", headers=customer)).json()
    assert booking["status"] == "cancelled"
    again = await api.client.post(f"{path}/sessions", json={"start": SECOND}, headers=customer)
    assert (again.status_code, again.json()["code"]) == (409, "project_closed")
    exported = _files((await api.client.get(f"{ME}/export", headers=customer)).content)
    (kept,) = exported["requests-as-customer.json"]
    assert [q["terms"]["note"] for q in kept["quotes"]] == ["", ""]
    assert kept["project"]["status"] == "cancelled"
    seen = await api.client.get(f"{REQUESTS}/{request_id}", headers=customer)
    request = seen.json()["request"]
    # The customer's own words and picture stay theirs.
    assert (request["status"], request["idea"]) == (
        "declined", "A fox curled around the wrist, fine line",
    )  # fmt: skip
    assert len(seen.json()["images"]) == 1
    thread = await api.client.get(f"{REQUESTS}/{request_id}/messages", headers=customer)
    assert [(m["authorRole"], m["text"], len(m["images"]) > 0) for m in thread.json()["items"]] == [
        ("artist", "", False), ("customer", "My wrist, see", True), ("artist", "", False),
    ]  # fmt: skip
