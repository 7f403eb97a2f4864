"""Phone code use cases on the in-memory adapters with a manual clock: a code's whole life,
from the text that carries it to its purge, and the rules that hold around it."""

from __future__ import annotations

import logging
import re
from datetime import timedelta

import pytest

from adapters.system.clock import ManualClock
from booking_domain.accounts.phone_codes import (
    CodeCooldownError,
    CodePurpose,
    InvalidCodeError,
    SmsBudgetExhaustedError,
)
from booking_domain.shared import InvalidInputError, NotAuthenticatedError
from tests.support.bootstrap import App, build_app
from tests.support.builders import START

pytestmark = pytest.mark.anyio
ADDRESS = "198.51.100.7"
_CODE = re.compile(r"code is (\d{6})")


@pytest.fixture
def app() -> App:
    return build_app(clock=ManualClock(START), sms_daily_limit=3)


@pytest.fixture(autouse=True)
def _sms_log(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="inkslot.notifications")


def code_in(caplog: pytest.LogCaptureFixture) -> str:
    return [m.group(1) for r in caplog.records if (m := _CODE.search(r.getMessage()))][-1]


async def send(
    app: App, phone: str = "88112233", purpose: CodePurpose = CodePurpose.SIGN_IN
) -> None:
    await app.accounts.send_phone_code(phone=phone, purpose=purpose, address=ADDRESS)


async def test_a_code_signs_up_once_and_its_record_is_purged_after_a_day(
    app: App, caplog: pytest.LogCaptureFixture
) -> None:
    await send(app)
    signed = await app.accounts.sign_in_with_phone_code(
        phone="+97688112233", code=code_in(caplog), address=ADDRESS, name="Bat"
    )
    assert signed.user.phone == "+97688112233" and signed.user.phone_verified
    assert signed.user.email is None and signed.user.password_hash is None
    with pytest.raises(InvalidCodeError):
        await app.accounts.sign_in_with_phone_code(
            phone="88112233", code=code_in(caplog), address=ADDRESS
        )
    assert await app.accounts.purge_phone_codes() == 0
    app.clock.advance(timedelta(days=1, seconds=1))
    assert await app.accounts.purge_phone_codes() == 1


async def test_the_cooldown_the_budget_and_who_may_ask_for_a_phone_change(app: App) -> None:
    await send(app)
    with pytest.raises(CodeCooldownError):
        await send(app)
    await send(app, "99112233")
    await send(app, "95112233")
    with pytest.raises(SmsBudgetExhaustedError) as spent:
        await send(app, "94112233")
    assert spent.value.retry_after_seconds > 0
    with pytest.raises(NotAuthenticatedError):
        await send(app, "94112233", purpose=CodePurpose.PHONE_CHANGE)
    with pytest.raises(InvalidInputError):
        await send(app, "7011 2233")  # a landline gets no texts
