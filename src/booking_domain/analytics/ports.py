"""What analytics reads: one read port over bookings, payments and availability
(docs/architecture.md, rule 9), and the artists to decide who may read whose figures.

``tests/contract/analytics`` holds the PostgreSQL adapter to this contract; there is no
in-memory twin (a read port needs none).
"""

from __future__ import annotations

from typing import Protocol

from booking_domain.analytics.periods import DateRange
from booking_domain.analytics.reports import ArtistDays, PlatformDays, PlatformFilter
from booking_domain.catalog import HasArtists
from booking_domain.shared.ids import ArtistId
from booking_domain.shared.ports import UnitOfWork, UnitOfWorkFactory


class AnalyticsReader(Protocol):
    async def artist_days(self, artist_id: ArtistId, time_zone: str, span: DateRange) -> ArtistDays:
        """The artist's tallies on each local date of ``span`` (dates with nothing may be
        left out), their schedule (rules, and overrides of the range), and the range's
        customers, repeat customers and top services."""
        ...

    async def platform_days(self, span: DateRange, where: PlatformFilter) -> PlatformDays:
        """The platform's tallies on each local date of ``span`` (every booking on its own
        artist's local date), of the artists ``where`` picks, with the range's breakdowns."""
        ...

    async def fold(self) -> int:
        """Upkeep, not a figure: fold the stored daily tallies changed since the last fold
        into the coarser summaries the platform's question reads; how many were folded.
        Reads are exact whether or not this ran (it only makes them cheaper)."""
        ...


class HasAnalyticsReader(Protocol):
    @property
    def analytics(self) -> AnalyticsReader: ...


class AnalyticsUnitOfWork(UnitOfWork, HasArtists, HasAnalyticsReader, Protocol):
    pass


AnalyticsUnitOfWorkFactory = UnitOfWorkFactory[AnalyticsUnitOfWork]
