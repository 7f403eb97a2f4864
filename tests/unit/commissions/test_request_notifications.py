"""What a request's steps tell whom: the other party, by mail and in the app, never the one
who acted; and the message reads in English and Mongolian with the request's link."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from adapters.notifications.rendering import BabelRenderer
from booking_domain.commissions import (
    Accept,
    Action,
    PostMessage,
    RequestEvent,
    Withdraw,
    apply,
    request_outbox_event,
    send_request,
)
from booking_domain.notifications import (
    DEFAULT_OFFSETS,
    Channel,
    NotificationPreferences,
    Recipient,
    ReminderOffsets,
)
from booking_domain.notifications.facts import facts_for, link_of
from booking_domain.notifications.planning import plan
from booking_domain.shared import Actor, OutboxEvent
from booking_domain.testing import artist, customer
from booking_domain.testing.builders import ARTIST_USER, CUSTOMER_USER
from booking_domain.testing.commissions import a_public_artist, a_request

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
APP = "https://app.example"


def offsets(artist_id: object) -> ReminderOffsets:
    return ReminderOffsets(a_public_artist(NOW).id, DEFAULT_OFFSETS)


def published(event: RequestEvent) -> OutboxEvent:
    return request_outbox_event(event, customer_name="Саруул", artist_name="Bold Ink")


def step(action: Action, actor: Actor) -> OutboxEvent:
    return published(apply(a_request(NOW), action, actor, NOW + timedelta(minutes=1)))


def told(event: OutboxEvent) -> set[tuple[object, Channel]]:
    return {(n.recipient_id, n.channel) for n in plan(event, NOW, offsets)}


def test_each_step_tells_the_other_party_by_mail_and_in_the_app() -> None:
    sent = send_request(customer(), a_public_artist(NOW), a_request(NOW).details, (), NOW,
                        adult=True)  # fmt: skip
    to_artist = {(ARTIST_USER, Channel.EMAIL), (ARTIST_USER, Channel.IN_APP)}
    to_customer = {(CUSTOMER_USER, Channel.EMAIL), (CUSTOMER_USER, Channel.IN_APP)}
    assert told(published(sent)) == to_artist
    assert told(step(Accept("Yes"), artist())) == to_customer
    assert told(step(Withdraw(), customer())) == to_artist
    assert told(step(PostMessage("Which arm?"), artist())) == to_customer
    assert told(step(PostMessage("The left"), customer())) == to_artist


def recipient(locale: str) -> Recipient:
    return Recipient(
        CUSTOMER_USER, "Саруул", "s@example.com", None, locale, True,
        NotificationPreferences(CUSTOMER_USER),
    )  # fmt: skip


@pytest.mark.parametrize(
    ("locale", "title"),
    [
        ("en", "Bold Ink accepted your tattoo request"),
        ("mn", "Уран бүтээлч Bold Ink таны шивээсний хүсэлтийг хүлээн авлаа"),
    ],
)
def test_an_acceptance_reads_in_both_languages_with_its_message_and_link(
    locale: str, title: str
) -> None:
    event = step(Accept("Love it, 12 cm works"), artist())
    (mail,) = [n for n in plan(event, NOW, offsets) if n.channel is Channel.EMAIL]
    facts = facts_for(mail, recipient(locale), None, APP, NOW)
    message = BabelRenderer().render(facts)
    request_id = event.subject.split("/")[1]
    assert message.title == title
    assert "Love it, 12 cm works" in message.text
    assert f"{APP}/requests/{request_id}" in message.text and "{" not in message.text
    assert link_of(mail, APP) == f"{APP}/requests/{request_id}"
