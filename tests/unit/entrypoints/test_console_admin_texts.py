"""The operator pages' words said from their code (not their templates, which the pages'
text test reads), their tabs' labels among them: each has a Mongolian entry; and their tabs
are an admin's only."""

from __future__ import annotations

from booking_domain.shared import Role
from entrypoints.web.audit.console import BAD_FILTER
from entrypoints.web.catalog.admin import NO_SUCH_ARTIST
from entrypoints.web.disputes.console import NO_SUCH_DISPUTE, RESOLVED
from entrypoints.web.shared.console import NO_SUCH_PAGE
from entrypoints.web.shared.texts import translator
from entrypoints.web.site import console_tabs

OPERATOR_TABS = {"Artists", "Disputes", "Audit log"}


def test_every_word_the_operator_pages_say_has_a_mongolian_entry() -> None:
    mongolian = translator("mn")
    english = translator("en")
    tabs = {tab.label for tab in console_tabs() if tab.shown_to(Role.ADMIN)}
    assert tabs >= OPERATOR_TABS
    for text in (NO_SUCH_PAGE, NO_SUCH_ARTIST, NO_SUCH_DISPUTE, RESOLVED, BAD_FILTER, *tabs):
        assert english(text) == text
        assert mongolian(text) != text, text


def test_the_operator_tabs_are_an_admin_s_and_the_artist_s_are_not() -> None:
    tabs = console_tabs()
    shown = {role: {t.label for t in tabs if t.shown_to(role)} for role in Role}
    assert shown[Role.ARTIST].isdisjoint(OPERATOR_TABS)
    assert "Today" in shown[Role.ARTIST] and "Today" not in shown[Role.ADMIN]
    assert shown[Role.CUSTOMER] == set()
