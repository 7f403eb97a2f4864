"""The shared kernel's rules on what comes from outside: text, instants and pages."""

from __future__ import annotations

import unicodedata
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from booking_domain.shared import (
    EARLIEST,
    LATEST,
    MAX_PAGE,
    InvalidInputError,
    PageRequest,
    TimeOutOfRangeError,
    require_aware,
)
from booking_domain.shared.text import is_clean_text, require_clean_text, text_problem

REFUSED = st.characters(categories=["Cc", "Cs"]).filter(lambda ch: ch not in "\t\n\r")


@given(st.text(st.characters(exclude_categories=["Cc", "Cs"])))
def test_text_without_control_characters_or_surrogates_is_clean(text: str) -> None:
    assert is_clean_text(text) and is_clean_text(text, multiline=True)


@given(st.text(), REFUSED, st.text())
def test_one_control_character_or_surrogate_makes_text_unclean(
    before: str, bad: str, after: str
) -> None:
    text = before + bad + after
    assert not is_clean_text(text) and not is_clean_text(text, multiline=True)
    problem = text_problem("bio", text, multiline=True)
    assert problem is not None and (problem.field, problem.code) == ("bio", "invalid_character")


@given(st.text(st.sampled_from("ab \t\n\r")))
def test_tabs_and_line_breaks_are_for_multi_line_fields(text: str) -> None:
    assert is_clean_text(text, multiline=True)
    assert is_clean_text(text) == all(ch not in "\t\n\r" for ch in text)


def test_every_bad_field_is_named_at_once() -> None:
    with pytest.raises(InvalidInputError) as refused:
        require_clean_text(
            [("name", "A\x00da"), ("city", None), ("styles", "ok")], [("bio", "x\x1by")]
        )
    assert [(e.field, e.code) for e in refused.value.errors] == [
        ("name", "invalid_character"),
        ("bio", "invalid_character"),
    ]
    assert unicodedata.category("\x00") == "Cc"


OFFSETS = st.integers(-14 * 60, 14 * 60).map(lambda m: timezone(timedelta(minutes=m)))


@given(st.datetimes(timezones=OFFSETS))
def test_any_aware_instant_is_accepted_in_range_and_refused_outside_never_overflowing(
    moment: datetime,
) -> None:
    try:
        inside = EARLIEST <= moment.astimezone(UTC) < LATEST
    except OverflowError:
        inside = False
    if inside:
        instant = require_aware(moment, "from")  # in UTC already (offset 0) or converted
        assert instant == moment and instant.tzinfo is UTC
    else:
        with pytest.raises(TimeOutOfRangeError) as refused:
            require_aware(moment, "from")
        assert [(e.field, e.code) for e in refused.value.errors] == [("from", "out_of_range")]


def test_the_range_ends_are_half_open() -> None:
    assert require_aware(EARLIEST) == EARLIEST
    with pytest.raises(TimeOutOfRangeError):
        require_aware(LATEST)
    with pytest.raises(TimeOutOfRangeError):
        require_aware(EARLIEST - timedelta(microseconds=1))


@given(st.integers(-(10**30), 10**30))
def test_pages_run_from_one_to_the_maximum(page: int) -> None:
    if 1 <= page <= MAX_PAGE:
        assert PageRequest(page, 100).offset == (page - 1) * 100
    else:
        with pytest.raises(InvalidInputError) as refused:
            PageRequest(page, 20)
        assert [e.field for e in refused.value.errors] == ["page"]
