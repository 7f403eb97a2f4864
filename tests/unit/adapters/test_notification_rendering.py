"""The message renderer: a message for every line of the table in both languages, the
catalogue complete, times in the artist's zone with the zone named, money per locale."""

# ruff: noqa: RUF001 (Mongolian Cyrillic in the expected texts)

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from adapters.notifications import wording
from adapters.notifications.catalogues import missing
from adapters.notifications.rendering import BabelRenderer, moment, money
from adapters.notifications.wording import source_messages
from booking_domain.notifications import (
    KINDS,
    REMINDER,
    RULES,
    BookingView,
    Channel,
    Links,
    MessageFacts,
    Party,
    RequestFacts,
)
from booking_domain.notifications.rules import (
    AFTERCARE,
    AFTERCARE_TELLS,
    CONSENT_REQUEST,
    CONSENT_REQUEST_TELLS,
    REMINDER_TELLS,
    REVIEW_REQUEST,
    REVIEW_REQUEST_TELLS,
)
from booking_domain.shared.money import Money

START = datetime(2026, 12, 1, 6, 0, tzinfo=UTC)  # 14:00 in Ulaanbaatar
LINKS = Links(
    "https://app/b/1", "https://app/b/1/reschedule", "https://app/b/1/cancel", "https://app/b/1/pay"
)


def a_view(**changes: object) -> BookingView:
    from dataclasses import replace

    base = BookingView(
        reference="INK-7Q2M4X", status="confirmed", start=START,
        end=START + timedelta(hours=2),
        time_zone="Asia/Ulaanbaatar", service_name="Blackwork sleeve", artist_name="Bold Ink",
        customer_name="Саруул", studio_name="Studio 9", address="Peace Ave 12, Ulaanbaatar",
        map_url="https://www.google.com/maps/search/?api=1&query=47.918000,106.917000",
        price=Money(45_000_000, "MNT"), deposit=Money(5_000_000, "MNT"),
        amount_paid=Money(5_000_000, "MNT"), balance=Money(40_000_000, "MNT"),
        amount=Money(5_000_000, "MNT"), cancelled_by="artist", reason=None,
        free_cancellation_hours=48, links=LINKS,
    )  # fmt: skip
    return replace(base, **changes)  # type: ignore[arg-type]


def facts(
    kind: str, party: Party, locale: str, *, to_client: bool = False, **changes: object
) -> MessageFacts:
    return MessageFacts(
        kind=kind, party=party, channel=Channel.EMAIL, locale=locale, recipient_name="Ada",
        booking=None if kind.startswith(("artist.", "request.")) else a_view(**changes),
        artist_name="Bold Ink", note="Add three portfolio pieces.",
        reminder_offset=timedelta(hours=24) if kind == REMINDER else None, to_client=to_client,
        request=REQUEST if kind.startswith("request.") else None,
    )  # fmt: skip


REQUEST = RequestFacts("Bold Ink", "Саруул", "A fox on the forearm?", "https://app/requests/1")


def every_message() -> list[tuple[str, Party]]:
    told = {(rule.event_type, tell.party) for rule in RULES.values() for tell in rule.tells}
    scheduled = {(REMINDER, tell.party) for tell in REMINDER_TELLS}
    scheduled |= {(AFTERCARE, tell.party) for tell in AFTERCARE_TELLS}
    scheduled |= {(REVIEW_REQUEST, tell.party) for tell in REVIEW_REQUEST_TELLS}
    asked = {(CONSENT_REQUEST, tell.party) for tell in CONSENT_REQUEST_TELLS}
    return sorted(told | asked | scheduled)


def test_every_kind_has_words_for_every_party_it_tells() -> None:
    keys = {(kind, party.split("/")[0]) for kind, party in wording.MESSAGES}
    assert {(kind, party.value) for kind, party in every_message()} <= keys
    assert {kind for kind, _ in every_message()} == set(KINDS)


def test_the_mongolian_catalogue_translates_every_message() -> None:
    assert missing("mn", source_messages()) == []


@pytest.mark.parametrize("locale", ["en", "mn"])
@pytest.mark.parametrize(("kind", "party"), every_message())
def test_every_message_renders_in_both_languages(kind: str, party: Party, locale: str) -> None:
    for by in ("customer", "artist", "admin", "system"):
        message = BabelRenderer().render(facts(kind, party, locale, cancelled_by=by))
        assert message.title and message.text and message.sms
        assert "{" not in message.title + message.text + message.sms  # every value filled
        assert message.html.startswith("<!doctype html>") and f'lang="{locale}"' in message.html


def test_an_english_confirmation_carries_the_details() -> None:
    message = BabelRenderer().render(facts("booking.confirmed", Party.CUSTOMER, "en"))
    assert message.title == "Booking INK-7Q2M4X is confirmed"
    for expected in (
        "Tuesday, December 1, 2026, 14:00 (Ulaanbaatar Standard Time)", "Bold Ink",
        "Blackwork sleeve", "Studio 9, Peace Ave 12, Ulaanbaatar", "query=47.918000,106.917000",
        "MNT50,000", "MNT400,000", "48 hours", LINKS.reschedule, LINKS.cancel,
    ):  # fmt: skip
        assert expected in message.text, expected
    assert "MNT400,000.00" not in message.text  # whole tögrög
    assert "<script" not in message.html


def plain(text: str) -> str:
    return text.replace("\xa0", " ").replace("\u202f", " ")


def test_a_mongolian_cancellation_by_the_artist_names_the_refund() -> None:
    cancelled = facts("booking.cancelled", Party.CUSTOMER, "mn", status="cancelled")
    message = BabelRenderer().render(cancelled)
    text = plain(message.text)
    assert message.title == "INK-7Q2M4X захиалга цуцлагдлаа"
    assert text.startswith(
        "Уран бүтээлч Bold Ink таны цагийг цуцаллаа: 2026 оны арван хоёрдугаар сарын 1"
    )
    assert "14:00 (Улаанбаатарын стандарт цаг). Уучлаарай." in text
    assert "₮ 50,000 буцаан олгогдоно." in text
    assert "Студид төлөх үлдэгдэл" not in text and "Товлосон цагаас" not in text
    assert LINKS.reschedule not in message.text  # a closed booking offers no reschedule


def test_a_refund_told_after_the_cancellation_offers_nothing_to_change() -> None:
    refunded = facts("refund.completed", Party.CUSTOMER, "en", status="cancelled")
    text = BabelRenderer().render(refunded).text
    assert "The refund of MNT50,000 was paid back to you." in text
    for offered in (LINKS.reschedule, LINKS.cancel, "Left to pay", "Free cancellation"):
        assert offered not in text


def test_a_payment_that_confirmed_nothing_names_that_payment_not_the_total() -> None:
    late = facts(
        "booking.payment_recorded", Party.CUSTOMER, "en", amount=Money(3_000_000, "MNT"),
        amount_paid=Money(8_000_000, "MNT"), status="cancelled",
    )  # fmt: skip
    text = BabelRenderer().render(late).text
    assert "We received a payment of MNT30,000 that this booking did not need." in text


def test_without_a_deposit_the_policy_promises_no_deposit_and_admins_decide_refunds() -> None:
    free = facts("booking.confirmed", Party.CUSTOMER, "en", deposit=None, amount_paid=None)
    text = BabelRenderer().render(free).text
    assert "up to 48 hours before the appointment." in text and "deposit is kept" not in text
    zero = facts(
        "booking.cancelled", Party.CUSTOMER, "en", cancelled_by="admin", amount=None,
        status="cancelled",
    )  # fmt: skip
    assert "Inkslot decided that no refund is due." in BabelRenderer().render(zero).text


def test_a_text_message_is_short_with_the_local_time_and_a_link() -> None:
    sms = BabelRenderer().render(facts("booking.confirmed", Party.CUSTOMER, "mn")).sms
    assert sms == "INK-7Q2M4X захиалга баталгаажлаа. 12-р сарын 1, 14:00. https://app/b/1"
    assert len(sms) <= 70  # one UCS-2 part


def test_html_escapes_what_people_typed() -> None:
    hostile = facts("booking.requested", Party.ARTIST, "en", customer_name="<b>x</b>&")
    page = BabelRenderer().render(hostile).html
    assert "<b>x</b>" not in page and "&lt;b&gt;x&lt;/b&gt;&amp;" in page


@given(st.integers(min_value=0, max_value=10**15), st.sampled_from(["en", "mn"]))
def test_mnt_is_shown_in_whole_togrog(minor: int, locale: str) -> None:
    shown = money(Money(minor * 100, "MNT"), locale)
    assert f"{minor:,}" in shown and "." not in shown.replace(",", "")


def test_other_currencies_keep_their_minor_units_and_times_name_their_zone() -> None:
    assert money(Money(12_345, "USD"), "en") == "$123.45"
    assert moment(START, "America/New_York", "en").endswith("(Eastern Standard Time)")
    assert "01:00" in moment(START, "America/New_York", "en")


@pytest.mark.parametrize("locale", ["en", "mn"])
def test_a_client_record_is_told_without_app_links_and_whom_to_call(locale: str) -> None:
    """A walk-in or phone client has no account: no link to the app's pages (they need a
    sign-in) and no settings hint; the artist to contact instead, in the artist's language."""
    told = facts("booking.confirmed", Party.CUSTOMER, locale, to_client=True)
    rendered = BabelRenderer().render(dataclasses.replace(told, channel=Channel.SMS))
    assert "https://app/" not in rendered.sms and "INK-7Q2M4X" in rendered.sms
    message = BabelRenderer().render(told)
    assert "https://app/" not in message.text and "https://app/" not in message.html
    assert "Bold Ink" in message.text.rsplit("--", 1)[1]
    hint = {"en": "contact Bold Ink", "mn": "Bold Ink-тай холбогдоно уу"}[locale]
    assert hint in message.text and hint in message.html
    account = BabelRenderer().render(facts("booking.confirmed", Party.CUSTOMER, locale))
    assert "https://app/b/1" in account.text and hint not in account.text
