"""Notifications' storage: notifications, the inbox, preferences, reminder offsets, the
dispatch cursor and queue, what a message is made of, the text allowance and the Telegram
chats (with reviews' part and consent's: messages speak of both)."""

from __future__ import annotations

from functools import cached_property

from adapters.memory.notifications import (
    NOTIFICATION_JOBS,
    InMemoryInboxRepository,
    InMemoryNotificationContext,
    InMemoryNotificationCursor,
    InMemoryNotificationQueue,
    InMemoryNotificationRepository,
    InMemoryPreferencesRepository,
    InMemoryReminderOffsetsRepository,
)
from adapters.memory.parts import consent, over_table, reviews
from adapters.memory.telegram_chats import (
    InMemoryChatLinkTokenRepository,
    InMemoryTelegramChatRepository,
)
from adapters.memory.text_allowance import InMemoryTextAllowance
from booking_domain.notifications.ports import NotificationsUnitOfWork


class Part(reviews.Part, consent.Part):
    notifications = cached_property(
        lambda uow: InMemoryNotificationRepository(
            uow.staged("notifications"), uow.staged("notification_keys")
        )
    )
    inbox = over_table(InMemoryInboxRepository, "inbox_items")
    notification_preferences = over_table(InMemoryPreferencesRepository, "notification_preferences")
    reminder_offsets = over_table(InMemoryReminderOffsetsRepository, "reminder_offsets")
    notification_cursor = over_table(InMemoryNotificationCursor, "notification_dispatch")
    notification_queue = over_table(InMemoryNotificationQueue, NOTIFICATION_JOBS)
    text_allowance = over_table(InMemoryTextAllowance, "text_allowance")
    notification_context = cached_property(
        lambda uow: InMemoryNotificationContext(
            uow.users,
            uow.notification_preferences,
            uow.bookings,
            uow.artists,
            uow.services,
            uow.studios,
            uow.clients,
            uow.reviews,
            uow.aftercare,
            uow.telegram_chats,
        )
    )
    telegram_chats = over_table(InMemoryTelegramChatRepository, "telegram_chats")
    chat_link_tokens = over_table(InMemoryChatLinkTokenRepository, "telegram_chat_tokens")


SERVES: type[NotificationsUnitOfWork] = Part
