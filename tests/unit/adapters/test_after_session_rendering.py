"""The messages after a session and of a touch-up, rendered (docs/aftercare.md): the
artist's aftercare text as written in both languages, the review request's link, and the
touch-up's "nothing to pay"."""

from __future__ import annotations

from dataclasses import replace

import pytest

from adapters.notifications.rendering import BabelRenderer
from booking_domain.notifications import AFTERCARE, REVIEW_REQUEST, Party
from tests.unit.adapters.test_notification_rendering import LINKS, facts

TEXT = "Keep it clean & dry.\nNo sun for 2 weeks — нарнаас хамгаал.\n\n<b>Call me</b> if red."


@pytest.mark.parametrize("locale", ["en", "mn"])
def test_the_aftercare_text_is_shown_as_written_in_every_language(locale: str) -> None:
    aftercare = facts(AFTERCARE, Party.CUSTOMER, locale, status="completed")
    message = BabelRenderer().render(replace(aftercare, aftercare_text=TEXT))
    assert TEXT in message.text
    assert "Keep it clean &amp; dry.<br>No sun for 2 weeks" in message.html
    assert "<b>" not in message.html  # escaped, never markup
    assert LINKS.reschedule not in message.text  # nothing to change after the session
    if locale == "mn":
        assert "арчилгааны" in message.text
    else:
        assert message.title == "Caring for your new tattoo from Bold Ink"


@pytest.mark.parametrize("locale", ["en", "mn"])
def test_the_review_request_links_to_the_review(locale: str) -> None:
    review = facts(REVIEW_REQUEST, Party.CUSTOMER, locale, status="completed")
    link = "https://app/bookings/1/review"
    message = BabelRenderer().render(replace(review, review_link=link))
    assert link in message.text and link in message.html
    assert LINKS.cancel not in message.text
    expected = "Write a review" if locale == "en" else "Сэтгэгдэл бичих"
    assert f"{expected}: {link}" in message.text


@pytest.mark.parametrize("locale", ["en", "mn"])
def test_every_message_of_a_touch_up_says_it_is_free(locale: str) -> None:
    confirmed = facts("booking.confirmed", Party.CUSTOMER, locale, touch_up=True)
    text = BabelRenderer().render(confirmed).text
    assert ("free touch-up" if locale == "en" else "үнэгүй засвар") in text
    plain = facts("booking.confirmed", Party.CUSTOMER, locale)
    assert "touch-up" not in BabelRenderer().render(plain).text
