"""A user's chat with the Telegram bot: where the Telegram channel delivers, and how it is
linked (a one-time token the app gives, sent back through the bot's deep link).

Rules (docs/telegram.md, "Linking a chat"):
- a chat serves at most one account and an account at most one chat: linking a chat moves
  it from the account it served before and replaces the account's earlier chat;
- a link token is ``TOKEN_BYTES`` random bytes written as 32 url-safe characters (Telegram's
  start parameter takes up to 64 of ``[A-Za-z0-9_-]``), valid for ``LINK_TOKEN_TTL`` and
  used once; only its keyed digest is stored, and an account has one at a time (asking
  again replaces it);
- only a private chat is linked (what the bot says in a group reaches everyone in it);
- a chat whose person blocked the bot is switched off (``blocked_at``): nothing is planned
  for it until the person writes to the bot again or unblocks it.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from booking_domain.accounts import KeyedDigest
from booking_domain.shared.errors import NotFoundError
from booking_domain.shared.ids import UserId

LINK_TOKEN_TTL = timedelta(minutes=10)
TOKEN_BYTES = 24
MAX_USERNAME = 64  # Telegram's usernames are 5-32 characters; anything longer is cut
_TOKEN = re.compile(r"[A-Za-z0-9_-]{16,64}")
_DIGEST_PURPOSE = "telegram-chat-link"


class TelegramChatNotLinkedError(NotFoundError):
    code = "telegram_chat_not_linked"
    default_message = "No Telegram chat is linked to this account."


@dataclass(frozen=True, slots=True)
class TelegramChat:
    """The private chat (its id is the person's Telegram id) that messages go to."""

    user_id: UserId
    chat_id: int
    username: str | None
    linked_at: datetime
    blocked_at: datetime | None = None  # the person blocked the bot: switched off since

    @property
    def reachable(self) -> bool:
        return self.blocked_at is None

    def blocked(self, now: datetime) -> TelegramChat:
        """Switched off: the bot may not write to the chat (Telegram answered 403)."""
        return self if self.blocked_at is not None else replace(self, blocked_at=now)

    def unblocked(self) -> TelegramChat:
        """On again: the person wrote to the bot, or unblocked it."""
        return self if self.blocked_at is None else replace(self, blocked_at=None)


@dataclass(frozen=True, slots=True)
class ChatLinkToken:
    """A token given to ``user_id`` to link a chat, kept as its keyed digest."""

    user_id: UserId
    digest: str
    created_at: datetime
    expires_at: datetime

    def usable(self, now: datetime) -> bool:
        return now < self.expires_at


@dataclass(frozen=True, slots=True)
class ChatLinkOffer:
    """What the app shows: the deep link (None when the bot's username is not configured)
    and the command it sends, which may be typed to the bot instead."""

    token: str
    command: str
    url: str | None
    expires_at: datetime


def new_link_token(
    user_id: UserId, digest: KeyedDigest, now: datetime
) -> tuple[str, ChatLinkToken]:
    """A fresh token, and what is stored of it."""
    token = secrets.token_urlsafe(TOKEN_BYTES)
    stored = ChatLinkToken(user_id, token_digest(digest, token), now, now + LINK_TOKEN_TTL)
    return token, stored


def token_digest(digest: KeyedDigest, token: str) -> str:
    return digest.digest(_DIGEST_PURPOSE, token)


def looks_like_token(text: str) -> bool:
    """Whether ``text`` could be a link token at all (anything else is not looked up)."""
    return _TOKEN.fullmatch(text) is not None


def link_offer(token: str, stored: ChatLinkToken, bot_username: str | None) -> ChatLinkOffer:
    url = None if not bot_username else f"https://t.me/{bot_username}?start={token}"
    return ChatLinkOffer(token, f"/start {token}", url, stored.expires_at)


def chat_username(raw: str | None) -> str | None:
    """A Telegram username as kept (cut to ``MAX_USERNAME``; blank is none)."""
    return raw[:MAX_USERNAME] if raw else None
