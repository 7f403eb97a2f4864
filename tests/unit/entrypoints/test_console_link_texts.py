"""The console's booking link page: the words its code says (its tab's label, a link that is
not the artist's, the general link's name) each have a Mongolian entry."""

from __future__ import annotations

from entrypoints.web.catalog.link_console import ALL_SERVICES, NO_SUCH_LINK, TABS
from entrypoints.web.shared.texts import translator
from entrypoints.web.site import console_tabs


def test_every_word_the_link_page_s_code_says_has_a_mongolian_entry() -> None:
    mongolian = translator("mn")
    english = translator("en")
    assert set(TABS) <= set(console_tabs())
    for text in (NO_SUCH_LINK, ALL_SERVICES, *(tab.label for tab in TABS)):
        assert english(text) == text
        assert mongolian(text) != text, text
