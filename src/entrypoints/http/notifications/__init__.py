"""Notifications over HTTP: the inbox, preferences, reminders, admins' failed list."""
