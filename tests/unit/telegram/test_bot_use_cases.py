"""The Telegram bot and channel on the in-memory adapters, against the fake Bot API on a
port of its own: linking a chat, the commands, the buttons acting through the bookings'
own change, Telegram's 429 and 403, and what the webhook refuses."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import httpx
import pytest

from adapters.memory.notifications import InMemoryNotificationQueue
from booking_domain.accounts import TelegramOffError
from booking_domain.bookings import Booking, BookingStatus
from booking_domain.bookings.use_cases import BookingRequest
from booking_domain.notifications import (
    Channel,
    Notification,
    NotificationId,
    NotificationStatus,
    SkipReason,
    TelegramChatNotLinkedError,
)
from booking_domain.shared.identity import Actor, Role
from booking_domain.telegram import TelegramWebhookRefusedError, derived_secret
from tests.support.bootstrap import App, build_app
from tests.support.builders import START
from tests.support.catalog import BookableArtist, add_bookable_artist, add_user
from tests.support.fake_telegram import CHAT, ServedFake, fake_telegram, telegram_settings
from tests.support.telegram import TEST_BOT_TOKEN

pytestmark = pytest.mark.anyio
SECRET = derived_secret(TEST_BOT_TOKEN)
SLOT = START.replace(hour=12) + timedelta(days=3)
BLOCKED = SkipReason.BLOCKED


@pytest.fixture
def fake() -> Iterator[ServedFake]:
    with fake_telegram() as served:
        yield served


@pytest.fixture
def app(fake: ServedFake) -> App:
    return build_app(app_url="https://app.example.mn", **telegram_settings(fake))


async def post(app: App, update: dict[str, Any]) -> None:
    """What the webhook does, then what the update's job does."""
    body = json.dumps(update).encode()
    await app.bundles.telegram.receive_update(secret=SECRET, body=body)
    while (wait := await app.bundles.telegram.handle_update(update["update_id"])) is not None:
        app.clock.advance(wait)


async def queued(app: App) -> list[NotificationId]:
    async with app.uow(read_only=True) as uow:
        queue = uow.notification_queue
        assert isinstance(queue, InMemoryNotificationQueue)
        return queue.queued()


async def deliver(app: App) -> None:
    """The worker's share of notifications: plan, then send every queued round now."""
    await app.bundles.notifications.plan_notifications()
    await app.bundles.notifications.send_notifications(await queued(app))


async def on_telegram(app: App, kind: str) -> list[Notification]:
    async with app.uow(read_only=True) as uow:
        planned = await uow.notifications.get_many(await queued(app))
    return [n for n in planned if n.channel is Channel.TELEGRAM and n.kind == kind]


async def linked(app: App, fake: ServedFake, actor: Actor, chat: int = CHAT) -> None:
    offer = await app.bundles.notifications.start_telegram_chat_link(actor)
    await post(app, fake.state.user_message(chat, offer.command))


async def booked(app: App, artist: BookableArtist, customer: Actor) -> Booking:
    asked = BookingRequest(artist.id, artist.service.id, SLOT)
    return (await app.bookings.create_booking(customer, asked)).booking


async def test_a_chat_links_by_the_deep_links_token_once(app: App, fake: ServedFake) -> None:
    customer = await add_user(app.uow)
    offer = await app.bundles.notifications.start_telegram_chat_link(customer)
    assert offer.url == f"https://t.me/InkslotTestBot?start={offer.token}"
    assert offer.command == f"/start {offer.token}"
    await post(app, fake.state.user_message(CHAT, offer.command))
    assert "linked to your Inkslot account" in fake.last()["text"]
    chat = await app.bundles.notifications.get_telegram_chat(customer)
    assert (chat.chat_id, chat.reachable) == (CHAT, True)
    await post(app, fake.state.user_message(5550099, offer.command))  # used: no second chat
    assert "expired or was used" in fake.last(5550099)["text"]


async def test_a_booking_is_told_on_telegram_with_buttons_and_cancelled_by_them(
    app: App, fake: ServedFake
) -> None:
    artist = await add_bookable_artist(app.uow)
    customer = await add_user(app.uow)
    await linked(app, fake, customer)
    booking = await booked(app, artist, customer)
    await deliver(app)
    told = fake.last()
    assert "is confirmed" in told["text"]
    assert fake.labels(told) == ["Cancel", "Reschedule", "Open the booking"]
    await post(app, fake.state.user_message(CHAT, "/next"))
    card = fake.last()
    assert booking.reference in card["text"] and "Cancel" in fake.labels(card)
    await post(app, fake.state.press(CHAT, label="Cancel", message_id=told["messageId"]))
    assert fake.labels(fake.message(told["messageId"])) == ["Yes, cancel it", "No, keep it"]
    assert (await app.bookings.get_booking(customer, booking.id)).status is BookingStatus.CONFIRMED
    await post(app, fake.state.press(CHAT, label="Yes, cancel it"))
    assert (await app.bookings.get_booking(customer, booking.id)).status is BookingStatus.CANCELLED
    assert fake.labels(fake.message(told["messageId"])) == ["Open the booking"]
    assert fake.answers()[-1] == f"Booking {booking.reference} is cancelled."
    await deliver(app)  # the cancellation told on Telegram too, with no button to cancel
    assert "You cancelled" in fake.last()["text"]
    # The card's button is out of date: said politely, and its buttons follow the booking.
    await post(app, fake.state.press(CHAT, label="Cancel", message_id=card["messageId"]))
    assert fake.answers()[-1] == "This booking cannot be changed that way any more."
    assert fake.labels(fake.message(card["messageId"])) == ["Open the booking"]


async def test_a_blocked_bot_switches_the_channel_off_until_the_person_writes_again(
    app: App, fake: ServedFake
) -> None:
    artist = await add_bookable_artist(app.uow)
    customer = await add_user(app.uow)
    await linked(app, fake, customer)
    fake.state.blocked.add(CHAT)  # Telegram refuses with 403 from now on
    await booked(app, artist, customer)
    await deliver(app)
    told = await on_telegram(app, "booking.confirmed")
    assert [(n.status, n.skip_reason) for n in told] == [(NotificationStatus.SKIPPED, BLOCKED)]
    assert not (await app.bundles.notifications.get_telegram_chat(customer)).reachable
    await post(app, fake.state.user_message(CHAT, "/start"))
    assert (await app.bundles.notifications.get_telegram_chat(customer)).reachable


async def test_the_webhook_refuses_another_secret_and_says_telegram_is_off_without_a_token(
    app: App, fake: ServedFake
) -> None:
    body = json.dumps(fake.state.user_message(CHAT, "/help")).encode()
    with pytest.raises(TelegramWebhookRefusedError):
        await app.bundles.telegram.receive_update(secret="nope", body=body)
    with pytest.raises(TelegramWebhookRefusedError):
        await app.bundles.telegram.receive_update(secret=None, body=body)
    off = build_app()
    with pytest.raises(TelegramOffError):
        await off.bundles.telegram.receive_update(secret=SECRET, body=body)
    with pytest.raises(TelegramOffError):
        await off.bundles.notifications.start_telegram_chat_link(await add_user(off.uow))


async def test_the_commands_answer_as_the_api_shows_the_accounts_bookings(
    app: App, fake: ServedFake
) -> None:
    artist = await add_bookable_artist(app.uow)
    customer = await add_user(app.uow)
    await post(app, fake.state.user_message(CHAT, "/bookings"))  # not linked yet
    assert "ask Inkslot for a Telegram link" in fake.last()["text"]
    await linked(app, fake, customer)
    await post(app, fake.state.user_message(CHAT, "/bookings"))
    assert fake.last()["text"] == "You have no upcoming bookings."
    later = await booked(app, artist, customer)
    asked = BookingRequest(artist.id, artist.service.id, SLOT - timedelta(days=1))
    sooner = (await app.bookings.create_booking(customer, asked)).booking
    await post(app, fake.state.user_message(CHAT, "/bookings@InkslotTestBot"))
    listed = fake.last()["text"]
    assert listed.index(sooner.reference) < listed.index(later.reference)  # soonest first
    await post(app, fake.state.user_message(CHAT, "/next"))
    assert sooner.reference in fake.last()["text"]
    await post(app, fake.state.user_message(CHAT, "what can you do?"))
    assert "/bookings" in fake.last()["text"]
    await post(app, fake.state.user_message(CHAT, "/stop"))
    assert "unlinked" in fake.last()["text"]
    with pytest.raises(TelegramChatNotLinkedError):
        await app.bundles.notifications.get_telegram_chat(customer)


async def test_the_artist_declines_a_request_after_being_asked_and_can_keep_it(
    app: App, fake: ServedFake
) -> None:
    artist = await add_bookable_artist(app.uow, needs_approval=True)
    customer = await add_user(app.uow)
    await linked(app, fake, Actor(artist.user_id, Role.ARTIST))
    booking = await booked(app, artist, customer)
    await deliver(app)
    asked = fake.last()
    assert fake.labels(asked) == ["Confirm", "Decline", "Open the booking"]
    await post(app, fake.state.press(CHAT, label="Decline"))
    await post(app, fake.state.press(CHAT, label="No, keep it"))
    assert fake.labels(fake.message(asked["messageId"])) == [
        "Confirm",
        "Decline",
        "Open the booking",
    ]
    assert (await app.bookings.get_booking(customer, booking.id)).status is BookingStatus.PENDING
    await post(app, fake.state.press(CHAT, label="Decline"))
    await post(app, fake.state.press(CHAT, label="Yes, decline it"))
    assert (await app.bookings.get_booking(customer, booking.id)).status is BookingStatus.CANCELLED
    assert fake.answers()[-1] == f"The request {booking.reference} is declined."


async def test_telegrams_429_delays_a_reply_and_a_reply_that_keeps_failing_is_dropped(
    app: App, fake: ServedFake
) -> None:
    customer = await add_user(app.uow)
    await linked(app, fake, customer)
    fake.state.fail_next(1, 429, method="sendMessage", retry_after=3)
    update = fake.state.user_message(CHAT, "/help")
    await app.bundles.telegram.receive_update(secret=SECRET, body=json.dumps(update).encode())
    wait = await app.bundles.telegram.handle_update(update["update_id"])
    assert wait == timedelta(seconds=3)
    app.clock.advance(wait)
    assert await app.bundles.telegram.handle_update(update["update_id"]) is None
    assert "I tell you about" in fake.last()["text"]
    fake.state.fail_next(10, 502, method="sendMessage")
    again = fake.state.user_message(CHAT, "/help")
    await app.bundles.telegram.receive_update(secret=SECRET, body=json.dumps(again).encode())
    rounds = 0
    while (wait := await app.bundles.telegram.handle_update(again["update_id"])) is not None:
        rounds += 1
        app.clock.advance(wait)
    failed = [c for c in fake.state.calls("sendMessage") if c["status"] == 502]
    assert (rounds, len(failed)) == (3, 4)  # tried after 2, 10 and 30 s, then dropped


def test_the_fake_refuses_a_persons_action_it_cannot_read_with_400(fake: ServedFake) -> None:
    for action in ("send", "press", "block", "fail"):
        for body in (b"[]", b'"x"', b"{}", b'{"chatId": "x", "status": "y"}', b"not json"):
            answer = httpx.post(f"{fake.url}/fake/{action}", content=body, timeout=5)
            assert answer.status_code == 400, (action, body)


async def test_a_refused_press_switches_a_chat_that_was_off_on_again(
    app: App, fake: ServedFake
) -> None:
    """The person unblocked the bot (Telegram's word of it lost) and pressed a button that
    is out of date: the refusal is answered, and the chat is on again all the same."""
    artist = await add_bookable_artist(app.uow)
    customer = await add_user(app.uow)
    await linked(app, fake, customer)
    booking = await booked(app, artist, customer)
    await deliver(app)
    told = fake.last()
    await post(app, fake.state.block(CHAT))
    assert not (await app.bundles.notifications.get_telegram_chat(customer)).reachable
    await app.bookings.change_status(customer, booking.id, status=BookingStatus.CANCELLED)
    fake.state.blocked.discard(CHAT)
    await post(app, fake.state.press(CHAT, label="Cancel", message_id=told["messageId"]))
    assert fake.answers()[-1] == "This booking cannot be changed that way any more."
    assert (await app.bundles.notifications.get_telegram_chat(customer)).reachable
