"""``/api/v1/me/telegram/chat-link`` and ``/api/v1/me/telegram/chat``: linking a chat with
the Telegram bot, so notifications go to Telegram too (docs/telegram.md, "Linking a chat").
Without a bot token each answers 404 ``telegram_off``."""

from __future__ import annotations

from datetime import datetime

from litestar import delete, get, post
from litestar.di import NamedDependency
from litestar.status_codes import HTTP_201_CREATED, HTTP_204_NO_CONTENT

from booking_domain.accounts import TelegramOffError
from booking_domain.notifications import ChatLinkOffer, TelegramChat, TelegramChatNotLinkedError
from booking_domain.notifications.use_cases import NotificationUseCases
from booking_domain.shared import ConcurrentUpdateError
from entrypoints.http.caller import Caller
from entrypoints.http.controllers import SignedIn
from entrypoints.http.problem_docs import raises_exactly
from entrypoints.http.wire import View, utc

NotificationsDep = NamedDependency[NotificationUseCases]


# A link to the bot: the bot is off here; a change that lost a race. The chat, or unlinking
# it: besides, no chat linked.
LINK_RAISES = raises_exactly(TelegramOffError, ConcurrentUpdateError)
CHAT_RAISES = raises_exactly(TelegramOffError, TelegramChatNotLinkedError)
UNLINK_RAISES = raises_exactly(TelegramOffError, TelegramChatNotLinkedError, ConcurrentUpdateError)


class TelegramChatLinkView(View, frozen=True):
    """Open ``url`` (Telegram's deep link: the bot then gets ``command``), or send
    ``command`` to the bot, before ``expiresAt``. ``url`` is null when the server does not
    know the bot's username."""

    url: str | None
    command: str
    token: str
    expires_at: datetime

    @classmethod
    def of(cls, offer: ChatLinkOffer) -> TelegramChatLinkView:
        return cls(
            url=offer.url,
            command=offer.command,
            token=offer.token,
            expires_at=utc(offer.expires_at),
        )


class TelegramChatView(View, frozen=True):
    """``active`` is false while the chat is switched off (its person blocked the bot):
    writing to the bot switches it on again."""

    username: str | None
    linked_at: datetime
    active: bool

    @classmethod
    def of(cls, chat: TelegramChat) -> TelegramChatView:
        return cls(username=chat.username, linked_at=utc(chat.linked_at), active=chat.reachable)


class TelegramChatController(SignedIn, context="notifications"):
    path = "/me/telegram"
    tags = ["notifications"]

    @post(
        "/chat-link",
        status_code=HTTP_201_CREATED,
        summary="A deep link that links your Telegram chat with the bot (10 minutes, once)",
        opt=LINK_RAISES,
    )
    async def link(self, actor: Caller, notifications: NotificationsDep) -> TelegramChatLinkView:
        """Asking again replaces the token given before."""
        return TelegramChatLinkView.of(await notifications.start_telegram_chat_link(actor))

    @get("/chat", summary="Your chat with the Telegram bot", opt=CHAT_RAISES)
    async def chat(self, actor: Caller, notifications: NotificationsDep) -> TelegramChatView:
        return TelegramChatView.of(await notifications.get_telegram_chat(actor))

    @delete(
        "/chat",
        status_code=HTTP_204_NO_CONTENT,
        summary="Unlink your Telegram chat",
        opt=UNLINK_RAISES,
    )
    async def unlink(self, actor: Caller, notifications: NotificationsDep) -> None:
        await notifications.unlink_telegram_chat(actor)
