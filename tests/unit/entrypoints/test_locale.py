"""``Accept-Language`` -> "en" or "mn": preferences and q-values are honoured, and nothing a
client sends makes the negotiation fail."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from entrypoints.http.locale import SUPPORTED_LOCALES, negotiate_locale


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (None, "en"),
        ("", "en"),
        ("mn", "mn"),
        ("MN", "mn"),
        ("mn-MN", "mn"),
        ("mn-Cyrl-MN", "mn"),
        ("en", "en"),
        ("en-US,en;q=0.9", "en"),
        ("fr-FR, fr;q=0.9, mn;q=0.8, en;q=0.7", "mn"),
        ("en;q=0.5, mn;q=0.9", "mn"),
        ("mn;q=0.5, en;q=0.5", "mn"),  # equal q: the header's order
        ("en;q=0, mn;q=0.1", "mn"),
        ("mn;q=0", "en"),
        ("mn;q=0.000, *", "en"),
        ("en;q=0, *", "mn"),
        ("en;q=0, mn;q=0", "en"),  # nothing acceptable: the default anyway
        ("*", "en"),
        ("*;q=0.1, mn", "mn"),
        ("xx", "en"),
        ("de, ru", "en"),
        ("mn;q=abc", "en"),  # an unreadable q drops the range, not the header
        ("mn;q=1.5", "en"),
        ("mn;q=-1", "en"),
        ("mn ; q = 0.8 ", "mn"),
        (";;;,,,", "en"),
        ("q=1", "en"),
        ("mn\x00", "en"),
        ("\x00mn", "en"),
        ("mn, \x00", "mn"),
        ("монгол", "en"),
        ("x" * 10_000, "en"),
        ("xx," * 5000 + "mn", "en"),  # past what is read: ignored
        ("en;q=0," * 100 + "mn", "en"),
    ],
)
def test_negotiation(header: str | None, expected: str) -> None:
    assert negotiate_locale(header) == expected


@given(st.text(max_size=300) | st.binary(max_size=300).map(lambda b: b.decode("latin-1")))
def test_any_header_gives_a_supported_locale(header: str) -> None:
    assert negotiate_locale(header) in SUPPORTED_LOCALES


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["mn", "en", "mn-MN", "en-GB", "*", "fr", "x-y"]),
            st.sampled_from(["", ";q=0", ";q=0.3", ";q=1", ";q=0.999", ";q=bad", ";level=1"]),
        ),
        max_size=8,
    )
)
def test_well_formed_headers_never_fail(ranges: list[tuple[str, str]]) -> None:
    header = ", ".join(tag + params for tag, params in ranges)
    assert negotiate_locale(header) in SUPPORTED_LOCALES


def test_the_supported_locales_are_english_first() -> None:
    assert SUPPORTED_LOCALES == ("en", "mn")
