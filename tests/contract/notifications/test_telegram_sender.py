"""The Telegram channel's sender (``HttpBotApi``) against the fake Bot API on a port of its
own, speaking Telegram's wire format: a message arrives as HTML with its buttons, and every
answer of Telegram's becomes the outcome the pipeline needs (429 with ``retry_after``, 403
unreachable, 400 for good, a refused token or no Telegram at all for later), the token never
in an error."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import timedelta

import pytest

from adapters.notifications.telegram_bot_api import BOT_REFUSED, HttpBotApi
from booking_domain.notifications import SendOutcome, TelegramButton, TelegramMessage
from booking_domain.telegram import AnswerPress, EditButtons
from tests.support.fake_telegram import CHAT, ServedFake, fake_telegram
from tests.support.server import free_port
from tests.support.telegram import OTHER_BOT_TOKEN, TEST_BOT_TOKEN

pytestmark = pytest.mark.anyio
BUTTONS = ((TelegramButton("Cancel", callback_data="cancel:" + "a" * 32),),
           (TelegramButton("Open", url="https://app.example.mn/bookings/1"),))  # fmt: skip


def a_message(
    text: str = "<b>Booking INK-7Q2M4X is confirmed</b>\nSee you &amp; bye",
) -> TelegramMessage:
    return TelegramMessage("0190f1a2-b3c4-7d5e-8f60-123456789abc", CHAT, text, BUTTONS)


@pytest.fixture
def fake() -> Iterator[ServedFake]:
    with fake_telegram() as served:
        yield served


@pytest.fixture
async def api(fake: ServedFake) -> AsyncIterator[HttpBotApi]:
    sender = HttpBotApi(fake.url, TEST_BOT_TOKEN)
    yield sender
    await sender.aclose()


async def test_a_message_arrives_as_html_with_its_buttons(
    api: HttpBotApi, fake: ServedFake
) -> None:
    outcome = await api.send(a_message())
    shown = fake.last()
    assert outcome == SendOutcome.ok(f"{CHAT}:{shown['messageId']}")
    assert shown["text"] == "Booking INK-7Q2M4X is confirmed\nSee you & bye"
    assert fake.labels(shown) == ["Cancel", "Open"]
    sent = fake.state.calls("sendMessage")[-1]["request"]
    assert sent["parse_mode"] == "HTML" and sent["link_preview_options"] == {"is_disabled": True}


async def test_telegrams_429_says_when_to_try_again(api: HttpBotApi, fake: ServedFake) -> None:
    fake.state.fail_next(1, 429, retry_after=17)
    outcome = await api.send(a_message())
    assert not outcome.sent and not outcome.permanent
    assert outcome.retry_after == timedelta(seconds=17)


async def test_a_blocked_bot_is_unreachable_and_a_refused_message_is_refused_for_good(
    api: HttpBotApi, fake: ServedFake
) -> None:
    fake.state.blocked.add(CHAT)
    blocked = await api.send(a_message())
    assert blocked.unreachable and not blocked.sent
    fake.state.blocked.clear()
    broken = await api.send(a_message("<b>unclosed & raw"))
    assert broken.permanent and not broken.unreachable
    assert broken.error is not None and broken.error.startswith("Telegram answered 400")


@pytest.mark.parametrize("status", [500, 502])
async def test_telegram_failing_is_tried_again_on_the_schedule(
    api: HttpBotApi, fake: ServedFake, status: int
) -> None:
    fake.state.fail_next(1, status)
    outcome = await api.send(a_message())
    assert not outcome.sent and not outcome.permanent and outcome.retry_after is None


async def test_a_wrong_token_or_no_telegram_waits_for_an_operator_and_never_shows_the_token(
    fake: ServedFake,
) -> None:
    wrong = HttpBotApi(fake.url, OTHER_BOT_TOKEN)
    refused = await wrong.send(a_message())
    await wrong.aclose()
    assert refused == SendOutcome.failed(BOT_REFUSED)
    away = HttpBotApi(f"http://127.0.0.1:{free_port()}", TEST_BOT_TOKEN, timeout=2)
    unreachable = await away.send(a_message())
    await away.aclose()
    assert not unreachable.sent and not unreachable.permanent
    for outcome in (refused, unreachable):
        assert TEST_BOT_TOKEN.split(":")[1] not in (outcome.error or "")
    assert TEST_BOT_TOKEN not in repr(away)


async def test_buttons_are_changed_and_a_press_answered_once(
    api: HttpBotApi, fake: ServedFake
) -> None:
    await api.send(a_message())
    message_id = fake.last()["messageId"]
    pressed = fake.state.press(CHAT, label="Cancel", message_id=message_id)
    same = await api.call(EditButtons(CHAT, message_id, BUTTONS))
    assert same.sent  # Telegram's "message is not modified" is done, not refused
    assert (await api.call(EditButtons(CHAT, message_id, ()))).sent
    assert fake.labels(fake.last()) == []
    query = pressed["callback_query"]["id"]
    assert (await api.call(AnswerPress(query, "Cancel INK-7Q2M4X?"))).sent
    again = await api.call(AnswerPress(query, "Cancel INK-7Q2M4X?"))
    assert again.permanent  # a press answered already (or too late) is dropped, not retried
