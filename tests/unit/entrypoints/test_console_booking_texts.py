"""The words the console's booking page says from its code (its refusals and what each of
its own steps says once done): each has a Mongolian entry."""

from __future__ import annotations

from entrypoints.web.bookings.booking_views import DONE, NO_DOCUMENT
from entrypoints.web.shared.texts import translator


def test_every_word_the_booking_page_says_has_a_mongolian_entry() -> None:
    mongolian = translator("mn")
    english = translator("en")
    for text in (NO_DOCUMENT, *DONE.values()):
        assert english(text) == text
        assert mongolian(text) != text, text
