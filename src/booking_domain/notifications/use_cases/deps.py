"""What notification use cases are built with."""

from __future__ import annotations

from dataclasses import dataclass, field

from booking_domain.accounts import KeyedDigest, PhoneNumbers, TextReach
from booking_domain.calendars import CalendarWriter
from booking_domain.notifications.delivery import SmsDeliveryReports
from booking_domain.notifications.notifications import RetrySchedule
from booking_domain.notifications.ports import MessageRenderer, NotificationsUnitOfWorkFactory
from booking_domain.notifications.senders import EmailSender, SmsSender, TelegramSender
from booking_domain.notifications.text_allowance import DEFAULT_DAILY_TEXTS
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
    # Where texts go (INKSLOT_SMS_REGIONS) and how numbers are placed in regions; without
    # ``phones`` no number can be placed, and no text is sent.
    reach: TextReach = field(default_factory=TextReach)
    phones: PhoneNumbers | None = None
    # Texts one account's actions may cause a UTC day (INKSLOT_SMS_ACCOUNT_DAILY_LIMIT).
    daily_texts: int = DEFAULT_DAILY_TEXTS

    def texted(self, number: str) -> bool:
        """Whether texts go to ``number`` (E.164): ``accounts.text_reach``."""
        if self.phones is None:
            return False
        return self.reach.refusal(number, self.phones.region_of(number)) is None
