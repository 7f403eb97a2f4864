"""Email rules: one canonical form, and no look-alike of another address at sign-up."""

from __future__ import annotations

import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from booking_domain.accounts import email_problem, normalize_email

ASCII_LOCAL = st.text(string.ascii_lowercase + string.digits + "._+-", min_size=1, max_size=20)
LABEL = st.text(string.ascii_lowercase + string.digits, min_size=1, max_size=12)


@st.composite
def ascii_addresses(draw: st.DrawFn) -> str:
    return f"{draw(ASCII_LOCAL)}@{draw(LABEL)}.{draw(st.sampled_from(['com', 'mn', 'io']))}"


def fullwidth(text: str) -> str:
    """The same text in fullwidth forms (U+FF01 .. U+FF5E), as some keyboards type it."""
    return "".join(chr(ord(ch) + 0xFEE0) if "!" <= ch <= "~" else ch for ch in text)


# Cyrillic letters drawn like Latin a, e, o, p, c, x, y.
CYRILLIC_LOOK_ALIKES = "\u0430\u0435\u043e\u0440\u0441\u0445\u0443"
INVISIBLES = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u200e", "\u3164"]


@given(st.text(max_size=40))
def test_the_canonical_form_is_a_fixed_point(raw: str) -> None:
    once = normalize_email(raw)
    assert normalize_email(once) == once
    assert once == once.lower()  # what the database's own check on users.email demands


@given(ascii_addresses())
def test_plain_addresses_are_accepted_and_kept(address: str) -> None:
    assert normalize_email(address) == address
    assert email_problem(address) is None


@given(ascii_addresses(), st.booleans())
def test_upper_case_and_fullwidth_spellings_are_the_same_address(address: str, wide: bool) -> None:
    spelt = fullwidth(address.upper()) if wide else f"  {address.upper()} "
    assert normalize_email(spelt) == address


@given(ascii_addresses(), st.sampled_from(INVISIBLES), st.data())
def test_an_invisible_character_anywhere_is_refused(
    address: str, invisible: str, data: st.DataObject
) -> None:
    at = data.draw(st.integers(0, len(address)))
    problem = email_problem(normalize_email(address[:at] + invisible + address[at:]))
    assert problem is not None and problem.code in {"invisible_characters", "invalid_email"}


@given(ascii_addresses(), st.sampled_from(CYRILLIC_LOOK_ALIKES), st.data())
def test_a_cyrillic_look_alike_in_a_latin_local_part_is_refused(
    address: str, cyrillic: str, data: st.DataObject
) -> None:
    local, _, domain = address.partition("@")
    if not any(ch.isalpha() for ch in local):
        local += "a"
    at = data.draw(st.integers(0, len(local)))
    problem = email_problem(normalize_email(f"{local[:at]}{cyrillic}{local[at:]}@{domain}"))
    assert problem is not None and problem.code == "mixed_scripts"


@pytest.mark.parametrize(
    "address", ["болд@example.mn", "болд@жишээ.мн", "ada@жишээ.com", "たなか@example.jp"]
)
def test_addresses_wholly_in_one_script_per_part_are_welcome(address: str) -> None:
    assert email_problem(normalize_email(address)) is None


def test_a_domain_label_mixing_scripts_is_refused() -> None:
    problem = email_problem("ada@g\u043e\u043egle.com")  # two Cyrillic o's
    assert problem is not None and problem.code == "mixed_scripts"
