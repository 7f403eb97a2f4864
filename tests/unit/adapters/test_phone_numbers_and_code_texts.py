"""Phone numbers read by libphonenumber, the keyed digest, and how a code's text reaches
the log: whole only in local development."""

from __future__ import annotations

import logging

import pytest
from hypothesis import given
from hypothesis import strategies as st

from adapters.notifications.code_texts import SmsCodeTexts
from adapters.notifications.sms_log import LogSmsSender
from adapters.security.digest import HmacDigest
from adapters.security.phones import LibPhoneNumbers, is_known_region

pytestmark = pytest.mark.anyio
PHONES = LibPhoneNumbers("MN")


@pytest.mark.parametrize(
    "typed",
    [
        "8811 2233",
        "+976 8811 2233",
        "+976-88-11-22-33",
        "(976) 88112233",
        "0097688112233",
        "\uff18\uff18\uff11\uff11\uff12\uff12\uff13\uff13",
    ],
)
def test_a_mongolian_mobile_however_typed_is_one_e164_number(typed: str) -> None:
    assert PHONES.mobile(typed) == "+97688112233"


@pytest.mark.parametrize(
    "typed",
    ["7011 2233", "1234", "", "8811 2233 9", "+976 8811 2233\x00", "8811 2233 x12", "+" + "9" * 60],
)
def test_landlines_fragments_and_junk_are_not_mobile_numbers(typed: str) -> None:
    assert PHONES.mobile(typed) is None


def test_another_region_reads_its_own_national_numbers() -> None:
    assert LibPhoneNumbers("GB").mobile("07400 123456") == "+447400123456"
    assert is_known_region("mn") and not is_known_region("XX")


@given(st.text(max_size=60))
def test_whatever_is_typed_is_a_valid_e164_mobile_or_none(typed: str) -> None:
    number = PHONES.mobile(typed)
    assert number is None or (number.startswith("+") and number[1:].isdigit())
    assert number is None or PHONES.mobile(number) == number  # E.164 reads back as itself


def test_the_digest_depends_on_the_key_and_every_part() -> None:
    one, other = HmacDigest("secret-one"), HmacDigest("secret-two")
    assert one.digest("code", "a", "123456") == HmacDigest("secret-one").digest(
        "code", "a", "123456"
    )
    assert one.digest("code", "a", "123456") != other.digest("code", "a", "123456")
    assert one.digest("code", "a", "123456") != one.digest("code", "a1", "23456")
    assert "secret" not in repr(one)


@pytest.mark.parametrize(("local", "shown"), [(True, "123456"), (False, "******")])
async def test_a_code_reaches_the_log_whole_only_locally(
    caplog: pytest.LogCaptureFixture, local: bool, shown: str
) -> None:
    caplog.set_level(logging.INFO, logger="inkslot.notifications")
    texts = SmsCodeTexts(LogSmsSender(), show_secrets_in_log=local)
    assert await texts.send("k", "+97688112233", "Your code is 123456.", secret=True)
    logged = " ".join(r.getMessage() for r in caplog.records)
    assert f"Your code is {shown}." in logged and "+976****2233" in logged
    assert local or "123456" not in logged


def test_a_contact_number_may_be_a_landline_but_must_be_valid() -> None:
    assert PHONES.contact("7011 2233") == "+97670112233"  # an Ulaanbaatar landline
    assert PHONES.contact("8811 2233") == "+97688112233"
    assert PHONES.contact("+976 0000 0000") is None
    assert PHONES.mobile("7011 2233") is None
