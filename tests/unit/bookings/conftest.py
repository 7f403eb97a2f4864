"""Booking use cases on the in-memory adapters, with a manual clock."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime

import pytest

from adapters.system.clock import ManualClock
from booking_domain.accounts import Actor, Role
from booking_domain.bookings.use_cases import (
    BookingCreated,
    BookingHistory,
    BookingRequest,
    BookingUseCases,
    ChangeBookingStatus,
    CreateBooking,
    ExpireHolds,
    GetBooking,
    ListBookings,
    RescheduleBooking,
)
from booking_domain.shared import BookingId
from tests.support.bootstrap import App, build_app
from tests.support.catalog import BookableArtist, add_bookable_artist, add_user
from tests.support.storage import AnyUnitOfWorkFactory

# START is Monday 2026-03-02 10:00 UTC; this is Thursday 10:00, 72 h later.
SLOT = datetime(2026, 3, 5, 10, 0, tzinfo=UTC)


@dataclass
class World:
    """The booking use cases (from the one test bootstrap) and helpers to set the scene."""

    app: App

    @property
    def uow(self) -> AnyUnitOfWorkFactory:
        return self.app.uow

    @property
    def clock(self) -> ManualClock:
        return self.app.clock

    @property
    def create(self) -> CreateBooking:
        return self.app.bookings.create_booking

    @property
    def change(self) -> ChangeBookingStatus:
        return self.app.bookings.change_status

    @property
    def reschedule(self) -> RescheduleBooking:
        return self.app.bookings.reschedule

    @property
    def expire(self) -> ExpireHolds:
        return self.app.bookings.expire_holds

    @property
    def get(self) -> GetBooking:
        return self.app.bookings.get_booking

    @property
    def list(self) -> ListBookings:
        return self.app.bookings.list_bookings

    @property
    def history(self) -> BookingHistory:
        return self.app.bookings.booking_history

    def draw_references_from(self, source: Callable[[], str]) -> None:
        """The same use cases over the same store, drawing booking references from
        ``source`` (to stage clashes)."""
        deps = replace(self.app.bookings_deps, new_reference=source)
        self.app = replace(self.app, bookings=BookingUseCases.build(deps))

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
    return World(build_app())
