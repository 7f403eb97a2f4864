"""Telegram's Bot API over HTTPS: the bot's messages (the ``TelegramSender`` of
notifications), its answers to updates (the ``BotApi`` of the bot) and, for the
``inkslot telegram`` commands, its webhook.

Wire: ``POST {base}/bot{token}/{method}`` with a JSON body; Telegram answers
``{"ok": true, "result": ...}`` or ``{"ok": false, "error_code", "description",
"parameters": {"retry_after"}}``. ``base`` is ``INKSLOT_TELEGRAM_API_URL``
(``https://api.telegram.org``; a local fake for ``make run`` and the tests:
``entrypoints/telegram/fake_api.py``).

Outcomes (never raised):
- 200 ``ok``: sent (a message's reference is ``<chat id>:<message id>``);
- 429: ``retry_after`` as Telegram says (its ``parameters.retry_after`` seconds);
- 403 (the person blocked the bot, or never started it): ``unreachable``;
- 400: refused for good (its ``description``, which names no person); "message is not
  modified" (new buttons the same as the old) counts as done;
- 401, 404 (a wrong token: Telegram answers 404 for an unknown bot): transient, ``Telegram
  refused the bot token`` (an operator fixes it, then the retries go through);
- 409, 5xx, timeouts, connection errors: transient.
The token is part of every URL: it is never logged, never in an error and never in a repr
(httpx's own request log is silenced: ``entrypoints/logs.py``).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import httpx

from adapters.tls import verifying_context
from booking_domain.notifications import SendOutcome, TelegramButton, TelegramMessage
from booking_domain.notifications.senders import TelegramSender
from booking_domain.telegram import AnswerPress, BotApi, BotCall, Buttons, EditButtons, SendText

_log = logging.getLogger("inkslot.telegram")

BOT_REFUSED = "Telegram refused the bot token"
ALLOWED_UPDATES = ("message", "callback_query", "my_chat_member")
DEFAULT_RETRY_AFTER = 5
_NOT_MODIFIED = "message is not modified"
_DESCRIPTION = re.compile(r"[\w :.,'()-]{1,120}")


@dataclass(frozen=True, slots=True)
class WebhookInfo:
    url: str
    pending_update_count: int
    last_error_message: str | None


class HttpBotApi(TelegramSender, BotApi):
    """Give it a shared ``client`` or let it own one (closed by ``aclose()``)."""

    def __init__(
        self,
        base_url: str,
        token: str,
        *,
        timeout: float = 10.0,
        client: httpx.AsyncClient | None = None,
    ) -> None:
        self._base = base_url.rstrip("/")
        self._token = token
        self._timeout = timeout
        self._owns_client = client is None
        self._client = client or httpx.AsyncClient(timeout=timeout, verify=verifying_context())

    def __repr__(self) -> str:  # never the token
        return f"HttpBotApi({self._base!r})"

    async def send(self, message: TelegramMessage) -> SendOutcome:
        return await self.call(SendText(message.chat_id, message.text, message.buttons))

    async def call(self, call: BotCall) -> SendOutcome:
        method, body = _request(call)
        outcome, result = await self._post(method, body)
        if outcome.sent and isinstance(call, SendText) and isinstance(result, dict):
            return SendOutcome.ok(f"{call.chat_id}:{result.get('message_id')}")
        return outcome

    async def set_webhook(self, url: str, secret: str) -> SendOutcome:
        """Register the webhook (Telegram then posts every update there with ``secret``)."""
        body = {"url": url, "secret_token": secret, "allowed_updates": list(ALLOWED_UPDATES)}
        return (await self._post("setWebhook", body))[0]

    async def webhook_info(self) -> WebhookInfo | None:
        outcome, result = await self._post("getWebhookInfo", {})
        if not outcome.sent or not isinstance(result, dict):
            return None
        error = result.get("last_error_message")
        return WebhookInfo(
            str(result.get("url", "")),
            int(result.get("pending_update_count", 0)),
            error if isinstance(error, str) else None,
        )

    async def aclose(self) -> None:
        if self._owns_client:
            await self._client.aclose()

    async def _post(self, method: str, body: dict[str, Any]) -> tuple[SendOutcome, Any]:
        url = f"{self._base}/bot{self._token}/{method}"
        try:
            response = await self._client.post(url, json=body, timeout=self._timeout)
        except httpx.TimeoutException:
            return SendOutcome.failed(f"Telegram timed out ({method})"), None
        except httpx.TransportError as error:
            # The exception's text is not used: it quotes the URL, and so the token.
            return SendOutcome.failed(f"cannot reach Telegram: {type(error).__name__}"), None
        outcome, result = _outcome(response)
        if not outcome.sent:
            _log.info("telegram %s: %s", method, outcome.error)
        return outcome, result


def _request(call: BotCall) -> tuple[str, dict[str, Any]]:
    if isinstance(call, SendText):
        body: dict[str, Any] = {
            "chat_id": call.chat_id,
            "text": call.text,
            "parse_mode": "HTML",
            "link_preview_options": {"is_disabled": True},
        }
        if call.buttons:
            body["reply_markup"] = _keyboard(call.buttons)
        return "sendMessage", body
    if isinstance(call, EditButtons):
        return "editMessageReplyMarkup", {
            "chat_id": call.chat_id,
            "message_id": call.message_id,
            "reply_markup": _keyboard(call.buttons),
        }
    assert isinstance(call, AnswerPress)
    return "answerCallbackQuery", {"callback_query_id": call.callback_id, "text": call.text}


def _keyboard(rows: Buttons) -> dict[str, Any]:
    return {"inline_keyboard": [[_button(b) for b in row] for row in rows]}


def _button(button: TelegramButton) -> dict[str, str]:
    if button.url is not None:
        return {"text": button.label, "url": button.url}
    return {"text": button.label, "callback_data": button.callback_data or ""}


def _outcome(response: httpx.Response) -> tuple[SendOutcome, Any]:
    status = response.status_code
    try:
        data: Any = response.json()
    except ValueError:
        data = None
    answer = data if isinstance(data, dict) else {}
    if status == 200 and answer.get("ok") is True:
        return SendOutcome.ok(), answer.get("result")
    description = _description(answer.get("description"))
    text = f"Telegram answered {status}" + (f": {description}" if description else "")
    if status == 429:
        return SendOutcome.later(text, timedelta(seconds=_retry_after(answer))), None
    if status == 403:
        return SendOutcome.gone(text), None
    if status == 400 and _NOT_MODIFIED in (description or ""):
        return SendOutcome.ok(), None
    if status == 400:
        return SendOutcome.failed(text, permanent=True), None
    if status in (401, 404):
        return SendOutcome.failed(BOT_REFUSED), None
    return SendOutcome.failed(text), None


def _retry_after(answer: dict[str, Any]) -> int:
    parameters = answer.get("parameters")
    value = parameters.get("retry_after") if isinstance(parameters, dict) else None
    if isinstance(value, int) and not isinstance(value, bool) and 0 < value <= 3600:
        return value
    return DEFAULT_RETRY_AFTER


def _description(raw: object) -> str | None:
    """Telegram's description when it reads like one of its own phrases (it names no
    person, but is not trusted to be short)."""
    if not isinstance(raw, str):
        return None
    return raw if _DESCRIPTION.fullmatch(raw) else None
