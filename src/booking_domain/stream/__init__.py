"""The stream: a user's changes as they happen (Server-Sent Events), replayed after a
reconnect. It reads the outbox's feed and never changes anything; the events themselves
are recorded by the contexts that change things (``bookings.booking_outbox_event`` ...), the
envelope and the feed's ports are ``shared``'s.

Who hears an event: admins every event; anyone else the events whose audience names them.
"""

from booking_domain.stream.audience import audience_filter, hears

__all__ = ["audience_filter", "hears"]
