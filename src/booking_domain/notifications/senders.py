"""The channel ports: how an email, a text message and a Telegram message leave the system.

Senders never raise for the far side's failures: a refused connection, a timeout, a 4xx or
5xx answer is a :class:`SendOutcome` (``permanent`` when retrying cannot help). Every
adapter passes the contract suites in ``tests/contract/notifications``.
"""

from __future__ import annotations

from typing import Protocol

from booking_domain.notifications.messages import (
    EmailMessage,
    SendOutcome,
    SmsMessage,
    TelegramMessage,
)


class EmailSender(Protocol):
    async def send(self, message: EmailMessage) -> SendOutcome:
        """Send one email with its ``Message-ID``, plain-text and HTML parts."""
        ...


class SmsSender(Protocol):
    async def send(self, message: SmsMessage) -> SendOutcome:
        """Send one text to an E.164 number, with ``message.key`` as the provider's
        idempotency key where it has one (a repeat of a key is not sent again); a provider
        without one (Twilio) sends a repeat again: the pipeline sends each notification once
        and repeats only an attempt that got no answer."""
        ...


class TelegramSender(Protocol):
    async def send(self, message: TelegramMessage) -> SendOutcome:
        """Send one message to a chat with the bot (``sendMessage``, HTML, its keyboard).
        Telegram's 429 is ``retry_after`` (its ``parameters.retry_after`` seconds), its 403
        (the person blocked the bot) ``unreachable``. The Bot API takes no idempotency key:
        the pipeline sends each notification once and repeats only an attempt that got no
        answer."""
        ...
