"""Twilio over HTTP on real PostgreSQL: a booking's texts go to Twilio (a fake Messages
API) with the API's status callback URL, and Twilio's signed delivery reports posted to it
are recorded; a report signed otherwise is refused (403) and a malformed one is a 4xx
problem, and neither changes anything."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlencode

import psycopg
import pytest
from psycopg.rows import dict_row

from adapters.postgres.database import psycopg_url
from tests.api.booking_helpers import Desk, open_desk
from tests.api.conftest import Api, ApiFactory
from tests.api.notifications.delivery import deliver, prove_phone
from tests.support.fake_twilio import (
    ACCOUNT_SID,
    AUTH_TOKEN,
    FakeTwilio,
    serving,
    sign,
    signed_callback,
)

pytestmark = pytest.mark.anyio

PUBLIC = "https://api.inkslot.test"
STATUS = "/api/v1/sms/twilio/status"
CALLBACK = PUBLIC + STATUS
FORM = {"Content-Type": "application/x-www-form-urlencoded"}


@pytest.fixture
def twilio() -> Iterator[tuple[FakeTwilio, str]]:
    fake = FakeTwilio()
    with serving(fake) as url:
        yield fake, url


@pytest.fixture
async def api(make_api: ApiFactory, twilio: tuple[FakeTwilio, str]) -> Api:
    return await make_api(
        public_url=PUBLIC, sms_provider="twilio", twilio_account_sid=ACCOUNT_SID,
        twilio_auth_token=AUTH_TOKEN, twilio_from="+15005550006", twilio_base_url=twilio[1],
    )  # fmt: skip


async def texted_customer(api: Api) -> Desk:
    desk = await open_desk(api)
    await prove_phone(api, desk.customer["user"]["id"], "+97688112233")
    await desk.booked()
    await deliver(api)
    return desk


async def delivery_of(api: Api, sid: str) -> dict[str, Any]:
    async with await psycopg.AsyncConnection.connect(
        psycopg_url(api.database_url), autocommit=True
    ) as conn:
        cursor = conn.cursor(row_factory=dict_row)
        await cursor.execute(
            "SELECT status, delivery_status, delivery_error, delivery_reported_at"
            "  FROM notifications WHERE channel = 'sms' AND reference = %s",
            (sid,),
        )
        [row] = await cursor.fetchall()
    return dict(row)


async def post_report(api: Api, form: dict[str, str], signature: str) -> Any:
    return await api.client.post(
        STATUS, content=urlencode(form), headers={**FORM, "X-Twilio-Signature": signature}
    )


async def test_texts_ask_for_reports_and_signed_reports_are_recorded_forward_only(
    api: Api, twilio: tuple[FakeTwilio, str]
) -> None:
    await texted_customer(api)
    sms = twilio[0].sent[0]
    assert sms.to == "+97688112233" and sms.status_callback == CALLBACK
    assert (await delivery_of(api, sms.sid))["delivery_status"] is None

    for status in ("sent", "delivered", "sent", "failed"):  # late and contrary news ignored
        response = await post_report(api, *signed_callback(CALLBACK, sms.sid, status))
        assert response.status_code == 204, response.text

    row = await delivery_of(api, sms.sid)
    assert (row["status"], row["delivery_status"], row["delivery_error"]) == (
        "sent", "delivered", None,
    )  # fmt: skip
    assert row["delivery_reported_at"] is not None


async def test_an_undelivered_text_keeps_twilios_error_code(
    api: Api, twilio: tuple[FakeTwilio, str]
) -> None:
    await texted_customer(api)
    sid = twilio[0].sent[0].sid

    signed = signed_callback(CALLBACK, sid, "undelivered", error_code="30003")
    assert (await post_report(api, *signed)).status_code == 204

    row = await delivery_of(api, sid)
    assert (row["delivery_status"], row["delivery_error"]) == ("undelivered", "30003")


async def test_a_report_of_a_text_not_ours_is_answered_204(api: Api) -> None:
    form, signature = signed_callback(CALLBACK, "SM" + "e" * 32, "delivered")

    response = await post_report(api, form, signature)

    assert response.status_code == 204, response.text


async def test_a_badly_signed_report_is_403_and_changes_nothing(
    api: Api, twilio: tuple[FakeTwilio, str]
) -> None:
    await texted_customer(api)
    sid = twilio[0].sent[0].sid
    form, good = signed_callback(CALLBACK, sid, "delivered")
    forged = [
        sign(CALLBACK, form, token="not-the-token"),
        sign("http://testserver.local" + STATUS, form),  # the request's URL, not the public one
        good[:-4] + "AAA=",
    ]

    for signature in forged:
        response = await post_report(api, form, signature)
        assert response.status_code == 403, response.text
        assert response.headers["content-type"].startswith("application/problem+json")
        assert response.json()["code"] == "unsigned_delivery_report"
        assert AUTH_TOKEN not in response.text
    unsigned = await api.client.post(STATUS, content=urlencode(form), headers=FORM)
    assert unsigned.status_code == 403
    changed = await post_report(api, {**form, "MessageStatus": "failed"}, good)
    assert changed.status_code == 403

    assert (await delivery_of(api, sid))["delivery_status"] is None


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (b"MessageSid=SM1&MessageStatus=sent", "application/x-www-form-urlencoded"),
        (b"MessageStatus=sent", "application/x-www-form-urlencoded"),
        (b"\xff\xfe=\xff", "application/x-www-form-urlencoded"),
        (b"a=1&a=2", "application/x-www-form-urlencoded"),
        (b"%%%", "application/x-www-form-urlencoded"),
        (b"", "application/x-www-form-urlencoded"),
        (b'{"MessageSid": "x"}', "application/json"),
        (b"MessageSid=x", "text/plain"),
    ],
)
async def test_a_malformed_report_is_a_4xx_problem(
    api: Api, body: bytes, content_type: str
) -> None:
    """Signed or not, a body that is no Twilio report never reaches a 500."""
    form = {"MessageSid": "SM1", "MessageStatus": "sent"}
    for signature in (sign(CALLBACK, form), "", "x"):
        response = await api.client.post(
            STATUS,
            content=body,
            headers={"Content-Type": content_type, "X-Twilio-Signature": signature},
        )
        assert 400 <= response.status_code < 500, (body, response.status_code, response.text)
        assert response.headers["content-type"].startswith("application/problem+json")


async def test_a_signed_report_with_a_malformed_message_sid_is_422(api: Api) -> None:
    form = {"MessageSid": "SM1", "MessageStatus": "sent"}

    response = await post_report(api, form, sign(CALLBACK, form))

    assert response.status_code == 422 and response.json()["code"] == "invalid_delivery_report"


async def test_without_twilio_every_report_is_refused(make_api: ApiFactory) -> None:
    plain = await make_api(public_url=PUBLIC)
    form, signature = signed_callback(CALLBACK, "SM" + "e" * 32, "delivered")

    response = await post_report(plain, form, signature)

    assert response.status_code == 403
