# ruff: noqa: RUF001 (look-alike and other-script characters, on purpose)
"""The console's consent forms over HTTP (``/console/settings/consent``): a form written
(version 1), edited (each change a new version, the earlier one still shown), previewed as
a customer signs it, required and not; a field refused naming its question or field;
another artist's form "not found" and unchanged; a form without its token doing nothing;
Mongolian; and no 5xx for anything a browser sends. Each is read back through the API."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import httpx
import pytest

from tests.api.booking_helpers import Desk, open_desk
from tests.api.conftest import Api
from tests.api.console.console_helpers import browser, email_of, form_token, sign_in

pytestmark = pytest.mark.anyio
PAGE = "/console/settings/consent"
FIELDS = {
    "title": "Tattoo consent",
    "locale": "en",
    "statement": "I understand a tattoo is permanent.",
    "q0_kind": "yes_no",
    "q0_prompt": "Have you eaten today?",
    "q0_required": "yes",
    "q0_dates": "any",
    "q1_kind": "date",
    "q1_prompt": "Your date of birth",
    "q1_required": "yes",
    "q1_dates": "past",
    "q2_kind": "health:allergies",
    "q2_prompt": "",
    "q2_required": "yes",
    "q2_dates": "any",
    "q3_kind": "yes_no",  # a blank row: no question
    "q3_prompt": "",
}


async def _api(api: Api, desk: Desk, path: str) -> httpx.Response:
    return await api.client.get(f"/api/v1{path}", headers=api.bearer(desk.artist.session))


async def _forms(api: Api, desk: Desk) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = (
        await _api(api, desk, f"/artists/{desk.artist.id}/consent-forms")
    ).json()
    return found


async def _post(client: httpx.AsyncClient, path: str, token: str, **fields: str) -> httpx.Response:
    return await client.post(f"{PAGE}{path}", data={"form_token": token, **fields})


async def test_a_form_is_written_previewed_edited_and_required(api: Api) -> None:
    desk = await open_desk(api)
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        page = await client.get(PAGE)
        assert page.status_code == 200 and "No consent forms yet" in page.text
        token = form_token(page)
        made = await _post(client, "", token, **FIELDS)
        assert made.status_code == 200 and "?saved=1" in str(made.url)
        text = made.text
        assert "What a customer signs (version 1)" in text
        assert "Have you eaten today?" in text and "Not after the day of signing" in text
        assert "I am 18 or older" in text  # the confirmations a customer signs, as shown
        [summary] = await _forms(api, desk)
        form = (await _api(api, desk, f"/consent-forms/{summary['id']}")).json()
        assert [(q["kind"], q["disclosure"], q["dates"]) for q in form["content"]["questions"]] == [
            ("yes_no", None, "any"), ("date", None, "past"), ("health", "allergies", "any"),
        ]  # fmt: skip
        edited = await _post(
            client, f"/{form['id']}", token, **{**FIELDS, "q0_prompt": "Slept well?"}
        )
        assert edited.status_code == 200 and "What a customer signs (version 2)" in edited.text
        first = await client.get(f"{PAGE}/{form['id']}?version=1")
        assert "Have you eaten today?" in first.text and "(version 1)" in first.text
        for missing in ("3", "0", "9" * 30, "x"):  # no such version: the current one
            current = await client.get(f"{PAGE}/{form['id']}?version={missing}")
            assert current.status_code == 200 and "(version 2)" in current.text, missing
        required = await _post(client, "/requirement", token, form_id=form["id"])
        assert required.status_code == 200 and "Required now" in required.text
    found = (await _api(api, desk, f"/consent-forms/{form['id']}")).json()
    assert found["version"] == 2 and found["versions"] == [1, 2] and found["required"] is True
    assert found["content"]["questions"][0]["prompt"] == "Slept well?"
    requirement = (await _api(api, desk, f"/artists/{desk.artist.id}/consent-requirement")).json()
    assert requirement["formId"] == form["id"]


async def test_no_form_required_and_a_form_retired(api: Api) -> None:
    desk = await open_desk(api)
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        token = form_token(await client.get(PAGE))
        await _post(client, "", token, **FIELDS)
        [form] = await _forms(api, desk)
        await _post(client, "/requirement", token, form_id=form["id"])
        in_use = await _post(client, f"/{form['id']}/retire", token)
        assert in_use.status_code == 409  # the form required cannot be retired
        none = await _post(client, "/requirement", token, form_id="")
        assert none.status_code == 200 and "Required now" not in none.text
        retired = await _post(client, f"/{form['id']}/retire", token)
        assert retired.status_code == 200 and "No consent forms yet" in retired.text
    assert await _forms(api, desk) == []


@pytest.mark.parametrize(
    ("fields", "said"),
    [
        ({"title": ""}, "Title: 1 to 200 characters."),
        ({"q1_kind": "date", "q1_prompt": "x" * 501}, "Question 2: 1 to 500 characters."),
        ({"q3_kind": "health:allergies"}, "Question 4: Each disclosure once."),
        ({"q0_kind": "signature"}, "Question 1: Not one we offer."),
        ({"q1_dates": "someday"}, "Question 2: Not one we offer."),
        ({"locale": "fr"}, "Language of the form: Not one we offer."),
        ({"q0_prompt": "bad\x00words"}, "Question 1:"),
    ],
)  # fmt: skip
async def test_a_field_refused_is_named_and_nothing_is_made(
    api: Api, fields: dict[str, str], said: str
) -> None:
    desk = await open_desk(api)
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        token = form_token(await client.get(PAGE))
        refused = await _post(client, "", token, **{**FIELDS, **fields})
        assert refused.status_code == 422 and 'role="alert"' in refused.text
        assert said in refused.text, refused.text.split('role="alert">')[1][:400]
        assert 'value="Tattoo consent"' in refused.text or fields.get("title") == ""  # kept
    assert await _forms(api, desk) == []


async def test_the_pages_speak_mongolian(api: Api) -> None:
    desk = await open_desk(api)
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        page = await client.get(f"{PAGE}?lang=mn")
        assert "<h1>Зөвшөөрлийн маягтууд</h1>" in page.text
        made = await _post(client, "", form_token(page), **{**FIELDS, "locale": "mn"})
        assert "Үйлчлүүлэгчийн гарын үсэг зурах зүйл" in made.text
        assert "Харшил" in made.text or "харшил" in made.text  # the disclosure, in Mongolian
        refused = await _post(client, "", form_token(page), **{**FIELDS, "q0_kind": "x"})
        assert refused.status_code == 422 and "Асуулт 1:" in refused.text


async def test_another_artists_form_is_not_found_and_unchanged(api: Api) -> None:
    mine = await open_desk(api)
    theirs = await open_desk(api, admin=mine.admin)
    body = {"title": "Theirs", "questions": [{"kind": "yes_no", "prompt": "Ready?"}]}
    made = await api.client.post(
        f"/api/v1/artists/{theirs.artist.id}/consent-forms",
        json=body,
        headers=api.bearer(theirs.artist.session),
    )
    assert made.status_code == 201, made.text
    their_id = made.json()["id"]
    async with browser(api) as client:
        await sign_in(client, email_of(mine.artist.session))
        token = form_token(await client.get(PAGE))
        assert (await client.get(f"{PAGE}/{their_id}")).status_code == 404
        assert (await _post(client, f"/{their_id}", token, **FIELDS)).status_code == 404
        assert (await _post(client, f"/{their_id}/retire", token)).status_code == 404
        assert (await _post(client, "/requirement", token, form_id=their_id)).status_code == 404
    [theirs_now] = await _forms(api, theirs)
    assert theirs_now["version"] == 1 and theirs_now["status"] == "active"
    assert (await _api(api, mine, f"/artists/{mine.artist.id}/consent-requirement")).json()[
        "formId"
    ] is None


async def test_a_form_without_its_token_changes_nothing(api: Api) -> None:
    desk = await open_desk(api)
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        token = form_token(await client.get(PAGE))
        await _post(client, "", token, **FIELDS)
        [form] = await _forms(api, desk)
        posts: tuple[tuple[str, dict[str, str]], ...] = (
            ("", FIELDS),
            (f"/{form['id']}", FIELDS),
            (f"/{form['id']}/retire", {}),
            ("/requirement", {"form_id": form["id"]}),
        )
        for path, fields in posts:
            assert (await client.post(f"{PAGE}{path}", data=fields)).status_code == 403, path
            stolen = await client.post(f"{PAGE}{path}", data={**fields, "form_token": "0" * 64})
            assert stolen.status_code == 403, path
    after = (await _api(api, desk, f"/consent-forms/{form['id']}")).json()
    assert after["version"] == 1 and after["required"] is False


async def test_nothing_a_browser_sends_makes_a_server_error(api: Api) -> None:
    desk = await open_desk(api)
    odd_texts = ["", "\x00", "x" * 9000, "9" * 400, "-1", "１２", "🙂", "health:", "health:x"]
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        token = form_token(await client.get(PAGE))
        for odd in odd_texts:
            for name in ("title", "locale", "statement", "q0_kind", "q0_prompt", "q1_dates"):
                answer = await _post(client, "", token, **{**FIELDS, name: odd})
                assert answer.status_code < 500, (name, odd[:20], answer.status_code)
            in_path = quote(odd[:40], safe="")
            for path in (f"/{in_path}", f"/{in_path}/retire"):
                answer = await _post(client, path, token, **FIELDS)
                assert answer.status_code < 500, (path, answer.status_code)
            answer = await _post(client, "/requirement", token, form_id=odd)
            assert answer.status_code < 500, (odd[:20], answer.status_code)
            shown = await client.get(f"{PAGE}/{in_path}?version={quote(odd[:20], safe='')}")
            assert shown.status_code < 500
        for raw in (b"form_token=\xff\xfe&title=\xc3", b"\x00\x00", b"%ZZ=%", b"a" * 100_000):
            answer = await client.post(
                PAGE, content=raw, headers={"content-type": "application/x-www-form-urlencoded"}
            )
            assert answer.status_code < 500, (raw[:20], answer.status_code)
