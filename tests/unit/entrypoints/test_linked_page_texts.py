"""The words of the pages emails link to: each has a Mongolian entry that keeps its
placeholders (the templates' words are checked with the booking page's)."""

from __future__ import annotations

import re

from entrypoints.web.accounts.texts import ACCOUNT_TEXTS
from entrypoints.web.bookings.texts import BOOKING_TEXTS
from entrypoints.web.commissions.texts import REQUEST_TEXTS
from entrypoints.web.consent import CONSENT_FORM_TEXTS
from entrypoints.web.loyalty.texts import LOYALTY_TEXTS
from entrypoints.web.shared.texts import script_texts


def test_every_word_has_a_mongolian_entry_with_the_same_placeholders() -> None:
    for texts in (BOOKING_TEXTS, ACCOUNT_TEXTS, REQUEST_TEXTS, CONSENT_FORM_TEXTS, LOYALTY_TEXTS):
        mongolian = script_texts("mn", texts)
        assert script_texts("en", texts) == texts
        for key, english in texts.items():
            # A line of placeholders alone reads the same in both languages.
            assert mongolian[key] != english or not re.sub(r"\{\w+\}", "", english).strip(": ()"), (
                key
            )
            placeholders = set(re.findall(r"\{\w+\}", english))
            assert set(re.findall(r"\{\w+\}", mongolian[key])) == placeholders, key
