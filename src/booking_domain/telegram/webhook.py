"""The bot's webhook: how Telegram proves an update is its own.

Telegram sends every update with the secret token the webhook was registered with
(``setWebhook``'s ``secret_token``, in the ``X-Telegram-Bot-Api-Secret-Token`` header). The
secret is ``INKSLOT_TELEGRAM_WEBHOOK_SECRET`` when set, else derived from the bot's token
(``derived_secret``): whoever holds the token can register any webhook anyway, so the
token is the one secret to keep, and a new token gives a new webhook secret. A request
without the secret, or with another, is refused with nothing read or changed; the
comparison takes constant time.
"""

from __future__ import annotations

import hashlib
import hmac

from booking_domain.shared.errors import PermissionDeniedError

WEBHOOK_PATH = "/api/v1/telegram/webhook"
_PURPOSE = b"inkslot-telegram-webhook"


class TelegramWebhookRefusedError(PermissionDeniedError):
    code = "telegram_webhook_refused"
    default_message = "This is not the bot's webhook secret."


def derived_secret(bot_token: str) -> str:
    """64 hex digits (Telegram allows 1-256 of ``[A-Za-z0-9_-]``) keyed by the bot's token."""
    return hmac.new(bot_token.encode(), _PURPOSE, hashlib.sha256).hexdigest()


def webhook_secret(bot_token: str | None, configured: str | None) -> str | None:
    """The secret the webhook checks (None: no bot, Telegram off)."""
    if not bot_token:
        return None
    return configured or derived_secret(bot_token)


def check_secret(given: str | None, expected: str) -> None:
    if given is None or not hmac.compare_digest(given.encode(), expected.encode()):
        raise TelegramWebhookRefusedError()
