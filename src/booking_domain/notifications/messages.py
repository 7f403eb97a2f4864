"""What leaves the system on a channel: an email, a text message, a Telegram message, and
what a send got.

A message carries the key that makes a resend harmless on its channel:
- an email's ``message_id`` (the ``Message-ID`` header, ``<notification id@domain>``) is the
  same on every attempt: many mail stores show one message per Message-ID, and the local
  ``.eml`` writer names the file by it (a repeat overwrites the same file);
- a text's ``key`` goes to the SMS provider as its idempotency key (the provider sends a key
  once);
- a Telegram message's ``key`` is the notification's id too, but the Bot API takes no
  idempotency key: it is sent by one job at a time and recorded once, as Twilio's texts
  (docs/notifications.md says where a repeat can still happen).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

MAX_ERROR_LENGTH = 300


@dataclass(frozen=True, slots=True)
class Invitation:
    """A calendar invitation an email carries (``invite.ics``): iCalendar text with its iTIP
    method (``REQUEST``, ``CANCEL``: the calendars context's ``invitations``)."""

    method: str
    ics: str


@dataclass(frozen=True, slots=True)
class EmailMessage:
    message_id: str  # "<uuid@domain>": the same on every attempt of one notification
    to_address: str
    to_name: str
    subject: str
    text: str  # the plain-text part
    html: str  # the HTML part (the same content)
    locale: str  # Content-Language
    invitation: Invitation | None = None  # booking.confirmed, rescheduled, cancelled


@dataclass(frozen=True, slots=True)
class SmsMessage:
    key: str  # the provider's idempotency key: the same on every attempt
    to: str  # E.164, "+97688112233"
    text: str


@dataclass(frozen=True, slots=True)
class TelegramButton:
    """A button under a Telegram message: it opens ``url``, or sends ``callback_data`` to
    the bot (which carries no secret and is checked when used: docs/telegram.md)."""

    label: str
    callback_data: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class TelegramMessage:
    key: str  # the notification's id: the same on every attempt
    chat_id: int
    text: str  # Telegram's HTML parse mode, escaped
    buttons: tuple[tuple[TelegramButton, ...], ...] = ()  # rows of an inline keyboard


@dataclass(frozen=True, slots=True)
class SendOutcome:
    """What one attempt got. ``permanent``: retrying cannot help (an address the server
    refuses, a number the provider rejects). ``retry_after``: the far side said when to try
    again (Telegram's 429). ``unreachable``: the person cannot be reached on this channel
    any more (they blocked the Telegram bot): the channel is switched off for them.
    ``repeat_reaches_no_one``: sent, and sending the same message again would reach no one a
    second time (the ``.eml`` file is written over; the SMS provider drops a repeated
    idempotency key); a send round need not record it before its next group goes."""

    sent: bool
    error: str | None = None
    permanent: bool = False
    reference: str | None = None  # where it went: the provider's id, the .eml file's path
    retry_after: timedelta | None = None
    unreachable: bool = False
    repeat_reaches_no_one: bool = False

    @classmethod
    def ok(
        cls, reference: str | None = None, *, repeat_reaches_no_one: bool = False
    ) -> SendOutcome:
        return cls(sent=True, reference=reference, repeat_reaches_no_one=repeat_reaches_no_one)

    @classmethod
    def failed(cls, error: str, *, permanent: bool = False) -> SendOutcome:
        return cls(sent=False, error=error[:MAX_ERROR_LENGTH], permanent=permanent)

    @classmethod
    def later(cls, error: str, retry_after: timedelta) -> SendOutcome:
        """Refused for now, to be tried again after ``retry_after``."""
        return cls(sent=False, error=error[:MAX_ERROR_LENGTH], retry_after=retry_after)

    @classmethod
    def gone(cls, error: str) -> SendOutcome:
        """The recipient cannot be reached on this channel any more."""
        return cls(sent=False, error=error[:MAX_ERROR_LENGTH], unreachable=True)
