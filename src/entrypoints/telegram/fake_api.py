"""A local fake of Telegram's Bot API, for ``make run`` and the tests
(``inkslot telegram fake-api``; docs/telegram.md, "Trying it locally").

It speaks Telegram's wire format at ``/bot<token>/<method>`` (JSON, a form or the query:
``getMe``, ``setWebhook``, ``deleteWebhook``, ``getWebhookInfo``, ``sendMessage``,
``editMessageReplyMarkup``, ``answerCallbackQuery``), checks what Telegram checks (the
HTML, the buttons, a pressed button answered once), and lets a person play the chat's
side, each posted to the webhook ``setWebhook`` registered, with its secret token:

- ``POST /fake/send {"chatId", "text"}``: the person writes to the bot (``/start <token>``);
- ``POST /fake/press {"chatId", "button"}`` (a label, or ``"data"``; ``"messageId"`` to
  choose the message): the person presses a button of the bot's newest message that has it;
- ``POST /fake/block {"chatId"}``, ``/fake/unblock``: the person blocks or unblocks the
  bot (its messages are then refused with 403, as Telegram does);
- ``POST /fake/fail {"status", "count", "method"?, "retryAfter"?}``: the next calls fail
  (429 with ``retry_after``, 403, 5xx);
- ``GET /fake/log``: every call and update, one JSON object a line (also appended to the
  ``--log`` file); ``GET /fake/chats/<chatId>``: the chat as its person sees it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import httpx

from entrypoints.telegram.fake_state import FakeTelegram

Scope = dict[str, Any]
_BOT_PATH = re.compile(r"/bot([0-9]{1,20}:[A-Za-z0-9_-]{1,100})/([A-Za-z]{1,64})")
_CHAT_PATH = re.compile(r"/fake/chats/(-?[0-9]{1,20})")
USAGE = (
    "Inkslot's fake Telegram Bot API.\n"
    "  POST /bot<token>/<method>    the Bot API\n"
    '  POST /fake/send  {"chatId": 5550001, "text": "/start TOKEN"}\n'
    '  POST /fake/press {"chatId": 5550001, "button": "Cancel"}\n'
    '  POST /fake/block {"chatId": 5550001}    (and /fake/unblock)\n'
    '  POST /fake/fail  {"status": 429, "count": 1, "retryAfter": 2}\n'
    "  GET  /fake/log   GET /fake/chats/<chatId>\n"
)


class FakeBotApi:
    """The ASGI app; ``state`` is the fake Telegram it serves."""

    def __init__(self, token: str | None = None, log_path: Path | None = None) -> None:
        self.state = FakeTelegram(token=token, log_path=log_path)

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        status, answer, kind = await self._route(scope, body)
        payload = answer.encode() if isinstance(answer, str) else json.dumps(answer).encode()
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [(b"content-type", kind.encode())],
            }
        )
        await send({"type": "http.response.body", "body": payload})

    async def _route(self, scope: Scope, body: bytes) -> tuple[int, Any, str]:
        path, method = scope["path"], scope["method"]
        bot = _BOT_PATH.fullmatch(path)
        if bot is not None:
            params = _params(scope, body)
            if params is None:
                return 400, {"ok": False, "error_code": 400, "description": "Bad Request"}, _JSON
            status, answer = self.state.call(bot.group(1), bot.group(2), params)
            return status, answer, _JSON
        chat = _CHAT_PATH.fullmatch(path)
        if method == "GET" and chat is not None:
            return 200, self.state.chat(int(chat.group(1))), _JSON
        if method == "GET" and path == "/fake/log":
            lines = "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in self.state.log)
            return 200, lines, "application/x-ndjson; charset=utf-8"
        if method == "POST" and path.startswith("/fake/"):
            return await self._act(path.removeprefix("/fake/"), body)
        return 200 if path == "/" else 404, USAGE, "text/plain; charset=utf-8"

    async def _act(self, action: str, body: bytes) -> tuple[int, Any, str]:
        try:
            asked = json.loads(body or b"{}")
            if not isinstance(asked, dict):
                raise TypeError("send a JSON object")
            update = self._update(action, asked)
        except (ValueError, KeyError, TypeError, LookupError) as refused:
            return 400, {"error": str(refused) or type(refused).__name__}, _JSON
        if update is None:
            return 200, {"ok": True}, _JSON
        delivered = await self.deliver(update)
        return 200, {"updateId": update["update_id"], "webhookStatus": delivered}, _JSON

    def _update(self, action: str, asked: dict[str, Any]) -> dict[str, Any] | None:
        state = self.state
        if action == "fail":
            state.fail_next(
                int(asked.get("count", 1)),
                int(asked["status"]),
                method=asked.get("method"),
                retry_after=asked.get("retryAfter"),
            )
            return None
        chat_id = int(asked["chatId"])
        if action == "send":
            return state.user_message(
                chat_id,
                str(asked["text"]),
                username=asked.get("username"),
                language_code=asked.get("languageCode", "en"),
            )
        if action == "press":
            return state.press(
                chat_id,
                label=asked.get("button"),
                data=asked.get("data"),
                message_id=asked.get("messageId"),
            )
        if action in ("block", "unblock"):
            return state.block(chat_id, blocked=action == "block")
        raise LookupError(f"no such action: {action}")

    async def deliver(self, update: dict[str, Any]) -> int | str:
        """Post the update to the webhook as Telegram does; its status (or why none)."""
        url, secret = self.state.webhook_url, self.state.webhook_secret
        if not url:
            return "no webhook set (run inkslot telegram set-webhook)"
        headers = {"X-Telegram-Bot-Api-Secret-Token": secret} if secret else {}
        try:
            async with httpx.AsyncClient(timeout=10) as client:
                response = await client.post(url, json=update, headers=headers)
        except httpx.HTTPError as error:
            return f"the webhook could not be reached: {type(error).__name__}"
        return response.status_code


_JSON = "application/json"


def _params(scope: Scope, body: bytes) -> dict[str, Any] | None:
    """A call's parameters, sent as Telegram takes them: JSON, a form, or the query."""
    headers = {k.decode().lower(): v.decode() for k, v in scope["headers"]}
    kind = headers.get("content-type", "").split(";")[0].strip()
    try:
        if kind == "application/json":
            found = json.loads(body or b"{}")
            return found if isinstance(found, dict) else None
        pairs = parse_qsl(body.decode() if body else scope.get("query_string", b"").decode())
    except (ValueError, UnicodeDecodeError):
        return None
    return {key: _value(value) for key, value in pairs}


def _value(raw: str) -> Any:
    """A form's value as Telegram reads it: JSON where it is JSON (numbers, objects)."""
    try:
        return json.loads(raw)
    except ValueError:
        return raw
