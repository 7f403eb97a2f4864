"""/api/v1/auth/phone and /api/v1/me/phone: sign up and in by a code read from the SMS log
(as a `make run` user does), and every refusal the rules promise."""

from __future__ import annotations

import logging
import re
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from httpx import Response

from tests.api.accounts.mail import verified
from tests.api.conftest import PASSWORD, Api

pytestmark = pytest.mark.anyio
PROBLEM = "application/problem+json"
NUMBER = "8811 2233"  # a Mongolian mobile number, typed nationally
E164 = "+97688112233"
_CODE = re.compile(r"code is (\d{6})")


@pytest.fixture(autouse=True)
def _sms_log(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="inkslot.notifications")


def last_code(caplog: pytest.LogCaptureFixture) -> str:
    """The code in the newest text message the log shows (the local SMS channel)."""
    codes = [m.group(1) for r in caplog.records if (m := _CODE.search(r.getMessage()))]
    assert codes, "no code message was logged"
    return codes[-1]


async def send(
    api: Api, phone: str = NUMBER, headers: dict[str, str] | None = None, **more: Any
) -> Response:
    body = {"phone": phone, **more}
    return await api.client.post("/api/v1/auth/phone/send-code", json=body, headers=headers)


async def verify(api: Api, code: str, phone: str = NUMBER, **more: Any) -> Response:
    return await api.client.post(
        "/api/v1/auth/phone/verify", json={"phone": phone, "code": code, **more}
    )


def wrong(code: str) -> str:
    return f"{(int(code) + 1) % 1_000_000:06d}"


async def test_a_number_signs_up_with_its_code_then_signs_in_with_the_next(
    api: Api, caplog: pytest.LogCaptureFixture
) -> None:
    sent = await send(api)
    assert sent.status_code == 202, sent.text
    assert set(sent.json()) == {"expiresAt", "resendAfter"}
    assert any("+976****2233" in r.getMessage() for r in caplog.records)  # the number masked
    signed_up = await verify(api, last_code(caplog), name="Bat")
    assert signed_up.status_code == 200, signed_up.text
    user = signed_up.json()["user"]
    assert user["phone"] == E164 and user["phoneVerified"] is True
    assert user["email"] is None and user["hasPassword"] is False and user["role"] == "customer"

    api.clock.advance(timedelta(minutes=2))
    assert (await send(api, "+976 8811-2233")).status_code == 202
    signed_in = await verify(api, last_code(caplog), "+97688112233")
    assert signed_in.status_code == 200
    assert signed_in.json()["user"]["id"] == user["id"]  # the same account, no name needed
    me = await api.client.get("/api/v1/me", headers=api.bearer(signed_in.json()))
    assert me.status_code == 200 and me.json()["phone"] == E164


async def test_a_code_is_single_use_and_the_name_is_asked_before_it_is_spent(
    api: Api, caplog: pytest.LogCaptureFixture
) -> None:
    await send(api)
    code = last_code(caplog)
    nameless = await verify(api, code)
    assert nameless.status_code == 422
    assert {e["field"] for e in nameless.json()["errors"]} == {"name"}
    assert (await verify(api, code, name="Bat")).status_code == 200  # still live
    again = await verify(api, code, name="Bat")
    assert again.status_code == 401 and again.json()["code"] == "invalid_code"


async def test_five_wrong_entries_end_a_code_even_the_right_one_after(
    api: Api, caplog: pytest.LogCaptureFixture
) -> None:
    await send(api)
    code = last_code(caplog)
    for _ in range(5):
        response = await verify(api, wrong(code), name="Bat")
        assert response.status_code == 401
        assert response.headers["content-type"].startswith(PROBLEM)
    assert (await verify(api, code, name="Bat")).status_code == 401


async def test_an_expired_code_is_refused(api: Api, caplog: pytest.LogCaptureFixture) -> None:
    await send(api)
    api.clock.advance(timedelta(minutes=5))
    assert (await verify(api, last_code(caplog), name="Bat")).status_code == 401


async def test_a_resend_makes_a_new_code_and_ends_the_old_one(
    api: Api, caplog: pytest.LogCaptureFixture
) -> None:
    await send(api)
    first = last_code(caplog)
    api.clock.advance(timedelta(seconds=60))
    assert (await send(api)).status_code == 202
    second = last_code(caplog)
    if first != second:  # one chance in a million that they are equal
        assert (await verify(api, first, name="Bat")).status_code == 401
    assert (await verify(api, second, name="Bat")).status_code == 200


async def test_the_cooldown_and_the_hourly_limit_of_a_number(api: Api) -> None:
    assert (await send(api)).status_code == 202
    cooling = await send(api)
    assert cooling.status_code == 429 and cooling.json()["code"] == "code_cooldown"
    assert 1 <= int(cooling.headers["retry-after"]) <= 60
    for _ in range(4):
        api.clock.advance(timedelta(seconds=61))
        assert (await send(api)).status_code == 202
    api.clock.advance(timedelta(seconds=61))
    limited = await send(api)
    assert limited.status_code == 429 and limited.json()["code"] == "too_many_codes"
    api.clock.advance(timedelta(hours=1))
    assert (await send(api)).status_code == 202


async def test_an_address_asks_for_at_most_twenty_codes_an_hour(api: Api) -> None:
    for n in range(20):  # twenty ranges: one asker takes at most a fifth of a range's day
        assert (await send(api, f"+97688{10 + n:02d}{n:04d}")).status_code == 202
    limited = await send(api, "+97699112233")
    assert limited.status_code == 429 and limited.json()["code"] == "too_many_codes"


async def test_the_daily_budget_refuses_codes_for_everyone(make_api: Any) -> None:
    api: Api = await make_api(sms_daily_limit=2)
    assert (await send(api, "+97688110001")).status_code == 202
    assert (await send(api, "+97688110002")).status_code == 202
    spent = await send(api, "+97688110003")
    assert spent.status_code == 503 and spent.json()["code"] == "sms_budget_exhausted"
    assert int(spent.headers["retry-after"]) > 0
    api.clock.advance(timedelta(days=1))
    assert (await send(api, "+97688110003")).status_code == 202


async def test_the_answer_is_the_same_with_or_without_an_account(
    api: Api, caplog: pytest.LogCaptureFixture
) -> None:
    await send(api, "+97688110001")
    assert (await verify(api, last_code(caplog), "+97688110001", name="Bat")).status_code == 200
    api.clock.advance(timedelta(minutes=2))
    known = await send(api, "+97688110001", purpose="unlock")
    unknown = await send(api, "+97688110002", purpose="unlock")
    assert known.status_code == unknown.status_code == 202
    assert set(known.json()) == set(unknown.json())
    assert known.json()["expiresAt"] == unknown.json()["expiresAt"]


@pytest.mark.parametrize(
    "phone", ["12", "+1 202 555 01", "not a number", "7011 2233", "+976 8811\x00 2233"]
)
async def test_what_is_not_a_mobile_number_is_422_and_sends_nothing(
    api: Api, caplog: pytest.LogCaptureFixture, phone: str
) -> None:
    response = await send(api, phone)
    assert response.status_code == 422 and response.headers["content-type"].startswith(PROBLEM)
    assert not any("code is" in r.getMessage() for r in caplog.records)


async def test_a_satellite_or_foreign_mobile_is_422_unserved_in_mongolian_too(
    api: Api, caplog: pytest.LogCaptureFixture
) -> None:
    """An Iridium number (a mobile by the metadata) and a US mobile get no code."""
    for phone in ("+881 6 1234 5678", "+1 415 555 2671"):
        response = await send(api, phone, headers={"Accept-Language": "mn"})
        assert response.status_code == 422, response.text
        (error,) = response.json()["errors"]
        assert error["code"] == "unserved_phone" and error["message"].startswith("Кодыг")
    assert not any("code is" in r.getMessage() for r in caplog.records)


async def test_an_unlock_code_clears_the_locked_pair_and_signs_in(
    make_api: Any, caplog: pytest.LogCaptureFixture, tmp_path: Path
) -> None:
    api: Api = await make_api(login_max_failures=2)
    session = await api.register("ada@example.com")
    await verified(api, tmp_path, "ada@example.com")
    await send(api, purpose="phone_change", headers=api.bearer(session))
    changed = await api.client.post(
        "/api/v1/me/phone/verify",
        json={"phone": NUMBER, "code": last_code(caplog)},
        headers=api.bearer(session),
    )
    assert changed.status_code == 200 and changed.json()["phoneVerified"] is True
    for _ in range(2):
        await api.login("ada@example.com", "wrong-password-123")
    assert (await api.login("ada@example.com")).status_code == 423  # the pair is locked
    api.clock.advance(timedelta(minutes=2))
    await send(api, purpose="unlock")
    unlocked = await verify(api, last_code(caplog))
    assert unlocked.status_code == 200 and unlocked.json()["user"]["email"] == "ada@example.com"
    assert (await api.login("ada@example.com", PASSWORD)).status_code == 200


async def test_a_new_number_is_proven_by_its_code_and_the_old_one_is_told(
    api: Api, caplog: pytest.LogCaptureFixture, tmp_path: Path
) -> None:
    session = await api.register("ada@example.com")
    headers = api.bearer(session)
    assert (await send(api, purpose="phone_change")).status_code == 401  # signed in only
    await send(api, purpose="phone_change", headers=headers)
    code = last_code(caplog)
    unverified = await api.client.post(
        "/api/v1/me/phone/verify", json={"phone": NUMBER, "code": code}, headers=headers
    )
    # Whoever signed up with someone else's address adds no way in that outlives a reset.
    assert unverified.status_code == 409 and unverified.json()["code"] == "email_not_verified"
    await verified(api, tmp_path, "ada@example.com")
    proven = await api.client.post(
        "/api/v1/me/phone/verify", json={"phone": NUMBER, "code": code}, headers=headers
    )
    assert proven.status_code == 200, proven.text
    # A profile edit cannot clear a verified number; a new one waits for its code, sent.
    cleared = await api.client.patch("/api/v1/me", json={"phone": None}, headers=headers)
    assert cleared.status_code == 422 and cleared.json()["errors"][0]["code"] == "verified_phone"
    api.clock.advance(timedelta(minutes=2))
    edit = await api.client.patch("/api/v1/me", json={"phone": "9911 2233"}, headers=headers)
    assert edit.status_code == 200
    assert edit.json()["phone"] == E164 and edit.json()["pendingPhone"] == "+97699112233"
    code = last_code(caplog)
    # The code of a phone change does not sign anyone in.
    assert (await verify(api, code, "+97699112233", name="Eve")).status_code == 401
    moved = await api.client.post(
        "/api/v1/me/phone/verify", json={"phone": "+97699112233", "code": code}, headers=headers
    )
    assert moved.status_code == 200 and moved.json()["phone"] == "+97699112233"
    told = [r.getMessage() for r in caplog.records if "+976****2233" in r.getMessage()]
    assert any("ending in 2233" in m for m in told)  # the old number hears of it


async def test_a_number_another_account_verified_is_refused_after_its_code(
    api: Api, caplog: pytest.LogCaptureFixture, tmp_path: Path
) -> None:
    await send(api)
    assert (await verify(api, last_code(caplog), name="Bat")).status_code == 200
    session = await api.register("ada@example.com")
    await verified(api, tmp_path, "ada@example.com")
    api.clock.advance(timedelta(minutes=2))
    await send(api, purpose="phone_change", headers=api.bearer(session))
    taken = await api.client.post(
        "/api/v1/me/phone/verify",
        json={"phone": NUMBER, "code": last_code(caplog)},
        headers=api.bearer(session),
    )
    assert taken.status_code == 409 and taken.json()["code"] == "phone_taken"


async def test_a_phone_account_sets_its_first_password_then_signs_in_with_it(
    api: Api, caplog: pytest.LogCaptureFixture
) -> None:
    await send(api)
    session = (await verify(api, last_code(caplog), name="Bat")).json()
    changed = await api.client.post(
        "/api/v1/me/password",
        json={"currentPassword": "", "newPassword": PASSWORD},
        headers=api.bearer(session),
    )
    assert changed.status_code in (200, 204), changed.text
    me = await api.client.get("/api/v1/me", headers=api.bearer(session))
    assert me.json()["hasPassword"] is True


async def test_a_refused_code_leaves_the_whole_profile_edit_undone(
    api: Api, caplog: pytest.LogCaptureFixture
) -> None:
    await send(api)
    session = (await verify(api, last_code(caplog), name="Bat")).json()
    headers = api.bearer(session)
    edit = await api.client.patch(
        "/api/v1/me", json={"name": "Dorj", "phone": "9911 2233"}, headers=headers
    )
    assert edit.status_code == 200 and edit.json()["pendingPhone"] == "+97699112233"
    again = await api.client.patch(
        "/api/v1/me", json={"name": "Sukh", "phone": "9911 2233"}, headers=headers
    )
    assert again.status_code == 429 and again.json()["code"] == "code_cooldown"
    me = await api.client.get("/api/v1/me", headers=headers)
    assert me.json()["name"] == "Dorj"  # the refused edit changed nothing
