"""What Telegram sends the bot's webhook (an update), as the bot reads it, and the commands
a message may carry.

The bot reads three kinds of update and ignores every other (docs/telegram.md, "The
webhook"): a text message (``message``), a button pressed (``callback_query``), and the bot
blocked or unblocked by the person (``my_chat_member``). Only a private chat is talked to:
what the bot would say in a group reaches everyone in it.

A received update is kept (``ReceivedUpdate``) from the webhook's answer until a job has
handled it and sent its replies: Telegram sends an update again when the webhook did not
answer, and the update's id makes that harmless. Only what the bot reads is kept, never
the raw update; a message's text is forgotten once it is handled, and the rest a day after
it came (``KEEP_FOR``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from booking_domain.telegram.calls import BotCall, call_from_json, call_to_json

MAX_TEXT = 4096  # Telegram's longest message
MAX_CALLBACK_ID = 64
MAX_CALLBACK_DATA = 64
MAX_LANGUAGE = 35  # an IETF tag
KEEP_FOR = timedelta(days=1)
_COMMAND = re.compile(r"/([A-Za-z0-9_]{1,32})(?:@[A-Za-z0-9_]{1,64})?")


class UpdateKind(StrEnum):
    MESSAGE = "message"  # a text message: a command, or anything else typed
    PRESS = "press"  # a button of the bot's pressed
    MEMBER = "member"  # the person blocked the bot ("kicked") or unblocked it ("member")


@dataclass(frozen=True, slots=True)
class Update:
    """One update as the bot reads it."""

    update_id: int
    kind: UpdateKind
    chat_id: int
    private: bool
    text: str = ""  # a message's text
    username: str | None = None  # the sender's Telegram username
    language: str | None = None  # the sender's Telegram language ("mn")
    callback_id: str | None = None  # a press: answered with answerCallbackQuery
    data: str | None = None  # a press: the button's callback data
    message_id: int | None = None  # a press: the message the button is under
    member_status: str | None = None  # the bot's new status in the chat

    @property
    def locale(self) -> str:
        """The language Telegram says the person speaks, as far as the bot speaks it."""
        return "mn" if (self.language or "").split("-")[0].lower() == "mn" else "en"


@dataclass(frozen=True, slots=True)
class Command:
    name: str  # lower case, without the slash or a "@bot" suffix
    argument: str  # what follows, trimmed ("" for none)


def command_of(text: str) -> Command | None:
    """The command a message starts with (``/start abc``, ``/next@InkslotBot``); None when
    it starts with none."""
    head, _, rest = text.strip().partition(" ")
    found = _COMMAND.fullmatch(head)
    return None if found is None else Command(found.group(1).lower(), rest.strip())


@dataclass(frozen=True, slots=True)
class ReceivedUpdate:
    """An update since it came: once handled, the calls that answer it and how many went
    out (a job stopped between them sends the rest, not the update's work again)."""

    update: Update
    received_at: datetime
    calls: tuple[BotCall, ...] | None = None  # None: not handled yet
    sent: int = 0
    attempts: int = 0  # of sending the calls (a reply waits for Telegram a few times only)
    handled_at: datetime | None = None

    @property
    def handled(self) -> bool:
        return self.calls is not None

    @property
    def unsent(self) -> tuple[BotCall, ...]:
        return () if self.calls is None else self.calls[self.sent :]

    def answered_by(self, calls: tuple[BotCall, ...], now: datetime) -> ReceivedUpdate:
        """Handled: what the person typed is forgotten (a ``/start`` carried a link token,
        which is kept nowhere else but as its digest)."""
        return replace(self, update=replace(self.update, text=""), calls=calls, handled_at=now)

    def progressed(self, sent: int, *, attempted: bool) -> ReceivedUpdate:
        return replace(self, sent=sent, attempts=self.attempts + (1 if attempted else 0))


def update_to_json(update: Update) -> dict[str, Any]:
    return {
        "updateId": update.update_id, "kind": update.kind.value, "chatId": update.chat_id,
        "private": update.private, "text": update.text, "username": update.username,
        "language": update.language, "callbackId": update.callback_id, "data": update.data,
        "messageId": update.message_id, "memberStatus": update.member_status,
    }  # fmt: skip


def update_from_json(data: Mapping[str, Any]) -> Update:
    return Update(
        update_id=int(data["updateId"]), kind=UpdateKind(data["kind"]),
        chat_id=int(data["chatId"]), private=bool(data["private"]), text=str(data["text"]),
        username=data.get("username"), language=data.get("language"),
        callback_id=data.get("callbackId"), data=data.get("data"),
        message_id=data.get("messageId"), member_status=data.get("memberStatus"),
    )  # fmt: skip


def calls_to_json(calls: tuple[BotCall, ...] | None) -> list[dict[str, Any]] | None:
    return None if calls is None else [call_to_json(c) for c in calls]


def calls_from_json(data: list[Mapping[str, Any]] | None) -> tuple[BotCall, ...] | None:
    return None if data is None else tuple(call_from_json(c) for c in data)


def bounded(text: str | None, limit: int) -> str | None:
    """A text Telegram sent, cut to what the bot keeps (None stays None)."""
    return None if text is None else text[:limit]
