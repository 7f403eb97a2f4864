"""Notifications: every booking change told to the people it concerns, by email, text
message, in the app and on Telegram, in their language, with reminders before appointments.

The table of what is said to whom (``rules``), notifications and their sending
(``notifications``), reminder offsets, per-channel preferences, the inbox, the chats linked
with the Telegram bot and the buttons of its messages, and the channel ports
(``senders``). Notifications are planned from the outbox after commit (docs/architecture.md,
rule 13), never from a request. This context sits at the top, beside webhooks.
"""

from booking_domain.notifications.chat_links import link_chat
from booking_domain.notifications.delivery import (
    DeliveryReport,
    DeliveryStatus,
    SmsDeliveryReports,
)
from booking_domain.notifications.errors import (
    InvalidDeliveryReportError,
    InvalidReminderOffsetsError,
    NotificationNotFoundError,
    UnsignedDeliveryReportError,
)
from booking_domain.notifications.facts import (
    AfterSession,
    BookingFacts,
    BookingView,
    Links,
    MessageFacts,
    Recipient,
    RequestFacts,
    booking_url,
)
from booking_domain.notifications.inbox import InboxItem, inbox_event
from booking_domain.notifications.loyalty_facts import LoyaltyFacts
from booking_domain.notifications.messages import (
    EmailMessage,
    SendOutcome,
    SmsMessage,
    TelegramButton,
    TelegramMessage,
)
from booking_domain.notifications.notifications import (
    DEFAULT_RETRY_DELAYS,
    STATE_FIELDS,
    Notification,
    NotificationId,
    NotificationStatus,
    RetrySchedule,
    SkipReason,
)
from booking_domain.notifications.ports import (
    HasNotifications,
    HasTelegramChats,
    NotificationsUnitOfWork,
)
from booking_domain.notifications.preferences import NotificationPreferences
from booking_domain.notifications.reminders import (
    DEFAULT_OFFSETS,
    MAX_OFFSETS,
    OFFSET_MINUTES_BOUNDS,
    ReminderOffsets,
)
from booking_domain.notifications.rules import (
    AFTERCARE,
    KINDS,
    REMINDER,
    REVIEW_REQUEST,
    RULES,
    SCHEDULED,
    Category,
    Channel,
    Party,
)
from booking_domain.notifications.senders import EmailSender, SmsSender, TelegramSender
from booking_domain.notifications.sent import (
    SentMessage,
    masked_email,
    masked_phone,
    messages_for,
    sent_message,
)
from booking_domain.notifications.telegram_chats import (
    LINK_TOKEN_TTL,
    ChatLinkOffer,
    ChatLinkToken,
    TelegramChat,
    TelegramChatNotLinkedError,
)
from booking_domain.notifications.telegram_facts import booking_state
from booking_domain.notifications.telegram_keyboard import (
    BookingState,
    Key,
    KeyAction,
    Keyboard,
    asking,
    keyboard_for,
    read_callback,
)

# Last: the use cases import the modules above. Other contexts' pages take the bundle by
# this name (the console's reminders, a page of the catalogue's room).
from booking_domain.notifications.use_cases import NotificationUseCases

__all__ = [
    "AFTERCARE",
    "DEFAULT_OFFSETS",
    "DEFAULT_RETRY_DELAYS",
    "KINDS",
    "LINK_TOKEN_TTL",
    "MAX_OFFSETS",
    "OFFSET_MINUTES_BOUNDS",
    "REMINDER",
    "REVIEW_REQUEST",
    "RULES",
    "SCHEDULED",
    "STATE_FIELDS",
    "AfterSession",
    "BookingFacts",
    "BookingState",
    "BookingView",
    "Category",
    "Channel",
    "ChatLinkOffer",
    "ChatLinkToken",
    "DeliveryReport",
    "DeliveryStatus",
    "EmailMessage",
    "EmailSender",
    "HasNotifications",
    "HasTelegramChats",
    "InboxItem",
    "InvalidDeliveryReportError",
    "InvalidReminderOffsetsError",
    "Key",
    "KeyAction",
    "Keyboard",
    "Links",
    "LoyaltyFacts",
    "MessageFacts",
    "Notification",
    "NotificationId",
    "NotificationNotFoundError",
    "NotificationPreferences",
    "NotificationStatus",
    "NotificationUseCases",
    "NotificationsUnitOfWork",
    "Party",
    "Recipient",
    "ReminderOffsets",
    "RequestFacts",
    "RetrySchedule",
    "SendOutcome",
    "SentMessage",
    "SkipReason",
    "SmsDeliveryReports",
    "SmsMessage",
    "SmsSender",
    "TelegramButton",
    "TelegramChat",
    "TelegramChatNotLinkedError",
    "TelegramMessage",
    "TelegramSender",
    "UnsignedDeliveryReportError",
    "asking",
    "booking_state",
    "booking_url",
    "inbox_event",
    "keyboard_for",
    "link_chat",
    "masked_email",
    "masked_phone",
    "messages_for",
    "read_callback",
    "sent_message",
]
