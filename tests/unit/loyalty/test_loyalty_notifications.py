"""What points tell whom: the customer hears of points earned by mail and in the app, of
points taken back or expired in the app, and of nothing they did themselves (redeeming,
releasing); no one else hears; the message reads in English and Mongolian with a link to
one's points."""

# ruff: noqa: RUF001 (Mongolian Cyrillic in the expected texts)

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from adapters.notifications.rendering import BabelRenderer
from booking_domain.loyalty import Action, Earn, Expire, Redeem, Reverse, apply
from booking_domain.loyalty.published import entry_event
from booking_domain.notifications import (
    DEFAULT_OFFSETS,
    Channel,
    NotificationPreferences,
    Recipient,
    ReminderOffsets,
)
from booking_domain.notifications.facts import facts_for, link_of
from booking_domain.notifications.planning import plan
from booking_domain.shared import ArtistId, OutboxEvent
from booking_domain.testing.builders import ARTIST_ID, CUSTOMER_USER
from booking_domain.testing.loyalty import a_program, an_account

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
APP = "https://app.example"
PROGRAM = a_program(NOW)


def offsets(artist_id: ArtistId) -> ReminderOffsets:
    return ReminderOffsets(ARTIST_ID, DEFAULT_OFFSETS)


def events() -> dict[str, OutboxEvent]:
    """One event of each kind, in the order a customer's account could live them."""
    account = an_account(NOW, PROGRAM.id)
    found: dict[str, OutboxEvent] = {}
    actions: tuple[Action, ...] = (
        Earn(1_500, 1_500_000, "booking/b", "booking_completed", NOW + timedelta(days=30)),
        Redeem(200, "invoice/i"),
        Reverse("booking/b", 150_000, "refund"),
        Expire(),
    )
    for number, action in enumerate(actions):
        moment = NOW + timedelta(days=31 if isinstance(action, Expire) else number)
        movement = apply(account, action, moment)
        account = movement.account
        for entry in movement.entries:
            event = entry_event(entry, account, PROGRAM)
            found[event.type] = event
    return found


def test_the_customer_hears_of_earned_reversed_and_expired_points_only() -> None:
    told = {
        kind: {(n.recipient_id, n.channel) for n in plan(event, NOW, offsets)}
        for kind, event in events().items()
    }
    assert told == {
        "loyalty.points_earned": {(CUSTOMER_USER, Channel.EMAIL), (CUSTOMER_USER, Channel.IN_APP)},
        "loyalty.points_redeemed": set(),
        "loyalty.points_reversed": {(CUSTOMER_USER, Channel.IN_APP)},
        "loyalty.points_expired": {(CUSTOMER_USER, Channel.IN_APP)},
    }


@pytest.mark.parametrize(
    ("locale", "title", "lead"),
    [
        ("en", "You earned 1,500 points",
         "1,500 points from Inkslot are yours; your balance there is 1,500 points."),
        ("mn", "Та 1,500 оноо авлаа",
         "Та Inkslot хөтөлбөрөөс 1,500 оноо авлаа; тэнд таны оноо 1,500 боллоо."),
    ],
)  # fmt: skip
def test_earned_points_read_in_each_language_with_a_link_to_ones_points(
    locale: str, title: str, lead: str
) -> None:
    (mail,) = [
        n for n in plan(events()["loyalty.points_earned"], NOW, offsets)
        if n.channel is Channel.EMAIL
    ]  # fmt: skip
    recipient = Recipient(
        CUSTOMER_USER, "Саруул", "s@example.com", None, locale, True,
        NotificationPreferences(CUSTOMER_USER),
    )  # fmt: skip
    rendered = BabelRenderer().render(facts_for(mail, recipient, None, APP, NOW))
    assert rendered.title == title
    assert rendered.text.startswith(lead)
    assert f"{APP}/loyalty" in rendered.text and f'href="{APP}/loyalty"' in rendered.html
    assert link_of(mail, APP) == f"{APP}/loyalty"
