"""Notifications: every booking change told to the people it concerns, by email, text
message and in the app, in their language, with reminders before appointments.

The table of what is said to whom (``rules``), notifications and their sending
(``notifications``), reminder offsets, per-channel preferences, the inbox, and the channel
ports (``senders``). Notifications are planned from the outbox after commit (docs/architecture.md,
rule 13), never from a request. This context sits at the top, beside webhooks.
"""

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
)
from booking_domain.notifications.inbox import InboxItem, inbox_event
from booking_domain.notifications.loyalty_facts import LoyaltyFacts
from booking_domain.notifications.messages import EmailMessage, SendOutcome, SmsMessage
from booking_domain.notifications.notifications import (
    DEFAULT_RETRY_DELAYS,
    Notification,
    NotificationId,
    NotificationStatus,
    RetrySchedule,
    SkipReason,
)
from booking_domain.notifications.ports import NotificationsUnitOfWork
from booking_domain.notifications.preferences import NotificationPreferences
from booking_domain.notifications.reminders import DEFAULT_OFFSETS, ReminderOffsets
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
from booking_domain.notifications.senders import EmailSender, SmsSender

__all__ = [
    "AFTERCARE",
    "DEFAULT_OFFSETS",
    "DEFAULT_RETRY_DELAYS",
    "KINDS",
    "REMINDER",
    "REVIEW_REQUEST",
    "RULES",
    "SCHEDULED",
    "AfterSession",
    "BookingFacts",
    "BookingView",
    "Category",
    "Channel",
    "DeliveryReport",
    "DeliveryStatus",
    "EmailMessage",
    "EmailSender",
    "InboxItem",
    "InvalidDeliveryReportError",
    "InvalidReminderOffsetsError",
    "Links",
    "LoyaltyFacts",
    "MessageFacts",
    "Notification",
    "NotificationId",
    "NotificationNotFoundError",
    "NotificationPreferences",
    "NotificationStatus",
    "NotificationsUnitOfWork",
    "Party",
    "Recipient",
    "ReminderOffsets",
    "RequestFacts",
    "RetrySchedule",
    "SendOutcome",
    "SkipReason",
    "SmsDeliveryReports",
    "SmsMessage",
    "SmsSender",
    "UnsignedDeliveryReportError",
    "inbox_event",
]
