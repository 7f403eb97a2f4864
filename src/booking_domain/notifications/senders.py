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
        """Send one email with its ``Message-ID``, plain-text and HTML parts. An outcome
        ``repeat_reaches_no_one`` promises that sending the same message again tells nobody
        twice (a local file written over): a send round may then repeat it after a killed
        worker, with the groups recorded after it (``SendNotifications``)."""
        ...


class SmsSender(Protocol):
    async def send(self, message: SmsMessage) -> SendOutcome:
        """Send one text to an E.164 number, with ``message.key`` as the provider's
        idempotency key where it has one (a repeat of a key is not sent again); a provider
        without one (Twilio) sends a repeat again: the pipeline sends each notification once
        and repeats only an attempt that got no answer, or that a killed worker had not
        recorded. A sender whose repeat of a key is never sent again marks its outcome
        ``repeat_reaches_no_one``, and such sends may be repeated after a killed worker with
        the whole round's unrecorded groups: only as safe as the provider's memory of keys
        (choose one that keeps them for days)."""
        ...


class TelegramSender(Protocol):
    async def send(self, message: TelegramMessage) -> SendOutcome:
        """Send one message to a chat with the bot (``sendMessage``, HTML, its keyboard).
        Telegram's 429 is ``retry_after`` (its ``parameters.retry_after`` seconds), its 403
        (the person blocked the bot) ``unreachable``. The Bot API takes no idempotency key:
        the pipeline sends each notification once and repeats only an attempt that got no
        answer, or that a killed worker had not recorded (at most one group's per job)."""
        ...
