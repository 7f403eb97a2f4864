"""What the fake Bot API says on the wire, as Telegram says it: its answers (``{"ok": true,
"result"}`` or ``{"ok": false, "error_code", "description", "parameters"}``), the bot's and
the people's JSON, the messages it keeps and the failures scripted for it."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from typing import Any

Answer = tuple[int, dict[str, Any]]
BOT = {
    "id": 5550000001,
    "is_bot": True,
    "first_name": "Inkslot (fake)",
    "username": "InkslotFakeBot",
}
SECRET = re.compile(r"[A-Za-z0-9_-]{1,256}")


@dataclass
class FakeMessage:
    message_id: int
    chat_id: int
    from_bot: bool
    text: str  # as shown (tags gone)
    html: str  # as sent
    buttons: list[list[dict[str, str]]] = field(default_factory=list)

    def shown(self) -> dict[str, Any]:
        return {
            "messageId": self.message_id,
            "chatId": self.chat_id,
            "fromBot": self.from_bot,
            "text": self.text,
            "buttons": self.buttons,
        }


@dataclass
class Failure:
    method: str | None  # None: any method
    status: int
    retry_after: int | None


def ok(result: Any) -> Answer:
    return 200, {"ok": True, "result": result}


def error(status: int, description: str, retry_after: int | None = None) -> Answer:
    body: dict[str, Any] = {"ok": False, "error_code": status, "description": description}
    if retry_after is not None:
        body["parameters"] = {"retry_after": retry_after}
    return status, body


def failure(failure: Failure) -> Answer:
    if failure.status == 429:
        wait = failure.retry_after or 1
        return error(429, f"Too Many Requests: retry after {wait}", wait)
    if failure.status == 403:
        return error(403, "Forbidden: bot was blocked by the user")
    return error(
        failure.status, "Internal Server Error" if failure.status >= 500 else "Bad Request"
    )


def now() -> int:
    return int(time.time())


def chat(chat_id: int, first_name: str, username: str | None) -> dict[str, Any]:
    chat: dict[str, Any] = {"id": chat_id, "type": "private", "first_name": first_name}
    return chat | ({"username": username} if username else {})


def person(user_id: int, first_name: str, username: str | None, language: str) -> dict[str, Any]:
    person: dict[str, Any] = {
        "id": user_id,
        "is_bot": False,
        "first_name": first_name,
        "language_code": language,
    }
    return person | ({"username": username} if username else {})


def message_json(message: FakeMessage) -> dict[str, Any]:
    made: dict[str, Any] = {
        "message_id": message.message_id,
        "date": now(),
        "chat": chat(message.chat_id, "Bat", None),
        "text": message.text,
    }
    if message.from_bot:
        made["from"] = BOT
    if message.buttons:
        made["reply_markup"] = {"inline_keyboard": message.buttons}
    return made
