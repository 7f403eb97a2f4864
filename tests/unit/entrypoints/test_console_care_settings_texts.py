"""The console's settings sections of this change (consent forms, aftercare, reminders,
loyalty): each room exports its sections in the agreed order under ``/console/settings``,
and every word their code says has a Mongolian entry that keeps its placeholders."""

from __future__ import annotations

import re

from entrypoints.web.catalog.console import SETTINGS_SECTIONS as CATALOG_SECTIONS
from entrypoints.web.catalog.settings_console import AFTERCARE_LABELS, OFFSET_LABEL
from entrypoints.web.consent.console import NOT_ONE
from entrypoints.web.consent.console import SETTINGS_SECTIONS as CONSENT_SECTIONS
from entrypoints.web.consent.console_views import KIND_WORDS, LABELS, RANGE_WORDS
from entrypoints.web.consent.form_console import NO_SUCH_FORM
from entrypoints.web.loyalty.console import SETTINGS_SECTIONS as LOYALTY_SECTIONS
from entrypoints.web.loyalty.views import LABELS as LOYALTY_LABELS
from entrypoints.web.loyalty.views import LIMITS, TIER_EARNS, TIER_LABELS
from entrypoints.web.shared.settings_forms import OUT_OF_BOUNDS, WORDS
from entrypoints.web.shared.texts import translator
from entrypoints.web.site import console_settings

SECTIONS = (*CONSENT_SECTIONS, *CATALOG_SECTIONS, *LOYALTY_SECTIONS)


def test_the_sections_are_in_their_agreed_order_under_settings() -> None:
    """All of Settings, as the index gathers it: the account's and profile's sections
    first, then these four."""
    assert [(s.order, s.key) for s in console_settings()] == [
        (10, "profile"),
        (20, "portfolio"),
        (30, "language"),
        (40, "channels"),
        (50, "telegram"),
        (60, "consent"),
        (70, "aftercare"),
        (80, "reminders"),
        (90, "loyalty"),
    ]
    assert all(s.path == f"/console/settings/{s.key}" for s in console_settings())


def test_every_word_the_sections_code_says_has_a_mongolian_entry() -> None:
    mongolian = translator("mn")
    english = translator("en")
    said = (
        *(s.label for s in SECTIONS),
        *AFTERCARE_LABELS.values(),
        OFFSET_LABEL,
        NOT_ONE,
        NO_SUCH_FORM,
        *KIND_WORDS.values(),
        *RANGE_WORDS.values(),
        *LABELS.values(),
        "Question {n}",
        "Health disclosure",
        *LOYALTY_LABELS.values(),
        *TIER_LABELS.values(),
        "Tier",
        "Tiers",
        TIER_EARNS,
        LIMITS,
        OUT_OF_BOUNDS,
        *(w for pair in WORDS.values() for w in pair),
    )
    for text in said:
        assert english(text) == text
        assert mongolian(text) != text, text
        placeholders = set(re.findall(r"\{\w+\}", text))
        assert set(re.findall(r"\{\w+\}", mongolian(text))) == placeholders, text
