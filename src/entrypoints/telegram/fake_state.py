"""The fake Bot API's state: the chats as their people see them (the bot's messages with
their current buttons, what the people sent), the webhook registered, the log of every
call, failures scripted for the next calls, and the chats whose person blocked the bot.

``call(token, method, body)`` answers a Bot API call as Telegram would (its wire format:
``{"ok": true, "result"}`` or ``{"ok": false, "error_code", "description", "parameters"}``).
``user_message``, ``press`` and ``block`` make the update Telegram would post to the
webhook when a person writes, presses a button, or blocks the bot. Thread-safe: a test
serves it in a thread of its own and looks at it from another.
"""

from __future__ import annotations

import itertools
import json
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from entrypoints.telegram import fake_wire as wire
from entrypoints.telegram.fake_html import MAX_TEXT, EntityError, keyboard_problem, visible_text
from entrypoints.telegram.fake_wire import BOT, Answer, Failure, FakeMessage


@dataclass
class FakeTelegram:
    token: str | None = None  # None: any well-formed token is the bot's
    log_path: Path | None = None
    webhook_url: str = ""
    webhook_secret: str = ""
    messages: list[FakeMessage] = field(default_factory=list)
    log: list[dict[str, Any]] = field(default_factory=list)
    blocked: set[int] = field(default_factory=set)
    queries: dict[str, bool] = field(default_factory=dict)  # callback query id -> answered
    failures: list[Failure] = field(default_factory=list)
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    _updates: itertools.count[int] = field(default_factory=lambda: itertools.count(900001))
    _lock: threading.RLock = field(default_factory=threading.RLock)

    # --- the Bot API ---------------------------------------------------------------------

    def call(self, token: str, method: str, body: dict[str, Any]) -> Answer:
        with self._lock:
            answer = self._answer(token, method, body)
            self._write(
                {"method": method, "request": body, "status": answer[0], "response": answer[1]}
            )
            return answer

    def _answer(self, token: str, method: str, body: dict[str, Any]) -> Answer:
        if self.token is not None and token != self.token:
            return wire.error(401, "Unauthorized")
        failure = self._scripted(method)
        if failure is not None:
            return wire.failure(failure)
        handler = getattr(self, f"_m_{method}", None)
        if handler is None:
            return wire.error(404, "Not Found: method not found")
        answer: Answer = handler(body)
        return answer

    def _scripted(self, method: str) -> Failure | None:
        for failure in self.failures:
            if failure.method in (None, method):
                self.failures.remove(failure)
                return failure
        return None

    def _m_getMe(self, body: dict[str, Any]) -> Answer:  # noqa: N802 (Telegram's names)
        return wire.ok(BOT)

    def _m_setWebhook(self, body: dict[str, Any]) -> Answer:  # noqa: N802
        url, secret = body.get("url"), body.get("secret_token", "")
        if not isinstance(url, str) or not url.startswith(("http://", "https://")):
            return wire.error(400, "Bad Request: bad webhook: an HTTP URL must be provided")
        if not isinstance(secret, str) or (secret and not wire.SECRET.fullmatch(secret)):
            return wire.error(400, "Bad Request: secret token contains unallowed characters")
        self.webhook_url, self.webhook_secret = url, secret
        return wire.ok(True)

    def _m_deleteWebhook(self, body: dict[str, Any]) -> Answer:  # noqa: N802
        self.webhook_url, self.webhook_secret = "", ""
        return wire.ok(True)

    def _m_getWebhookInfo(self, body: dict[str, Any]) -> Answer:  # noqa: N802
        return wire.ok(
            {"url": self.webhook_url, "has_custom_certificate": False, "pending_update_count": 0}
        )

    def _m_sendMessage(self, body: dict[str, Any]) -> Answer:  # noqa: N802
        chat_id, html = body.get("chat_id"), body.get("text")
        if not isinstance(chat_id, int) or isinstance(chat_id, bool):
            return wire.error(400, "Bad Request: chat not found")
        if chat_id in self.blocked:
            return wire.error(403, "Forbidden: bot was blocked by the user")
        if not isinstance(html, str):
            return wire.error(400, "Bad Request: message text is empty")
        try:
            text = visible_text(html) if body.get("parse_mode") == "HTML" else html
        except EntityError as error:
            return wire.error(400, f"Bad Request: can't parse entities: {error}")
        if not text.strip() or len(text) > MAX_TEXT:
            return wire.error(
                400,
                "Bad Request: message is too long"
                if text
                else "Bad Request: message text is empty",
            )
        markup = body.get("reply_markup")
        problem = keyboard_problem(markup)
        if problem is not None:
            return wire.error(400, f"Bad Request: {problem}")
        buttons = markup["inline_keyboard"] if isinstance(markup, dict) else []
        message = FakeMessage(next(self._ids), chat_id, True, text, html, buttons)
        self.messages.append(message)
        return wire.ok(wire.message_json(message))

    def _m_editMessageReplyMarkup(self, body: dict[str, Any]) -> Answer:  # noqa: N802
        chat_id, message_id = body.get("chat_id"), body.get("message_id")
        found = next(
            (
                m
                for m in self.messages
                if m.chat_id == chat_id and m.message_id == message_id and m.from_bot
            ),
            None,
        )
        if found is None:
            return wire.error(400, "Bad Request: message to edit not found")
        markup = body.get("reply_markup") or {"inline_keyboard": []}
        problem = keyboard_problem(markup)
        if problem is not None:
            return wire.error(400, f"Bad Request: {problem}")
        if markup["inline_keyboard"] == found.buttons:
            return wire.error(
                400,
                "Bad Request: message is not modified: specified new message "
                "content and reply markup are exactly the same",
            )
        found.buttons = markup["inline_keyboard"]
        return wire.ok(wire.message_json(found))

    def _m_answerCallbackQuery(self, body: dict[str, Any]) -> Answer:  # noqa: N802
        query, text = body.get("callback_query_id"), body.get("text", "")
        if not isinstance(query, str) or self.queries.get(query, True):
            return wire.error(
                400,
                "Bad Request: query is too old and response timeout expired or query ID is invalid",
            )
        if not isinstance(text, str) or len(text) > 200:
            return wire.error(400, "Bad Request: MESSAGE_TOO_LONG")
        self.queries[query] = True
        return wire.ok(True)

    # --- what people do ------------------------------------------------------------------

    def user_message(
        self,
        chat_id: int,
        text: str,
        *,
        username: str | None = None,
        language_code: str = "en",
        first_name: str = "Bat",
    ) -> dict[str, Any]:
        """A person writes ``text`` to the bot: the update Telegram would post."""
        with self._lock:
            message = FakeMessage(next(self._ids), chat_id, False, text, text)
            self.messages.append(message)
            self.blocked.discard(chat_id)  # writing to the bot means it is not blocked
            person = wire.person(chat_id, first_name, username, language_code)
            update = {
                "update_id": next(self._updates),
                "message": {
                    "message_id": message.message_id,
                    "from": person,
                    "chat": wire.chat(chat_id, first_name, username),
                    "date": wire.now(),
                    "text": text,
                },
            }
            self._write({"update": update})
            return update

    def press(
        self,
        chat_id: int,
        *,
        label: str | None = None,
        data: str | None = None,
        message_id: int | None = None,
    ) -> dict[str, Any]:
        """A person presses the button labelled ``label`` (or carrying ``data``) under the
        bot's newest message that has it (or under message ``message_id``)."""
        with self._lock:
            message, button = self._button(chat_id, label, data, message_id)
            query = f"{next(self._ids)}{int(time.time() * 1000) % 10**9}"
            self.queries[query] = False
            update = {
                "update_id": next(self._updates),
                "callback_query": {
                    "id": query,
                    "from": wire.person(chat_id, "Bat", None, "en"),
                    "message": wire.message_json(message),
                    "chat_instance": str(chat_id),
                    "data": button["callback_data"],
                },
            }
            self._write({"update": update})
            return update

    def block(self, chat_id: int, *, blocked: bool = True) -> dict[str, Any]:
        """The person blocks (or unblocks) the bot: Telegram then refuses the bot's messages
        with 403 and posts a ``my_chat_member`` update."""
        with self._lock:
            (self.blocked.add if blocked else self.blocked.discard)(chat_id)
            old, new = ("member", "kicked") if blocked else ("kicked", "member")
            member = {
                "chat": wire.chat(chat_id, "Bat", None),
                "from": wire.person(chat_id, "Bat", None, "en"),
                "date": wire.now(),
                "old_chat_member": {"status": old, "user": BOT},
                "new_chat_member": {"status": new, "user": BOT},
            }
            update = {"update_id": next(self._updates), "my_chat_member": member}
            self._write({"update": update})
            return update

    def fail_next(
        self, count: int, status: int, *, method: str | None = None, retry_after: int | None = None
    ) -> None:
        with self._lock:
            self.failures.extend(Failure(method, status, retry_after) for _ in range(count))

    def chat(self, chat_id: int) -> list[dict[str, Any]]:
        with self._lock:
            return [m.shown() for m in self.messages if m.chat_id == chat_id]

    def calls(self, method: str | None = None) -> list[dict[str, Any]]:
        with self._lock:
            return [e for e in self.log if "method" in e and method in (None, e["method"])]

    def _button(
        self, chat_id: int, label: str | None, data: str | None, message_id: int | None
    ) -> tuple[FakeMessage, dict[str, str]]:
        for message in reversed(self.messages):
            if message.chat_id != chat_id or not message.from_bot:
                continue
            if message_id is not None and message.message_id != message_id:
                continue
            for button in (b for row in message.buttons for b in row):
                if "callback_data" in button and (
                    button["text"] == label or button["callback_data"] == data
                ):
                    return message, button
        raise LookupError(f"no button {label or data!r} in chat {chat_id}")

    def _write(self, entry: dict[str, Any]) -> None:
        entry = {"at": datetime.now(UTC).isoformat(timespec="milliseconds"), **entry}
        self.log.append(entry)
        if self.log_path is not None:
            with self.log_path.open("a", encoding="utf-8") as file:
                file.write(json.dumps(entry, ensure_ascii=False) + "\n")
