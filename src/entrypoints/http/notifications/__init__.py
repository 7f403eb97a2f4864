"""Notifications over HTTP: the inbox, preferences, reminders, admins' failed list."""

from entrypoints.http.notifications.controller import (
    AdminNotificationsController,
    InboxController,
    ReminderOffsetsController,
)
from entrypoints.http.routes import Routes

ROUTES = Routes(
    controllers=(InboxController, ReminderOffsetsController, AdminNotificationsController)
)
