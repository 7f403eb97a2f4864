"""What Telegram shows: every message of the table and every reply of the bot, in both
languages, as HTML Telegram takes (checked by the fake Bot API's reader, written from
Telegram's documentation), names escaped, within Telegram's limits, buttons labelled."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from uuid import UUID

import pytest
from hypothesis import given
from hypothesis import strategies as st

from adapters.notifications.bot_wording import BabelBotWording
from adapters.notifications.rendering import BabelRenderer
from booking_domain.notifications import (
    KINDS,
    BookingFacts,
    BookingState,
    BookingView,
    Channel,
    KeyAction,
    Links,
    MessageFacts,
    Party,
    asking,
    keyboard_for,
)
from booking_domain.shared.ids import BookingId
from booking_domain.shared.money import Money
from booking_domain.telegram import (
    AnswerPress,
    Card,
    EditButtons,
    Notice,
    Rebutton,
    Reply,
    Say,
    SendText,
    Text,
    Upcoming,
)
from entrypoints.telegram.fake_html import keyboard_problem, visible_text

START = datetime(2026, 12, 1, 6, 0, tzinfo=UTC)  # 14:00 in Ulaanbaatar
BOOKING = BookingId(UUID("0190f1a2-b3c4-7d5e-8f60-123456789abc"))
BASE = f"https://app.example.mn/bookings/{BOOKING}"
LINKS = Links(BASE, f"{BASE}/reschedule", f"{BASE}/cancel", f"{BASE}/pay")
KEYBOARD = keyboard_for(
    Party.CUSTOMER,
    BookingState(BOOKING, "confirmed", START, False, timedelta(hours=48)),
    START - timedelta(days=5),
    BASE,
)


def a_view(**changes: object) -> BookingView:
    base = BookingView(
        reference="INK-7Q2M4X", status="confirmed", start=START, end=START + timedelta(hours=2),
        time_zone="Asia/Ulaanbaatar", service_name="Blackwork sleeve",
        artist_name="Bold <Ink> & Co",
        customer_name='Саруул "Sara"', studio_name="Studio 9", address="Peace Ave 12, Ulaanbaatar",
        map_url="https://www.google.com/maps/search/?api=1&query=47.918000,106.917000",
        price=Money(45_000_000, "MNT"), deposit=Money(5_000_000, "MNT"),
        amount_paid=Money(5_000_000, "MNT"), balance=Money(40_000_000, "MNT"),
        amount=Money(5_000_000, "MNT"), cancelled_by="artist", reason=None,
        free_cancellation_hours=48, links=LINKS,
    )  # fmt: skip
    return replace(base, **changes)  # type: ignore[arg-type]


def telegram_facts(kind: str, party: Party, locale: str, **changes: object) -> MessageFacts:
    base = MessageFacts(
        kind=kind, party=party, channel=Channel.TELEGRAM, locale=locale, recipient_name="Ada",
        booking=None if kind.startswith(("artist.", "request.")) else a_view(),
        artist_name="Bold <Ink>", note=None, reminder_offset=timedelta(hours=2),
        stars=5, keyboard=KEYBOARD,
    )  # fmt: skip
    return replace(base, **changes)  # type: ignore[arg-type]


def rendered_pairs() -> list[tuple[str, Party]]:
    from adapters.notifications import wording

    return sorted({(kind, Party(key.split("/")[0])) for kind, key in wording.MESSAGES})


@pytest.mark.parametrize("locale", ["en", "mn"])
@pytest.mark.parametrize(("kind", "party"), rendered_pairs())
def test_every_message_is_html_telegram_takes_with_its_buttons(
    kind: str, party: Party, locale: str
) -> None:
    assert kind in KINDS
    message = BabelRenderer().render(telegram_facts(kind, party, locale))
    shown = visible_text(message.telegram)  # raises where Telegram would refuse it
    assert message.title in shown and 0 < len(shown) <= 4096
    if kind.startswith("booking."):
        assert "Bold <Ink> & Co" in shown or "Саруул" in shown
    rows = [[{"text": b.label, **({"url": b.url} if b.url else {"callback_data": b.callback_data})}
             for b in row] for row in message.buttons]  # fmt: skip
    assert keyboard_problem({"inline_keyboard": rows}) is None


def test_buttons_speak_the_recipients_language_and_links_on_buttons_leave_the_text() -> None:
    english = BabelRenderer().render(telegram_facts("booking.confirmed", Party.CUSTOMER, "en"))
    mongolian = BabelRenderer().render(telegram_facts("booking.confirmed", Party.CUSTOMER, "mn"))
    assert [b.label for row in english.buttons for b in row] == [
        "Cancel", "Reschedule", "Open the booking",
    ]  # fmt: skip
    assert [b.label for row in mongolian.buttons for b in row] == [
        "Цуцлах", "Цаг өөрчлөх", "Захиалгыг нээх",
    ]  # fmt: skip
    assert f'href="{BASE}"' not in english.telegram  # it is a button
    assert BASE + "/reschedule" not in english.telegram
    no_buttons = telegram_facts("booking.confirmed", Party.CUSTOMER, "en", keyboard=())
    assert f'href="{BASE}"' in BabelRenderer().render(no_buttons).telegram  # in the text


@given(st.text(min_size=1, max_size=6000))
def test_whatever_a_name_or_note_holds_telegram_takes_the_message(words: str) -> None:
    facts = telegram_facts(
        "artist.rejected", Party.OWNER, "en", note=words, artist_name=words[:300]
    )
    shown = visible_text(BabelRenderer().render(facts).telegram)
    assert len(shown) <= 4096


def facts_of_a_booking() -> BookingFacts:
    return BookingFacts(
        BOOKING, "INK-7Q2M4X", "confirmed", START, START + timedelta(hours=2), "Bold <Ink>",
        "Ada & Bat", "Blackwork sleeve", Money(45_000_000, "MNT"), "Asia/Ulaanbaatar", None,
        None, None, timedelta(hours=48),
    )  # fmt: skip


@pytest.mark.parametrize("locale", ["en", "mn"])
def test_every_reply_of_the_bot_is_worded_in_both_languages(locale: str) -> None:
    booking = facts_of_a_booking()
    replies: list[Reply] = [
        *(Text(say, "Ada <3") for say in Say if say.value in _MESSAGES),
        Upcoming((booking, booking), 7),
        Card(booking, Party.CUSTOMER, KEYBOARD),
        Rebutton(12, asking(KeyAction.CANCEL, BOOKING)),
        *(Notice(say, "INK-7Q2M4X", Money(300_000, "MNT"), Money(0, "MNT")) for say in _NOTICES),
    ]
    calls = BabelBotWording().word(replies, chat_id=5, callback_id="cb", locale=locale)
    texts = [c.text for c in calls if isinstance(c, SendText)]
    notices = [c.text for c in calls if isinstance(c, AnswerPress)]
    assert len(texts) == len(_MESSAGES) + 2 and len(notices) == len(_NOTICES)
    for text in texts:
        assert visible_text(text)
    assert all(0 < len(n) <= 200 for n in notices)
    assert "Ada <3" in visible_text(texts[0])
    upcoming = visible_text(texts[-2])
    assert upcoming.count("INK-7Q2M4X") == 2 and "5" in upcoming  # 7 in all: 5 more
    english = {"en": "Yes, cancel it", "mn": "Тийм, цуцлах"}[locale]
    edited = next(c for c in calls if not isinstance(c, SendText | AnswerPress))
    assert isinstance(edited, EditButtons) and edited.buttons[0][0].label == english


_MESSAGES = {"linked", "link_failed", "how_to_link", "welcome_back", "unlinked", "help",
             "no_upcoming", "refused"}  # fmt: skip
_NOTICES = [s for s in Say if s.value not in _MESSAGES - {"refused"}]


def test_a_notice_without_a_pressed_button_says_nothing() -> None:
    calls = BabelBotWording().word([Notice(Say.KEPT)], chat_id=5, callback_id=None, locale="en")
    assert calls == ()
