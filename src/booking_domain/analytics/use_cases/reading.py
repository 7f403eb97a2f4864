"""``ArtistAnalytics`` (the artist themself or an admin) and ``PlatformAnalytics`` (admins):
load the days from the read port, group them into periods in the domain."""

from __future__ import annotations

from booking_domain.analytics.figures import periods_of, total_of
from booking_domain.analytics.periods import DateRange
from booking_domain.analytics.reports import (
    ArtistReport,
    PlatformFilter,
    PlatformReport,
    available_seconds,
)
from booking_domain.analytics.use_cases.deps import AnalyticsDeps
from booking_domain.catalog import load_editable_artist
from booking_domain.shared.errors import PermissionDeniedError
from booking_domain.shared.identity import Actor
from booking_domain.shared.ids import ArtistId
from booking_domain.shared.use_case import UseCase


class ArtistAnalytics(UseCase[AnalyticsDeps]):
    async def __call__(self, actor: Actor, artist_id: ArtistId, span: DateRange) -> ArtistReport:
        async with self._deps.uow(read_only=True) as uow:
            # The artist themself or an admin; 403/404 to others as for the profile's edits.
            artist = await load_editable_artist(uow.artists, actor, artist_id)
            found = await uow.analytics.artist_days(artist.id, artist.time_zone, span)
        free = available_seconds(found.schedule, found.time_zone, span)
        periods = periods_of(span, found.days, free)
        return ArtistReport(
            artist.id,
            found.time_zone,
            span,
            periods,
            total_of(periods),
            found.repeat_customers,
            found.customers,
            found.top_services,
            found.revenue_by_method,
        )


class PlatformAnalytics(UseCase[AnalyticsDeps]):
    async def __call__(
        self, actor: Actor, span: DateRange, where: PlatformFilter
    ) -> PlatformReport:
        if not actor.is_admin:
            raise PermissionDeniedError("Only admins read the platform's figures.")
        async with self._deps.uow(read_only=True) as uow:
            found = await uow.analytics.platform_days(span, where)
        periods = periods_of(span, found.days)
        return PlatformReport(span, where, periods, total_of(periods), found.cities, found.artists)
