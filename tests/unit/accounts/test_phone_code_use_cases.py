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
    TooManyCodesError,
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


@pytest.mark.parametrize(
    ("number", "refusal"),
    [
        ("+881612345678", "unserved_phone"),  # Iridium: a mobile by the metadata
        ("+870301234567", "unserved_phone"),  # Inmarsat: the same
        ("+8823421234", "unserved_phone"),  # an International Networks mobile
        ("+883510012345", "invalid_phone"),  # no mobile at all
        ("+14155552671", "unserved_phone"),  # a US mobile: a region not served
    ],
)
async def test_codes_go_only_to_the_served_region_never_to_satellite_or_premium_ranges(
    app: App, caplog: pytest.LogCaptureFixture, number: str, refusal: str
) -> None:
    """Satellite and international-network numbers (mobiles by the metadata) and a US
    mobile get nothing, as 422, and spend none of the day's budget."""
    for _ in range(4):
        with pytest.raises(InvalidInputError) as refused:
            await send(app, number)
        assert [e.code for e in refused.value.errors] == [refusal]
    assert not [r for r in caplog.records if number[-4:] in r.getMessage()]
    for served in ("88112233", "99112233", "95112233"):  # the budget of 3 is whole
        await send(app, served)


async def test_a_range_of_numbers_has_a_daily_budget_whatever_asks() -> None:
    """Sends to one block of 10,000 numbers from many addresses stop at its daily limit;
    other blocks, and so everyone else's sign-in, go on."""
    app = build_app(clock=ManualClock(START), sms_range_daily_limit=3)
    for i in range(3):
        await app.accounts.send_phone_code(
            phone=f"+9768811000{i}", purpose=CodePurpose.SIGN_IN, address=f"203.0.113.{i}"
        )
    with pytest.raises(TooManyCodesError) as refused:
        await app.accounts.send_phone_code(
            phone="+97688119999", purpose=CodePurpose.SIGN_IN, address="203.0.113.50"
        )
    assert refused.value.retry_after_seconds == 24 * 3600
    await app.accounts.send_phone_code(
        phone="+97688120000", purpose=CodePurpose.SIGN_IN, address="203.0.113.50"
    )


async def test_an_ipv6_network_asks_as_one_address() -> None:
    """Twenty codes from one /64 network in an hour are its last, whichever of its
    addresses asks; another network is not held back."""
    app = build_app(clock=ManualClock(START))
    for i in range(20):
        app.clock.advance(timedelta(seconds=1))
        await app.accounts.send_phone_code(
            # Numbers of twenty ranges: a range takes at most a fifth of its day from one asker.
            phone=f"+97688{10 + i:02d}{i:04d}",
            purpose=CodePurpose.SIGN_IN,
            address=f"2001:db8:0:1::{i:x}",
        )
    with pytest.raises(TooManyCodesError):
        await app.accounts.send_phone_code(
            phone="+97699110000", purpose=CodePurpose.SIGN_IN, address="2001:db8:0:1:ab::1"
        )
    await app.accounts.send_phone_code(
        phone="+97699110000", purpose=CodePurpose.SIGN_IN, address="2001:db8:0:2::1"
    )
