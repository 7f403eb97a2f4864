# ruff: noqa: RUF001 (digits of other scripts and fullwidth ones, on purpose)
"""Signing in to the console with a code texted to a phone (the API's phone-code sign-in):
a number no account has proved makes an artist's account and opens the console; a wrong
code is said and opens nothing; another site's form is refused; a customer's number is
told the console is not theirs."""

from __future__ import annotations

import logging
import re
from datetime import timedelta

import httpx
import pytest

from tests.api.conftest import Api
from tests.api.console.console_helpers import browser

pytestmark = pytest.mark.anyio
NUMBER = "8811 2233"
_CODE = re.compile(r"code is (\d{6})")


@pytest.fixture(autouse=True)
def _sms_log(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="inkslot.notifications")


def _last_code(caplog: pytest.LogCaptureFixture) -> str:
    codes = [m.group(1) for r in caplog.records if (m := _CODE.search(r.getMessage()))]
    assert codes, "no code was texted"
    return codes[-1]


async def _send(client: httpx.AsyncClient, phone: str = NUMBER) -> httpx.Response:
    return await client.post("/console/sign-in/code", data={"phone": phone, "next": "/console"})


async def test_a_new_number_signs_up_as_an_artist_and_opens_the_console(
    api: Api, caplog: pytest.LogCaptureFixture
) -> None:
    async with browser(api) as client:
        asked = await _send(client)
        assert asked.status_code == 200 and 'name="code"' in asked.text
        assert "8811 2233" in asked.text  # the number as typed, to check it
        code = _last_code(caplog)
        wrong = f"{(int(code) + 1) % 1_000_000:06d}"
        refused = await client.post(
            "/console/sign-in/phone", data={"phone": NUMBER, "code": wrong, "name": "Saraa"}
        )
        assert refused.status_code == 422 and 'role="alert"' in refused.text
        assert "set-cookie" not in refused.headers
        signed = await client.post(
            "/console/sign-in/phone",
            data={"phone": NUMBER, "code": code, "name": "Saraa", "next": "/console"},
            follow_redirects=False,
        )
        assert signed.status_code == 303 and signed.headers["location"] == "/console"
        home = await client.get("/console")
        assert home.status_code == 200 and "No artist profile yet" in home.text


async def test_another_sites_form_is_refused_and_sends_nothing(
    api: Api, caplog: pytest.LogCaptureFixture
) -> None:
    async with browser(api) as client:
        forged = await client.post(
            "/console/sign-in/code",
            data={"phone": NUMBER},
            headers={"origin": "https://evil.example", "sec-fetch-site": "cross-site"},
        )
        assert forged.status_code == 403
    assert not any(_CODE.search(r.getMessage()) for r in caplog.records)


async def test_a_customers_number_is_told_the_console_is_not_theirs(
    api: Api, caplog: pytest.LogCaptureFixture
) -> None:
    await api.client.post("/api/v1/auth/phone/send-code", json={"phone": NUMBER})
    made = await api.client.post(
        "/api/v1/auth/phone/verify",
        json={"phone": NUMBER, "code": _last_code(caplog), "name": "Ada"},
    )
    assert made.status_code in (200, 201), made.text
    api.clock.advance(timedelta(minutes=5))  # past the wait before another code
    async with browser(api) as client:
        assert (await _send(client)).status_code == 200
        refused = await client.post(
            "/console/sign-in/phone", data={"phone": NUMBER, "code": _last_code(caplog)}
        )
        assert refused.status_code == 403 and "set-cookie" not in refused.headers


async def test_odd_numbers_and_codes_are_never_a_server_error(api: Api) -> None:
    odd = ["", "\x00", "+881 1234 5678", "٨٨١١٢٢٣٣", "x" * 500, "+" + "9" * 40, "８８１１２２３３"]
    async with browser(api) as client:
        for text in odd:
            assert (await _send(client, text)).status_code < 500, text
            answer = await client.post(
                "/console/sign-in/phone", data={"phone": text, "code": text, "name": text}
            )
            assert answer.status_code < 500, text
