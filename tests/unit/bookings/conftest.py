"""Booking use cases on the in-memory adapters, with a manual clock."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import pytest

from adapters.memory.uow import InMemoryUnitOfWorkFactory
from adapters.system.clock import ManualClock
from booking_domain.accounts import Actor, Role
from booking_domain.ids import BookingId
from booking_domain.use_cases.booking_changes import (
    ChangeBookingStatus,
    ExpireHolds,
    RescheduleBooking,
)
from booking_domain.use_cases.booking_queries import BookingEvents, GetBooking, ListBookings
from booking_domain.use_cases.bookings import (
    BookingCreated,
    BookingRequest,
    BookingServices,
    CreateBooking,
)
from tests.support.builders import START
from tests.support.catalog import BookableArtist, add_bookable_artist, add_user

# START is Monday 2026-03-02 10:00 UTC; this is Thursday 10:00, 72 h later.
SLOT = datetime(2026, 3, 5, 10, 0, tzinfo=UTC)


@dataclass
class World:
    uow: InMemoryUnitOfWorkFactory
    clock: ManualClock
    services: BookingServices

    @property
    def create(self) -> CreateBooking:
        return CreateBooking(self.services)

    @property
    def change(self) -> ChangeBookingStatus:
        return ChangeBookingStatus(self.services)

    @property
    def reschedule(self) -> RescheduleBooking:
        return RescheduleBooking(self.services)

    @property
    def expire(self) -> ExpireHolds:
        return ExpireHolds(self.services)

    @property
    def get(self) -> GetBooking:
        return GetBooking(self.services)

    @property
    def list(self) -> ListBookings:
        return ListBookings(self.services)

    @property
    def events(self) -> BookingEvents:
        return BookingEvents(self.services)

    async def artist(self, **options: object) -> BookableArtist:
        return await add_bookable_artist(self.uow, **options)  # type: ignore[arg-type]

    async def user(self, role: Role = Role.CUSTOMER) -> Actor:
        return await add_user(self.uow, role)

    async def book(
        self,
        customer: Actor,
        artist: BookableArtist,
        start: datetime = SLOT,
        *,
        key: str | None = None,
        notes: str = "",
        service_id: object = None,
    ) -> BookingCreated:
        service = service_id or artist.service.id
        request = BookingRequest(artist.id, service, start, notes, key)  # type: ignore[arg-type]
        return await self.create(customer, request)

    async def status_of(self, booking_id: BookingId) -> str:
        async with self.uow(read_only=True) as uow:
            booking = await uow.bookings.get(booking_id)
        assert booking is not None
        return booking.status.value


@pytest.fixture
def world() -> World:
    uow = InMemoryUnitOfWorkFactory()
    clock = ManualClock(START)
    return World(uow, clock, BookingServices(uow, clock))
