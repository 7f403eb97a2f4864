"""What notification use cases are built with."""

from __future__ import annotations

from dataclasses import dataclass

from booking_domain.accounts import KeyedDigest
from booking_domain.calendars import CalendarWriter
from booking_domain.notifications.delivery import SmsDeliveryReports
from booking_domain.notifications.notifications import RetrySchedule
from booking_domain.notifications.ports import MessageRenderer, NotificationsUnitOfWorkFactory
from booking_domain.notifications.senders import EmailSender, SmsSender, TelegramSender
from booking_domain.shared.clock import Clock
from booking_domain.shared.ports import OutboxFeed


@dataclass(frozen=True, slots=True)
class NotificationsDeps:
    uow: NotificationsUnitOfWorkFactory
    feed: OutboxFeed
    clock: Clock
    email: EmailSender
    sms: SmsSender
    renderer: MessageRenderer
    retries: RetrySchedule
    app_url: str  # where links in messages point (the web app)
    mail_domain: str  # the right-hand side of Message-IDs
    # The SMS provider's delivery reports; None: no provider reports (every report refused).
    sms_reports: SmsDeliveryReports | None = None
    # Writes the invitations booking emails carry; None: emails carry none.
    calendar_writer: CalendarWriter | None = None
    # The Telegram bot's messages; None: no bot token, Telegram is off (never planned).
    telegram_sender: TelegramSender | None = None
    telegram_bot_username: str | None = None  # for the deep links chats are linked by
    digest: KeyedDigest | None = None  # keys the link tokens kept (required with the bot)
