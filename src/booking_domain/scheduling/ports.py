"""What scheduling needs from the outside world: stored availability, and one read of
everything a slot question needs.

Every adapter passes the contract suite in ``tests/contract/scheduling``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol
from uuid import UUID

from booking_domain.catalog import ArtistProfile, HasArtists, HasServices, Service
from booking_domain.scheduling.availability import Schedule
from booking_domain.scheduling.external import ExternalCalendar, ExternalCalendarId, FetchOutcome
from booking_domain.scheduling.external_busy import FeedEvent
from booking_domain.scheduling.stored import StoredOverride, StoredRule
from booking_domain.scheduling.timeline import BusyTimeline
from booking_domain.shared.ids import ArtistId, ServiceId
from booking_domain.shared.ports import UnitOfWork, UnitOfWorkFactory
from booking_domain.shared.time import Interval


class AvailabilityRepository(Protocol):
    """Weekly rules and date overrides of artists."""

    async def rules(self, artist_id: ArtistId) -> tuple[StoredRule, ...]:
        """By day, then start."""
        ...

    async def get_rule(self, rule_id: UUID) -> StoredRule | None: ...

    async def add_rule(self, rule: StoredRule) -> None: ...

    async def delete_rule(self, rule_id: UUID) -> None: ...

    async def overrides(
        self, artist_id: ArtistId, first: date | None = None, last: date | None = None
    ) -> tuple[StoredOverride, ...]:
        """By date; limited to ``first .. last`` (inclusive) when given."""
        ...

    async def get_override(self, override_id: UUID) -> StoredOverride | None: ...

    async def put_override(self, override: StoredOverride) -> StoredOverride:
        """Store it, replacing the artist's override of the same date; returns what is stored."""
        ...

    async def delete_override(self, override_id: UUID) -> None: ...

    async def hold_overrides(self, artist_id: ArtistId) -> None:
        """Queue behind any other unit of work changing the artist's date overrides from
        what it read (``BlockTime``'s read, cut and write), until this one ends: two blocks
        of one date at once both take effect."""
        ...


class HasAvailability(Protocol):
    @property
    def availability(self) -> AvailabilityRepository: ...


@dataclass(frozen=True, slots=True)
class SchedulingContext:
    """Everything the domain needs to offer or check slots of one artist and service."""

    artist: ArtistProfile
    service: Service
    schedule: Schedule
    busy: BusyTimeline
    # Whether a pending booking whose hold has run out still overlaps the window: only then
    # is there anything to expire before writing.
    has_expired_holds: bool = False


class SchedulingReader(Protocol):
    async def context(
        self, artist_id: ArtistId, service_id: ServiceId, window: Interval, now: datetime
    ) -> SchedulingContext | None:
        """The artist, the service (None overall if either is unknown or they do not belong
        together), the schedule (rules, and overrides of the dates around ``window``) and
        the blocked time of bookings active at ``now`` and of the artist's external
        calendars overlapping ``window``: in one round trip where the adapter can."""
        ...


class HasSchedulingReader(Protocol):
    @property
    def scheduling(self) -> SchedulingReader: ...


class ExternalCalendarRepository(Protocol):
    """Artists' external calendars and the busy spans last read from each."""

    async def add(self, calendar: ExternalCalendar) -> None: ...

    async def get(self, calendar_id: ExternalCalendarId) -> ExternalCalendar | None: ...

    async def of_artist(self, artist_id: ArtistId) -> tuple[ExternalCalendar, ...]:
        """Oldest first."""
        ...

    async def remove(self, calendar_id: ExternalCalendarId) -> None:
        """Removes the calendar and its busy spans."""
        ...

    async def due(self, now: datetime, limit: int) -> tuple[ExternalCalendar, ...]:
        """Up to ``limit`` calendars whose last fetch is older than ``REFRESH_EVERY`` (or
        that were never fetched), the longest waiting first."""
        ...

    async def record_fetch(
        self,
        calendar_id: ExternalCalendarId,
        outcome: FetchOutcome,
        spans: Sequence[Interval] | None,
    ) -> None:
        """Store the outcome, and when ``spans`` is given replace the calendar's busy spans
        with them (in this unit of work: all or nothing). A calendar removed meanwhile is
        left alone."""
        ...

    async def busy(self, artist_id: ArtistId, window: Interval) -> tuple[Interval, ...]:
        """The artist's external busy spans overlapping ``window``, from every calendar."""
        ...


class CalendarRefreshQueue(Protocol):
    async def refresh_soon(self, calendar_id: ExternalCalendarId) -> None:
        """Queue one fetch of the calendar in this unit of work (gone with a rollback)."""
        ...


class HasExternalCalendars(Protocol):
    @property
    def external_calendars(self) -> ExternalCalendarRepository: ...

    @property
    def calendar_refresh_queue(self) -> CalendarRefreshQueue: ...


class FetchFailedError(Exception):
    """A feed could not be read; the message (no URL in it) is shown to its artist."""


class CalendarFetcher(Protocol):
    async def refusal(self, url: str) -> str | None:
        """Why the fetcher will not read ``url`` (the webhooks' SSRF guard: not https, a
        private or local address outside local use, a host it cannot read), or None."""
        ...

    async def events(self, url: str, window: Interval, limit: int) -> Sequence[FeedEvent]:
        """The events (recurrences expanded) of the feed overlapping ``window``, at most
        ``limit`` of them, earliest first; ``FetchFailedError`` when the feed cannot be read
        (refused address, timeout, too large, not iCalendar, an HTTP error)."""
        ...


class SchedulingUnitOfWork(
    UnitOfWork,
    HasArtists,
    HasServices,
    HasAvailability,
    HasSchedulingReader,
    HasExternalCalendars,
    Protocol,
):
    """What scheduling use cases open: the catalogue they read, availability, the reader,
    external calendars."""


SchedulingUnitOfWorkFactory = UnitOfWorkFactory[SchedulingUnitOfWork]
