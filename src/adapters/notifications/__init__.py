"""The notification channels: email (SMTP, or ``.eml`` files for the local profile) and text
messages (a generic JSON SMS gateway, or the log). Each adapter serves a port of
``booking_domain.notifications.senders`` and never raises for the far side's failures: it
answers a ``SendOutcome``, ``permanent`` when retrying cannot help."""
