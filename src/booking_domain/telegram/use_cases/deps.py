"""What the bot's use cases are built with."""

from __future__ import annotations

from dataclasses import dataclass, field

from booking_domain.accounts import KeyedDigest
from booking_domain.shared.clock import Clock
from booking_domain.telegram.ports import BotApi, BotWording, TelegramUnitOfWorkFactory


@dataclass(frozen=True, slots=True)
class TelegramDeps:
    uow: TelegramUnitOfWorkFactory
    clock: Clock
    digest: KeyedDigest  # keys the link tokens kept (notifications' telegram_chats)
    bot_wording: BotWording
    app_url: str  # where the buttons' links open (the web app)
    bot_api: BotApi | None = None  # None: no bot token, Telegram is off
    # What the webhook checks (webhook.webhook_secret). A credential: never in a repr.
    webhook_secret: str | None = field(default=None, repr=False)
