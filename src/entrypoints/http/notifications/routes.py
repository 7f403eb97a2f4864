"""The routes the app serves of notifications (``ROUTES``), in the order the API lists them."""

from entrypoints.http.notifications.controller import (
    AdminNotificationsController,
    BookingMessagesController,
    InboxController,
    ReminderOffsetsController,
)
from entrypoints.http.notifications.sms_status import SmsStatusController
from entrypoints.http.notifications.telegram_chat import TelegramChatController
from entrypoints.http.routes import Routes

ROUTES = Routes(
    controllers=(
        InboxController,
        ReminderOffsetsController,
        AdminNotificationsController,
        BookingMessagesController,
        SmsStatusController,
        TelegramChatController,
    )
)
