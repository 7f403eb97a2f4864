"""What the bot makes of an update (docs/telegram.md, "Talking to the bot"): pure, from
the update and whether its chat is linked to an account.

- ``/start <token>`` links the chat (the deep link the app gives sends it);
- ``/start`` greets a linked chat, and tells an unlinked one how to link;
- ``/stop`` unlinks the chat;
- ``/bookings`` lists the account's upcoming bookings, ``/next`` shows the next one with its
  buttons; ``/help`` says what the bot understands;
- a pressed button acts on its booking (``telegram_keyboard``): as the linked account, so an
  unlinked chat is told to link first, and data that is no button of the bot's is stale;
- the person blocking the bot switches the chat off, unblocking it (or writing to the bot
  again) switches it on;
- anything else typed gets the help (linked) or how to link (not linked); every other
  update, and everything in a group, is ignored.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from booking_domain.notifications import KeyAction, TelegramChat, read_callback
from booking_domain.shared.ids import BookingId
from booking_domain.telegram.updates import Update, UpdateKind, command_of


class Ask(StrEnum):
    """What an update asks for, when it asks for no more than that."""

    NOTHING = "nothing"
    HOW_TO_LINK = "how_to_link"
    GREET = "greet"
    UNLINK = "unlink"
    HELP = "help"
    UPCOMING = "upcoming"
    NEXT = "next"
    LINK_FIRST = "link_first"  # a button pressed in a chat that is not linked
    STALE = "stale"  # a button that is none of the bot's (any more)
    BLOCKED = "blocked"
    UNBLOCKED = "unblocked"


@dataclass(frozen=True, slots=True)
class Link:
    token: str


@dataclass(frozen=True, slots=True)
class Press:
    action: KeyAction
    booking_id: BookingId


Intent = Ask | Link | Press

_LINKED_COMMANDS = {"bookings": Ask.UPCOMING, "next": Ask.NEXT, "stop": Ask.UNLINK}


def decide(update: Update, linked: bool) -> Intent:
    """What the bot does about ``update`` (the module's rules)."""
    if not update.private:
        return Ask.NOTHING
    if update.kind is UpdateKind.MEMBER:
        return _membership(update.member_status)
    if update.kind is UpdateKind.PRESS:
        return _press(update.data or "", linked)
    return _message(update.text, linked)


def _membership(status: str | None) -> Intent:
    if status == "kicked":
        return Ask.BLOCKED
    return Ask.UNBLOCKED if status == "member" else Ask.NOTHING


def _press(data: str, linked: bool) -> Intent:
    if not linked:
        return Ask.LINK_FIRST
    found = read_callback(data)
    return Ask.STALE if found is None else Press(*found)


def _message(text: str, linked: bool) -> Intent:
    command = command_of(text)
    if command is not None and command.name == "start":
        if command.argument:
            return Link(command.argument)
        return Ask.GREET if linked else Ask.HOW_TO_LINK
    if command is not None and command.name == "help":
        return Ask.HELP
    if not linked:
        return Ask.HOW_TO_LINK
    if command is not None and command.name in _LINKED_COMMANDS:
        return _LINKED_COMMANDS[command.name]
    return Ask.HELP


def chat_after(chat: TelegramChat | None, intent: Intent, now: datetime) -> TelegramChat | None:
    """The chat's link after an update from it (a link by ``/start <token>`` aside, which
    makes a new one): blocking the bot switches it off, ``/stop`` unlinks it, and anything
    else the person does switches it on again (they can be written to)."""
    if chat is None or intent is Ask.NOTHING:
        return chat
    if intent is Ask.BLOCKED:
        return chat.blocked(now)
    return None if intent is Ask.UNLINK else chat.unblocked()
