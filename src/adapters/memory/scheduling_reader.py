"""The scheduling reader over the in-memory repositories (the same answer as PostgreSQL's
single query, assembled from the repositories of one unit of work)."""

from __future__ import annotations

from datetime import datetime, timedelta

from booking_domain.bookings.ports import BookingRepository
from booking_domain.catalog.ports import ArtistRepository, ServiceRepository
from booking_domain.scheduling import BusyTimeline, Interval, schedule_of
from booking_domain.scheduling.ports import (
    AvailabilityRepository,
    ExternalCalendarRepository,
    SchedulingContext,
    SchedulingReader,
)
from booking_domain.shared import ArtistId, ServiceId

# Local dates around a UTC window: no zone is more than 14 hours from UTC.
_DATE_MARGIN = timedelta(days=1)


class RepositorySchedulingReader(SchedulingReader):
    def __init__(
        self,
        artists: ArtistRepository,
        services: ServiceRepository,
        availability: AvailabilityRepository,
        bookings: BookingRepository,
        external: ExternalCalendarRepository,
    ) -> None:
        self._artists = artists
        self._services = services
        self._availability = availability
        self._bookings = bookings
        self._external = external

    async def context(
        self, artist_id: ArtistId, service_id: ServiceId, window: Interval, now: datetime
    ) -> SchedulingContext | None:
        artist = await self._artists.get(artist_id)
        service = await self._services.get(service_id)
        if artist is None or service is None or service.artist_id != artist_id:
            return None
        first = (window.start - _DATE_MARGIN).date()
        last = (window.end + _DATE_MARGIN).date()
        rules = await self._availability.rules(artist_id)
        overrides = await self._availability.overrides(artist_id, first, last)
        holding = await self._bookings.holding(artist_id, window)
        active = [b for b in holding if b.is_active(now)]
        # External calendars' spans block time but are no appointments (the daily cap).
        external = await self._external.busy(artist_id, window)
        blocked = [b.blocked for b in active] + list(external)
        busy = BusyTimeline.of(blocked, [b.start for b in active])
        expired = len(active) < len(holding)
        return SchedulingContext(
            artist, service, schedule_of(rules, overrides), busy, has_expired_holds=expired
        )
