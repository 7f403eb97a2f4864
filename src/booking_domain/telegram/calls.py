"""What the bot asks of Telegram's Bot API when it answers an update: a message to send,
the buttons of a message to change, a pressed button to answer. Kept with the update (as
JSON) between the transaction that decides them and the job that sends them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from booking_domain.notifications import TelegramButton

Buttons = tuple[tuple[TelegramButton, ...], ...]
MAX_ANSWER = 200  # answerCallbackQuery's text


@dataclass(frozen=True, slots=True)
class SendText:
    """``sendMessage``: Telegram's HTML, with buttons under it."""

    chat_id: int
    text: str
    buttons: Buttons = ()


@dataclass(frozen=True, slots=True)
class EditButtons:
    """``editMessageReplyMarkup``: the buttons under one of the bot's messages replaced
    (none: removed)."""

    chat_id: int
    message_id: int
    buttons: Buttons = ()


@dataclass(frozen=True, slots=True)
class AnswerPress:
    """``answerCallbackQuery``: the short notice a pressed button shows."""

    callback_id: str
    text: str


BotCall = SendText | EditButtons | AnswerPress


def call_to_json(call: BotCall) -> dict[str, Any]:
    if isinstance(call, SendText):
        return {"send": call.chat_id, "text": call.text, "buttons": _buttons(call.buttons)}
    if isinstance(call, EditButtons):
        return {
            "edit": call.chat_id,
            "messageId": call.message_id,
            "buttons": _buttons(call.buttons),
        }
    return {"answer": call.callback_id, "text": call.text}


def call_from_json(data: Mapping[str, Any]) -> BotCall:
    if "send" in data:
        return SendText(int(data["send"]), str(data["text"]), _read_buttons(data["buttons"]))
    if "edit" in data:
        return EditButtons(
            int(data["edit"]), int(data["messageId"]), _read_buttons(data["buttons"])
        )
    return AnswerPress(str(data["answer"]), str(data["text"]))


def _buttons(rows: Buttons) -> list[list[dict[str, str | None]]]:
    return [
        [{"label": b.label, "data": b.callback_data, "url": b.url} for b in row] for row in rows
    ]


def _read_buttons(rows: list[list[Mapping[str, Any]]]) -> Buttons:
    return tuple(
        tuple(TelegramButton(str(b["label"]), b.get("data"), b.get("url")) for b in row)
        for row in rows
    )
