"""The fake Bot API (``entrypoints.telegram.fake_api``) as tests use it: served on a port of
its own in a thread (``serving``), the state looked at and steered from the test, and the
updates a person makes handed to the app's webhook by the test itself."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from entrypoints.telegram.fake_api import FakeBotApi
from entrypoints.telegram.fake_state import FakeTelegram
from tests.support.http_servers import serving
from tests.support.telegram import TEST_BOT_TOKEN

BOT_USERNAME = "InkslotTestBot"
CHAT = 5550001  # a private chat's id is its person's Telegram id
OTHER_CHAT = 5550002


@dataclass(frozen=True)
class ServedFake:
    url: str
    state: FakeTelegram

    def sent(self, chat_id: int = CHAT) -> list[dict[str, Any]]:
        """The bot's messages in the chat, oldest first, with their buttons as they are."""
        return [m for m in self.state.chat(chat_id) if m["fromBot"]]

    def last(self, chat_id: int = CHAT) -> dict[str, Any]:
        return self.sent(chat_id)[-1]

    def message(self, message_id: int, chat_id: int = CHAT) -> dict[str, Any]:
        """One of the chat's messages as it is now (its buttons changed since it came)."""
        return next(m for m in self.state.chat(chat_id) if m["messageId"] == message_id)

    def labels(self, message: dict[str, Any]) -> list[str]:
        return [b["text"] for row in message["buttons"] for b in row]

    def answers(self) -> list[str]:
        """The notices pressed buttons showed, in order."""
        return [c["request"].get("text", "") for c in self.state.calls("answerCallbackQuery")
                if c["status"] == 200]  # fmt: skip


@contextmanager
def fake_telegram(token: str | None = TEST_BOT_TOKEN) -> Iterator[ServedFake]:
    app = FakeBotApi(token=token)
    with serving(app) as url:
        yield ServedFake(url, app.state)


def telegram_settings(fake: ServedFake) -> dict[str, Any]:
    """The settings of a server whose bot talks to the fake."""
    return {
        "telegram_bot_token": TEST_BOT_TOKEN,
        "telegram_api_url": fake.url,
        "telegram_bot_username": BOT_USERNAME,
    }
