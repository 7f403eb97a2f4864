"""Reading an update as Telegram sends it (its JSON, decoded) into what the bot reads of
it (``updates.Update``). Telegram adds fields over time, so anything unknown is passed
over; an update of a kind the bot does not read, or missing what the bot needs, is None
(ignored); only a body that is no JSON object at all is refused. Texts are kept as far
as they can be stored: without NUL, and with a lone surrogate (which JSON can carry and
UTF-8 cannot) replaced, so no update the bot reads is refused by the storage (Telegram
would send it again and again)."""

from __future__ import annotations

import json
from collections.abc import Mapping

from booking_domain.shared.errors import InvalidInputError
from booking_domain.telegram.updates import (
    MAX_CALLBACK_DATA,
    MAX_CALLBACK_ID,
    MAX_LANGUAGE,
    MAX_TEXT,
    Update,
    UpdateKind,
    bounded,
)

MAX_BODY = 256 * 1024  # Telegram's updates are a few kilobytes
_INT64 = 2**63


class InvalidTelegramUpdateError(InvalidInputError):
    code = "invalid_telegram_update"
    default_message = "The body is not a Telegram update."


def read_body(body: bytes) -> Update | None:
    """The update in a webhook request's body (None: nothing the bot reads)."""
    if len(body) > MAX_BODY:
        raise InvalidTelegramUpdateError()
    try:
        payload = json.loads(body)
    except (ValueError, RecursionError):
        raise InvalidTelegramUpdateError() from None
    if not isinstance(payload, dict):
        raise InvalidTelegramUpdateError()
    return read_update(payload)


def read_update(payload: Mapping[str, object]) -> Update | None:
    update_id = _int(payload.get("update_id"), low=0)
    if update_id is None:
        return None
    message, press = _object(payload.get("message")), _object(payload.get("callback_query"))
    member = _object(payload.get("my_chat_member"))
    if message is not None:
        return _message(update_id, message)
    if press is not None:
        return _press(update_id, press)
    return None if member is None else _member(update_id, member)


def _message(update_id: int, message: Mapping[str, object]) -> Update | None:
    text, chat = message.get("text"), _chat(message)
    if not isinstance(text, str) or chat is None:
        return None
    sender = _object(message.get("from")) or {}
    return Update(
        update_id, UpdateKind.MESSAGE, chat[0], chat[1], text=_clean(text)[:MAX_TEXT],
        username=_text(sender.get("username"), 64),
        language=_text(sender.get("language_code"), MAX_LANGUAGE),
    )  # fmt: skip


def _press(update_id: int, press: Mapping[str, object]) -> Update | None:
    message = _object(press.get("message"))
    chat = None if message is None else _chat(message)
    message_id = None if message is None else _int(message.get("message_id"), low=1)
    callback_id, data = _text(press.get("id"), MAX_CALLBACK_ID), press.get("data")
    if chat is None or callback_id is None or not isinstance(data, str):
        return None
    data = _clean(data)
    sender = _object(press.get("from")) or {}
    return Update(
        update_id, UpdateKind.PRESS, chat[0], chat[1], username=_text(sender.get("username"), 64),
        language=_text(sender.get("language_code"), MAX_LANGUAGE), callback_id=callback_id,
        data=data if len(data.encode("utf-8", "replace")) <= MAX_CALLBACK_DATA else "",
        message_id=message_id,
    )  # fmt: skip


def _member(update_id: int, member: Mapping[str, object]) -> Update | None:
    chat, new = _chat(member), _object(member.get("new_chat_member")) or {}
    status = _text(new.get("status"), 32)
    if chat is None or status is None:
        return None
    return Update(update_id, UpdateKind.MEMBER, chat[0], chat[1], member_status=status)


def _chat(holder: Mapping[str, object]) -> tuple[int, bool] | None:
    """The chat's id and whether it is private."""
    chat = _object(holder.get("chat"))
    chat_id = None if chat is None else _int(chat.get("id"), low=-_INT64)
    if chat is None or chat_id is None or chat_id == 0:
        return None
    return chat_id, chat.get("type") == "private"


def _object(value: object) -> Mapping[str, object] | None:
    return value if isinstance(value, dict) else None


def _int(value: object, *, low: int) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return value if low <= value < _INT64 else None


def _text(value: object, limit: int) -> str | None:
    text = _clean(value) if isinstance(value, str) else ""
    return bounded(text, limit) if text else None


def _clean(text: str) -> str:
    return text.encode("utf-8", "replace").decode("utf-8").replace("\x00", "")
