"""The console's words said from its code (not its templates, which the pages' text test
reads), its tabs' labels among them: each has a Mongolian entry."""

from __future__ import annotations

from entrypoints.web.accounts.console import ARTISTS_ONLY
from entrypoints.web.bookings.clients import (
    CLIENT_KIND,
    CSV_HEADINGS,
    CUSTOMER_KIND,
    NOT_YOUR_CLIENT,
)
from entrypoints.web.bookings.console import NOT_YOURS, UPDATED
from entrypoints.web.bookings.week import CHOOSE
from entrypoints.web.catalog.console import NO_SUCH_SERVICE
from entrypoints.web.commissions.console import DONE
from entrypoints.web.commissions.console import NOT_YOURS as NOT_YOUR_REQUEST
from entrypoints.web.scheduling.console import BAD_DATE, NOT_THERE
from entrypoints.web.shared.console import OUT_OF_DATE
from entrypoints.web.shared.console_forms import NOT_A_NUMBER
from entrypoints.web.shared.texts import translator
from entrypoints.web.site import console_tabs


def test_every_word_the_consoles_code_says_has_a_mongolian_entry() -> None:
    mongolian = translator("mn")
    english = translator("en")
    tabs = [tab.label for tab in console_tabs()]
    assert {"Today", "Week", "Requests", "Availability", "Services", "Clients"} <= set(tabs)
    said = (ARTISTS_ONLY, NOT_YOURS, UPDATED, OUT_OF_DATE, NO_SUCH_SERVICE, NOT_THERE, BAD_DATE)
    clients = (NOT_YOUR_CLIENT, CUSTOMER_KIND, CLIENT_KIND, *CSV_HEADINGS)
    for text in (*said, NOT_YOUR_REQUEST, *DONE.values(), CHOOSE, NOT_A_NUMBER, *clients, *tabs):
        assert english(text) == text
        assert mongolian(text) != text, text
