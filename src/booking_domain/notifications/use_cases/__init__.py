"""Notification use cases, and their bundle (``NotificationUseCases``)."""

from __future__ import annotations

from dataclasses import dataclass

from booking_domain.notifications.use_cases.admin import (
    ListFailedNotifications,
    RetryNotification,
)
from booking_domain.notifications.use_cases.booking_messages import ListBookingMessages
from booking_domain.notifications.use_cases.delivery import RecordSmsDelivery
from booking_domain.notifications.use_cases.deps import NotificationsDeps
from booking_domain.notifications.use_cases.inbox import (
    CountUnread,
    ListInbox,
    MarkAllRead,
    MarkRead,
)
from booking_domain.notifications.use_cases.planning import PlanNotifications, PurgeTextAllowance
from booking_domain.notifications.use_cases.sending import (
    SendNotification,
    SendNotifications,
    SendRound,
)
from booking_domain.notifications.use_cases.settings import (
    GetPreferences,
    GetReminderOffsets,
    SetReminderOffsets,
    UpdatePreferences,
)
from booking_domain.notifications.use_cases.telegram_chats import (
    GetTelegramChat,
    StartTelegramChatLink,
    UnlinkTelegramChat,
)
from booking_domain.shared.use_case import UseCaseBundle


@dataclass(frozen=True, slots=True)
class NotificationUseCases(UseCaseBundle[NotificationsDeps]):
    """What the composition root builds of this context; adding a use case is one field."""

    plan_notifications: PlanNotifications
    send_notification: SendNotification
    send_notifications: SendNotifications
    list_inbox: ListInbox
    count_unread: CountUnread
    mark_read: MarkRead
    mark_all_read: MarkAllRead
    get_preferences: GetPreferences
    update_preferences: UpdatePreferences
    get_reminder_offsets: GetReminderOffsets
    set_reminder_offsets: SetReminderOffsets
    list_failed_notifications: ListFailedNotifications
    retry_notification: RetryNotification
    list_booking_messages: ListBookingMessages
    record_sms_delivery: RecordSmsDelivery
    start_telegram_chat_link: StartTelegramChatLink
    get_telegram_chat: GetTelegramChat
    unlink_telegram_chat: UnlinkTelegramChat
    purge_text_allowance: PurgeTextAllowance


__all__ = [
    "CountUnread",
    "GetPreferences",
    "GetReminderOffsets",
    "GetTelegramChat",
    "ListBookingMessages",
    "ListFailedNotifications",
    "ListInbox",
    "MarkAllRead",
    "MarkRead",
    "NotificationUseCases",
    "NotificationsDeps",
    "PlanNotifications",
    "PurgeTextAllowance",
    "RecordSmsDelivery",
    "RetryNotification",
    "SendNotification",
    "SendNotifications",
    "SendRound",
    "SetReminderOffsets",
    "StartTelegramChatLink",
    "UnlinkTelegramChat",
    "UpdatePreferences",
]
