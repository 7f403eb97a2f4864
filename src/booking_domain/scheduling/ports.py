"""What scheduling needs from the outside world: stored availability, and one read of
everything a slot question needs.

Every adapter passes the contract suite in ``tests/contract/scheduling``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol
from uuid import UUID

from booking_domain.catalog import ArtistProfile, HasArtists, HasServices, Service
from booking_domain.scheduling.availability import Schedule
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
        the blocked time of bookings active at ``now`` overlapping ``window``: in one round
        trip where the adapter can."""
        ...


class HasSchedulingReader(Protocol):
    @property
    def scheduling(self) -> SchedulingReader: ...


class SchedulingUnitOfWork(
    UnitOfWork, HasArtists, HasServices, HasAvailability, HasSchedulingReader, Protocol
):
    """What scheduling use cases open: the catalogue they read, availability, the reader."""


SchedulingUnitOfWorkFactory = UnitOfWorkFactory[SchedulingUnitOfWork]
