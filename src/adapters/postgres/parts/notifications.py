"""Notifications' storage: notifications, the inbox, preferences, reminder offsets, the
dispatch cursor and queue, what a message is made of, the text allowance and the Telegram
chats (with reviews' part and consent's: messages speak of both)."""

from __future__ import annotations

from adapters.postgres.notification_context import PostgresNotificationContext
from adapters.postgres.notification_queue import ProcrastinateNotificationQueue
from adapters.postgres.notifications import (
    PostgresInboxRepository,
    PostgresNotificationCursor,
    PostgresNotificationRepository,
    PostgresPreferencesRepository,
    PostgresReminderOffsetsRepository,
)
from adapters.postgres.parts import consent, on_connection, reviews, with_jobs
from adapters.postgres.telegram_chats import (
    PostgresChatLinkTokenRepository,
    PostgresTelegramChatRepository,
)
from adapters.postgres.text_allowance import PostgresTextAllowance
from booking_domain.notifications.ports import NotificationsUnitOfWork


class Part(reviews.Part, consent.Part):
    notifications = on_connection(PostgresNotificationRepository)
    inbox = on_connection(PostgresInboxRepository)
    notification_preferences = on_connection(PostgresPreferencesRepository)
    reminder_offsets = on_connection(PostgresReminderOffsetsRepository)
    notification_cursor = on_connection(PostgresNotificationCursor)
    notification_queue = with_jobs(ProcrastinateNotificationQueue)
    notification_context = on_connection(PostgresNotificationContext)
    text_allowance = on_connection(PostgresTextAllowance)
    telegram_chats = on_connection(PostgresTelegramChatRepository)
    chat_link_tokens = on_connection(PostgresChatLinkTokenRepository)


SERVES: type[NotificationsUnitOfWork] = Part
