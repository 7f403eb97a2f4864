# ruff: noqa: RUF001 (Mongolian Cyrillic in names)
"""The Telegram login checks (``booking_domain.accounts.telegram``): properties over signed
payloads at an injected moment, and a cross-check against aiogram's independent
implementation of the Login Widget and Mini App checks."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import parse_qsl, urlencode

import pytest
from hypothesis import given
from hypothesis import strategies as st

from booking_domain.accounts import Role, User
from booking_domain.accounts.telegram import (
    FUTURE_SKEW,
    MAX_AGE,
    InvalidTelegramLoginError,
    TelegramBot,
    TelegramLogin,
    data_check_string,
    has_another_way_in,
    signature,
    telegram_name,
    verified_login,
    verified_web_app,
)
from booking_domain.shared import UserId, new_uuid7
from tests.support.builders import START
from tests.support.telegram import OTHER_BOT_TOKEN, TEST_BOT_TOKEN, init_data, widget_data

BOT = TelegramBot(TEST_BOT_TOKEN)
SIGNED_AT = START.replace(microsecond=0)

# Field values as Telegram may send them: any text without lone surrogates.
values = st.text(st.characters(codec="utf-8"), max_size=24)
extra_fields = st.dictionaries(
    st.from_regex(r"[a-z][a-z_]{0,11}", fullmatch=True).filter(
        lambda k: k not in ("hash", "id", "first_name", "auth_date")
    ),
    values,
    max_size=4,
)
# aiogram's Mini App check drops blank values before it hashes (Telegram sends none).
filled_extra_fields = extra_fields.map(lambda fields: {k: v or "x" for k, v in fields.items()})
moments = st.datetimes(
    min_value=datetime(2001, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)
).map(lambda moment: moment.replace(microsecond=0))


def as_received(data: dict[str, Any]) -> dict[str, str]:
    return {k: str(v) for k, v in data.items()}


@given(moments, st.integers(1, 2**52), values.filter(str.strip), extra_fields)
def test_signed_widget_data_verifies_and_says_who_signs_in(
    signed_at: datetime, telegram_id: int, first_name: str, extra: dict[str, str]
) -> None:
    fields = as_received(widget_data(signed_at, telegram_id, first_name, extra=extra))
    login = verified_login(BOT, fields, signed_at)
    assert (login.telegram_id, login.first_name) == (telegram_id, first_name)
    assert login.auth_date == signed_at and login.payload_hash == fields["hash"]
    assert login.expires_at == signed_at + MAX_AGE


@given(extra_fields, st.data())
def test_any_change_of_a_field_breaks_the_hash(extra: dict[str, str], data: st.DataObject) -> None:

    fields = as_received(widget_data(SIGNED_AT, extra=extra))
    key = data.draw(st.sampled_from(sorted(fields)))
    changed = data.draw(values.filter(lambda v: v != fields[key]))
    with pytest.raises(InvalidTelegramLoginError):
        verified_login(BOT, {**fields, key: changed}, SIGNED_AT)


@given(extra_fields, st.data())
def test_a_field_added_or_dropped_breaks_the_hash(
    extra: dict[str, str], data: st.DataObject
) -> None:
    fields = as_received(widget_data(SIGNED_AT, extra=extra))
    dropped = data.draw(st.sampled_from(sorted(k for k in fields if k != "hash")))
    with pytest.raises(InvalidTelegramLoginError):
        verified_login(BOT, {k: v for k, v in fields.items() if k != dropped}, SIGNED_AT)
    with pytest.raises(InvalidTelegramLoginError):
        verified_login(BOT, {**fields, "zz_added": data.draw(values)}, SIGNED_AT)


@given(extra_fields, st.randoms(use_true_random=False))
def test_the_order_of_the_fields_does_not_matter(
    extra: dict[str, str], shuffler: random.Random
) -> None:
    fields = as_received(widget_data(SIGNED_AT, extra=extra))
    items = list(fields.items())
    shuffler.shuffle(items)
    shuffled = dict(items)
    assert data_check_string(shuffled) == data_check_string(fields)
    assert verified_login(BOT, shuffled, SIGNED_AT) == verified_login(BOT, fields, SIGNED_AT)


@given(st.timedeltas(min_value=timedelta(0), max_value=MAX_AGE))
def test_a_login_is_in_time_up_to_exactly_one_day(age: timedelta) -> None:
    fields = as_received(widget_data(SIGNED_AT))
    assert verified_login(BOT, fields, SIGNED_AT + age).auth_date == SIGNED_AT


@given(st.timedeltas(min_value=timedelta(microseconds=1), max_value=timedelta(days=3650)))
def test_a_login_older_than_one_day_is_refused(late: timedelta) -> None:
    fields = as_received(widget_data(SIGNED_AT))
    with pytest.raises(InvalidTelegramLoginError):
        verified_login(BOT, fields, SIGNED_AT + MAX_AGE + late)


def test_a_login_from_the_future_is_refused_beyond_a_small_skew() -> None:
    fields = as_received(widget_data(SIGNED_AT))
    assert verified_login(BOT, fields, SIGNED_AT - FUTURE_SKEW)
    with pytest.raises(InvalidTelegramLoginError):
        verified_login(BOT, fields, SIGNED_AT - FUTURE_SKEW - timedelta(seconds=1))


def test_another_bots_signature_and_malformed_data_are_refused() -> None:
    for fields in (
        as_received(widget_data(SIGNED_AT, token=OTHER_BOT_TOKEN)),
        {k: v for k, v in as_received(widget_data(SIGNED_AT)).items() if k != "hash"},
        {**as_received(widget_data(SIGNED_AT)), "hash": "ABC"},
        {**as_received(widget_data(SIGNED_AT)), "hash": "ключ"},  # not ASCII
    ):
        with pytest.raises(InvalidTelegramLoginError):
            verified_login(BOT, fields, SIGNED_AT)
    key = BOT.login_widget_key
    for bad in ({"auth_date": "-1"}, {"auth_date": "1e9"}, {"auth_date": "9" * 13}, {"id": "0"}):
        fields = {"id": "7", "first_name": "Bat", "auth_date": str(int(SIGNED_AT.timestamp()))}
        fields |= bad
        with pytest.raises(InvalidTelegramLoginError):
            verified_login(BOT, {**fields, "hash": signature(key, fields)}, SIGNED_AT)


def test_a_mini_apps_init_data_verifies_and_says_who_signs_in() -> None:
    user = {"id": 77, "first_name": "Сараа", "last_name": "Бат", "language_code": "mn"}
    login = verified_web_app(BOT, init_data(SIGNED_AT, user), SIGNED_AT + timedelta(hours=2))
    assert (login.telegram_id, login.first_name, login.last_name) == (77, "Сараа", "Бат")
    assert login.locale == "mn" and telegram_name(login) == "Сараа Бат"


@given(extra_fields, st.data())
def test_any_change_of_init_data_breaks_the_hash(
    extra: dict[str, str], data: st.DataObject
) -> None:
    pairs = dict(parse_qsl(init_data(SIGNED_AT, extra=extra), keep_blank_values=True))
    key = data.draw(st.sampled_from(sorted(pairs)))
    pairs[key] = data.draw(values.filter(lambda v: v != pairs[key]))
    with pytest.raises(InvalidTelegramLoginError):
        verified_web_app(BOT, urlencode(pairs), SIGNED_AT)


def test_init_data_refusals() -> None:
    good = init_data(SIGNED_AT)
    for raw in (
        init_data(SIGNED_AT, token=OTHER_BOT_TOKEN),
        init_data(SIGNED_AT - MAX_AGE - timedelta(seconds=1)),
        good + "&user=%7B%7D",  # a key given twice
        "not a query string",
        init_data(SIGNED_AT, user={"first_name": "no id"}),
        init_data(SIGNED_AT, user={"id": True, "first_name": "Bat"}),
    ):
        with pytest.raises(InvalidTelegramLoginError):
            verified_web_app(BOT, raw, SIGNED_AT)
    key = BOT.web_app_key
    fields = {"user": "[1]", "auth_date": str(int(SIGNED_AT.timestamp()))}  # not an object
    with pytest.raises(InvalidTelegramLoginError):
        verified_web_app(BOT, urlencode({**fields, "hash": signature(key, fields)}), SIGNED_AT)


# --- against an independent implementation: aiogram's ------------------------------------
# (imported by the tests that use it: the whole of aiogram loads with it, seconds of CPU that
# every test process would pay at collection)


@given(moments, st.integers(1, 2**52), values.filter(str.strip), extra_fields)
def test_widget_data_signed_here_passes_aiogram_and_ours(
    signed_at: datetime, telegram_id: int, first_name: str, extra: dict[str, str]
) -> None:
    from aiogram.utils.auth_widget import check_signature

    fields = as_received(widget_data(signed_at, telegram_id, first_name, extra=extra))
    assert check_signature(TEST_BOT_TOKEN, **fields)
    assert verified_login(BOT, fields, signed_at).telegram_id == telegram_id
    unsigned = {k: v for k, v in fields.items() if k != "hash"}  # signed by the domain itself
    assert signature(BOT.login_widget_key, unsigned) == fields["hash"]


@given(extra_fields, st.data())
def test_tampered_widget_data_fails_aiogram_and_ours(
    extra: dict[str, str], data: st.DataObject
) -> None:
    from aiogram.utils.auth_widget import check_signature

    fields = as_received(widget_data(SIGNED_AT, extra=extra))
    key = data.draw(st.sampled_from(sorted(fields)))
    tampered = {**fields, key: data.draw(values.filter(lambda v: v != fields[key]))}
    assert not check_signature(TEST_BOT_TOKEN, **tampered)
    with pytest.raises(InvalidTelegramLoginError):
        verified_login(BOT, tampered, SIGNED_AT)


@given(st.integers(1, 2**52), values.filter(str.strip), filled_extra_fields)
def test_init_data_signed_here_passes_aiogram_and_ours(
    telegram_id: int, first_name: str, extra: dict[str, str]
) -> None:
    from aiogram.utils.web_app import check_webapp_signature

    raw = init_data(SIGNED_AT, {"id": telegram_id, "first_name": first_name}, extra=extra)
    assert check_webapp_signature(TEST_BOT_TOKEN, raw)
    assert verified_web_app(BOT, raw, SIGNED_AT).telegram_id == telegram_id


def test_init_data_aiogram_parses_is_what_we_verify_and_tampering_fails_both() -> None:
    from aiogram.utils.web_app import safe_parse_webapp_init_data

    raw = init_data(SIGNED_AT, {"id": 5, "first_name": "Bat", "username": "bat"})
    parsed = safe_parse_webapp_init_data(TEST_BOT_TOKEN, raw)
    login = verified_web_app(BOT, raw, SIGNED_AT)
    assert parsed.user is not None
    assert (parsed.user.id, parsed.user.username) == (login.telegram_id, login.username)
    assert parsed.auth_date == login.auth_date
    tampered = raw.replace("%22id%22%3A5", "%22id%22%3A6")
    assert tampered != raw
    with pytest.raises(ValueError, match="signature"):
        safe_parse_webapp_init_data(TEST_BOT_TOKEN, tampered)
    with pytest.raises(InvalidTelegramLoginError):
        verified_web_app(BOT, tampered, SIGNED_AT)
    with pytest.raises(ValueError, match="signature"):
        safe_parse_webapp_init_data(OTHER_BOT_TOKEN, raw)


# --- names, locales, ways in, the token -----------------------------------------------------


def a_login(first: str, last: str | None = None, username: str | None = None) -> TelegramLogin:
    return TelegramLogin(1, first, SIGNED_AT, "h", last_name=last, username=username)


def test_the_name_of_an_account_made_by_telegram() -> None:
    assert telegram_name(a_login("  Bat  ", " Erdene ")) == "Bat Erdene"
    assert telegram_name(a_login("x" * 200)) == "x" * 120
    assert telegram_name(a_login("\x07", username="bat_e")) == "bat_e"
    assert telegram_name(a_login("   ")) == "Telegram user"
    assert a_login("Bat").locale == "en"
    assert replace(a_login("Bat"), language_code="mn").locale == "mn"


def test_another_way_in_is_a_verified_phone_or_an_email_with_a_password() -> None:
    bare = User(UserId(new_uuid7()), None, "Bat", Role.CUSTOMER, None, START, START)
    assert not has_another_way_in(bare)
    assert not has_another_way_in(replace(bare, phone="+97688112233"))  # not verified
    assert not has_another_way_in(replace(bare, email="bat@example.com"))
    assert not has_another_way_in(replace(bare, password_hash="$argon2id$x"))
    assert has_another_way_in(replace(bare, phone="+97688112233", phone_verified=True))
    assert has_another_way_in(replace(bare, email="bat@example.com", password_hash="$argon2id$x"))


def test_the_bot_token_never_shows() -> None:
    assert TEST_BOT_TOKEN not in repr(BOT)
    assert TEST_BOT_TOKEN.split(":")[1] not in repr(BOT)
