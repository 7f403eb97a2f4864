"""Events: who hears which change (reading the outbox's feed). The events themselves are made
by the contexts that change things (``bookings.booking_outbox_event`` ...); the envelope and
the ports are ``shared``'s. This context sits beside notifications, search and analytics:
it reads, it never changes anything."""

from booking_domain.events.audience import audience_filter, hears

__all__ = ["audience_filter", "hears"]
