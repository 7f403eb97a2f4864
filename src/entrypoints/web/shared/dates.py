"""Month and weekday names and date patterns for the pages' scripts, from CLDR (Babel).

Browsers format dates with ``Intl``, but Chromium, and so Chrome and the Telegram clients
built on it, carry no Mongolian: ``toLocaleDateString("mn-MN")`` answers in English. So each
page carries its language's names and CLDR patterns, and its script formats with them
wherever the browser lacks the language (``common.js``, ``dates``); where it has it, ``Intl``
formats as before.
"""

from __future__ import annotations

from datetime import date
from functools import cache

from babel import Locale
from babel.dates import (
    format_date,
    get_date_format,
    get_day_names,
    get_month_names,
    get_time_format,
)

# The CLDR locale of each page language: English pages read as British English (day month
# year, a 24-hour clock), as the scripts' ``Intl`` calls ask for ``en-GB``.
_CLDR = {"en": "en_GB", "mn": "mn"}


@cache
def date_words(locale: str) -> dict[str, object]:
    """The names (months from January, weekdays from Monday) and patterns (CLDR syntax:
    ``y``, ``MMMM``/``LLLL``, ``d``, ``EEEE``/``E``, ``HH``, ``mm``, quoted literals) the
    scripts need in ``locale``."""
    cldr = Locale.parse(_CLDR.get(locale, "en_GB"))
    month_year = cldr.datetime_skeletons.get("yMMMM")
    return {
        "months": [get_month_names("wide", "format", cldr)[m] for m in range(1, 13)],
        "standaloneMonths": [get_month_names("wide", "stand-alone", cldr)[m] for m in range(1, 13)],
        "weekdays": [get_day_names("wide", "format", cldr)[d] for d in range(7)],
        "shortWeekdays": [get_day_names("abbreviated", "format", cldr)[d] for d in range(7)],
        "monthYear": month_year.pattern if month_year is not None else "MMMM y",
        "fullDate": get_date_format("full", cldr).pattern,
        "time": get_time_format("short", cldr).pattern,
        "dateTime": str(cldr.datetime_formats["full"]),
    }


def full_date(day: date, locale: str) -> str:
    """``day`` written out in ``locale`` as CLDR's full date ("Thursday, 5 March 2026"), for
    the pages the server writes whole (the console)."""
    return format_date(day, "full", locale=Locale.parse(_CLDR.get(locale, "en_GB")))
