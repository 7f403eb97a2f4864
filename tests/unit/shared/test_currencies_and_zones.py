"""What a client may name: circulating currencies, and time zones of places."""

from __future__ import annotations

import string
from zoneinfo import available_timezones

import pytest
from hypothesis import given
from hypothesis import strategies as st

from booking_domain.shared import (
    CIRCULATING_CURRENCIES,
    GEOGRAPHIC_AREAS,
    InvalidInputError,
    is_geographic_zone,
    require_known_currency,
)

CODES = st.text(string.ascii_uppercase, min_size=3, max_size=3)


@given(CODES)
def test_a_code_is_accepted_exactly_when_it_is_circulating_money(code: str) -> None:
    if code in CIRCULATING_CURRENCIES:
        require_known_currency(code, "price.currency")
    else:
        with pytest.raises(InvalidInputError) as caught:
            require_known_currency(code, "price.currency")
        assert [(e.field, e.code) for e in caught.value.errors] == [
            ("price.currency", "unknown_currency")
        ]


@pytest.mark.parametrize("code", ["XAU", "XXX", "XTS", "BOV", "XDR", "ANG", "HRK", "mnt"])
def test_funds_metals_test_codes_and_withdrawn_codes_are_not_prices(code: str) -> None:
    with pytest.raises(InvalidInputError):
        require_known_currency(code, "price.currency")


def test_the_list_holds_the_currencies_people_pay_in() -> None:
    assert {"MNT", "USD", "EUR", "CNY", "RUB", "KRW", "JPY", "XCG", "ZWG"} <= CIRCULATING_CURRENCIES
    assert all(len(c) == 3 and c.isupper() and c.isalpha() for c in CIRCULATING_CURRENCIES)


@given(st.sampled_from(sorted(available_timezones())))
def test_a_zone_is_geographic_exactly_when_it_is_named_after_a_place(key: str) -> None:
    area, slash, _ = key.partition("/")
    assert is_geographic_zone(key) == (bool(slash) and area in GEOGRAPHIC_AREAS)


@pytest.mark.parametrize(
    "key", ["Factory", "posixrules", "localtime", "UTC", "Etc/GMT+5", "EST5EDT", "US/Eastern",
            "Asia/Nowhere", "Asia/../Etc/UTC", "/etc/localtime", "", "Asia/"]
)  # fmt: skip
def test_non_places_and_unknown_names_are_not_zones_of_a_place(key: str) -> None:
    assert not is_geographic_zone(key)


@pytest.mark.parametrize(
    "key", ["Asia/Ulaanbaatar", "Asia/Hovd", "America/Argentina/Buenos_Aires", "Europe/London"]
)
def test_places_are(key: str) -> None:
    assert is_geographic_zone(key)
