# ruff: noqa: RUF001 (Mongolian Cyrillic in the expected names)
"""The date names and patterns the pages' scripts format with where the browser lacks the
page's language (``web/shared/dates.py``, ``common.js``'s ``byPattern``)."""

from __future__ import annotations

import re

import pytest

from entrypoints.http.locale import SUPPORTED_LOCALES
from entrypoints.web.shared.dates import date_words

# What common.js's byPattern reads: quoted literals, y, M/L, d, E, H, m (its regex).
_TOKEN = re.compile(r"'[^']*'|y+|M+|L+|d+|E+|H+|m+")
_LETTERS = re.compile(r"[A-Za-z]")


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_every_pattern_uses_only_what_the_script_formats(locale: str) -> None:
    words = date_words(locale)
    for name in ("monthYear", "fullDate", "time"):
        pattern = words[name]
        assert isinstance(pattern, str)
        left = _TOKEN.sub("", pattern)
        assert not _LETTERS.search(left), (locale, name, pattern)  # no field it cannot fill
    date_time = words["dateTime"]
    assert isinstance(date_time, str) and "{0}" in date_time and "{1}" in date_time


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_twelve_months_and_seven_days_from_monday(locale: str) -> None:
    words = date_words(locale)
    for name, count in (("months", 12), ("standaloneMonths", 12), ("weekdays", 7),
                        ("shortWeekdays", 7)):  # fmt: skip
        names = words[name]
        assert isinstance(names, list) and len(names) == count and all(names), (locale, name)
    assert words["weekdays"] == (
        ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
        if locale == "en"
        else ["даваа", "мягмар", "лхагва", "пүрэв", "баасан", "бямба", "ням"]
    )


def test_mongolian_reads_in_mongolian() -> None:
    words = date_words("mn")
    months = words["months"]
    assert isinstance(months, list) and months[0] == "нэгдүгээр сар"
    # CLDR puts a narrow no-break space after the year.
    assert words["fullDate"] == "y\u202f'оны' MMMM'ын' d, EEEE 'гараг'"
