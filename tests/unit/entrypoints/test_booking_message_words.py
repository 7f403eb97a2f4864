"""The console's words for the messages sent about a booking: every kind the notifications
plan has its words, in English and Mongolian, so a new kind never reaches an artist as its
code (``payment.studio_recorded`` did)."""

from __future__ import annotations

from booking_domain.notifications import KINDS
from entrypoints.web.bookings.booking_messages import MESSAGE_KINDS
from entrypoints.web.shared.texts import translator


def test_every_kind_of_message_has_its_words_in_both_languages() -> None:
    assert sorted(set(KINDS) - set(MESSAGE_KINDS)) == []
    assert sorted(set(MESSAGE_KINDS) - set(KINDS)) == []  # no words for kinds gone
    mongolian = translator("mn")
    untranslated = [words for words in MESSAGE_KINDS.values() if mongolian(words) == words]
    assert untranslated == []
    assert len(set(MESSAGE_KINDS.values())) == len(MESSAGE_KINDS)  # no two kinds alike
