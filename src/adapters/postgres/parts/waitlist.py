"""The waitlist's storage: entries, the artists' settings and the reader's place in the
outbox feed (with consent's part: its unit of work includes the bookings' whole one)."""

from __future__ import annotations

from adapters.postgres.parts import consent, on_connection
from adapters.postgres.waitlist import (
    PostgresWaitlistFeedPosition,
    PostgresWaitlistRepository,
    PostgresWaitlistSettingsRepository,
)
from booking_domain.waitlist import WaitlistUnitOfWork


class Part(consent.Part):
    waitlist = on_connection(PostgresWaitlistRepository)
    waitlist_settings = on_connection(PostgresWaitlistSettingsRepository)
    waitlist_position = on_connection(PostgresWaitlistFeedPosition)


SERVES: type[WaitlistUnitOfWork] = Part
