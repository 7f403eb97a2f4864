"""The insights' words said from their code (not their templates, which the pages' text
test reads), the tab's label among them: each has a Mongolian entry."""

from __future__ import annotations

from entrypoints.web.analytics.console import BAD_DATES, BAD_RANGE, TABS
from entrypoints.web.analytics.views import CSV_HEADINGS, GROUPINGS, PRESETS
from entrypoints.web.shared.texts import translator


def test_every_word_the_insights_code_says_has_a_mongolian_entry() -> None:
    mongolian = translator("mn")
    english = translator("en")
    said = (
        BAD_DATES,
        BAD_RANGE,
        *(tab.label for tab in TABS),
        *(label for label, _ in PRESETS.values()),
        *GROUPINGS.values(),
        *CSV_HEADINGS,
    )
    for text in said:
        assert english(text) == text
        assert mongolian(text) != text, text
