# ruff: noqa: RUF001 (other-script digits, on purpose)
"""The settings forms' lengths of time (``entrypoints.web.shared.settings_forms``): a length
shown in a unit reads back as the same minutes, words say the unit shown, and a length out
of its bounds, of an unknown unit or of no number names its field."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from entrypoints.web.shared.settings_forms import (
    FieldProblemError,
    joined_minutes,
    minutes_words,
    split_minutes,
)
from entrypoints.web.shared.texts import translator

BOUNDS = (15, 20160)


@given(st.integers(min_value=0, max_value=10**6))
def test_a_length_shown_reads_back_as_the_same_minutes(minutes: int) -> None:
    amount, unit = split_minutes(minutes)
    form = {"offset": str(amount), "offset_unit": unit}
    assert joined_minutes(form, "offset", (0, 10**6)) == minutes


def test_the_largest_whole_unit_is_shown() -> None:
    english = translator("en")
    shown = {m: minutes_words(m, english) for m in (0, 1, 90, 120, 1440, 2880, 1500)}
    assert shown == {0: "0 minutes", 1: "1 minute", 90: "90 minutes", 120: "2 hours",
                     1440: "1 day", 2880: "2 days", 1500: "25 hours"}  # fmt: skip


@pytest.mark.parametrize(
    "form",
    [
        {"offset": "14", "offset_unit": "minutes"},
        {"offset": "15", "offset_unit": "days"},
        {"offset": "1", "offset_unit": "weeks"},
        {"offset": "", "offset_unit": "hours"},
        {"offset": "\x00", "offset_unit": "hours"},
        {"offset": "１２", "offset_unit": "hours"},
        {"offset": "9" * 400, "offset_unit": "days"},
    ],
)
def test_a_length_it_cannot_take_names_its_field(form: dict[str, str]) -> None:
    with pytest.raises(FieldProblemError) as refused:
        joined_minutes(form, "offset", BOUNDS)
    assert refused.value.field == "offset"
