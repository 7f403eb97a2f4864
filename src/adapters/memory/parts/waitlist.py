"""The waitlist's storage: entries, the artists' settings and the reader's place in the
outbox feed (with consent's part: its unit of work includes the bookings' whole one)."""

from __future__ import annotations

from functools import cached_property

from adapters.memory.parts import consent, over_table
from adapters.memory.waitlist import (
    InMemoryWaitlistFeedPosition,
    InMemoryWaitlistRepository,
    InMemoryWaitlistSettingsRepository,
)
from booking_domain.waitlist import WaitlistUnitOfWork


class Part(consent.Part):
    waitlist = cached_property(
        lambda uow: InMemoryWaitlistRepository(
            uow.staged("waitlist_entries"), uow.waitlist_settings
        )
    )
    waitlist_settings = over_table(InMemoryWaitlistSettingsRepository, "waitlist_settings")
    waitlist_position = over_table(InMemoryWaitlistFeedPosition, "waitlist_feed_position")


SERVES: type[WaitlistUnitOfWork] = Part
