# ruff: noqa: RUF001, RUF002 (Mongolian Cyrillic in the expected texts)
"""The pages' words: every text of their templates (in every room of ``entrypoints.web``)
and of the booking page's script has a Mongolian entry, the language is chosen by ``?lang=``
then ``Accept-Language``, and money reads as people write it."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from booking_domain.shared import Money
from entrypoints.web.catalog.texts import SCRIPT_TEXTS
from entrypoints.web.shared.folders import folders
from entrypoints.web.shared.money import money_text
from entrypoints.web.shared.texts import page_locale, script_texts, translator

_CALL = re.compile(r'_\("([^"]+)"\)')


def test_every_text_of_the_page_has_a_mongolian_entry() -> None:
    templates = [f for folder in folders("templates") for f in folder.glob("*.j2")]
    texts = {t for f in templates for t in _CALL.findall(f.read_text())}
    assert len(texts) > 20  # the scan sees the templates' texts
    mongolian = translator("mn")
    missing = sorted(t for t in texts | set(SCRIPT_TEXTS.values()) if mongolian(t) == t)
    assert missing == []


def test_the_scripts_words_keep_their_placeholders() -> None:
    translated = script_texts("mn", SCRIPT_TEXTS)
    for key, english in SCRIPT_TEXTS.items():
        assert set(re.findall(r"\{\w+\}", translated[key])) == set(re.findall(r"\{\w+\}", english))
    assert script_texts("en", SCRIPT_TEXTS) == SCRIPT_TEXTS


def test_the_query_chooses_before_the_header() -> None:
    assert page_locale("mn", "en") == "mn"
    assert page_locale(None, "mn-MN,en;q=0.5") == "mn"
    assert page_locale("xx", "mn") == "mn"
    assert page_locale(None, None) == "en"
    assert translator("mn")("Service") == "Үйлчилгээ"


@given(st.integers(0, 10**15))
def test_money_reads_in_whole_units_with_cents_only_when_any(amount: int) -> None:
    text = money_text(Money(amount, "MNT"))
    whole = int(text.removeprefix("MNT ").split(".")[0].replace(",", ""))
    assert whole == amount // 100
    assert ("." in text) == (amount % 100 != 0)


def test_the_day_s_heading_reads_as_mongolian_is_written() -> None:
    """The heading over a day's free times names the day as the calendar writes it
    ("2026 оны 11 сарын 27, Пүрэв гараг"): a case ending glued on with a hyphen read
    "гараг-ний" (it is "гарагийн"); the heading names the day after a colon instead, so no
    ending depends on how the date happens to end."""
    heading = script_texts("mn", SCRIPT_TEXTS)["slotsOn"].format(
        date="2026 оны 11 сарын 27, Пүрэв гараг"
    )
    assert "гараг-" not in heading and heading.endswith("Пүрэв гараг")
