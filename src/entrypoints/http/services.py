"""What the HTTP layer is given by the composition root: use cases and a few ports."""

from __future__ import annotations

from dataclasses import dataclass, field

from booking_domain.ports import Clock, HealthProbe, TokenService
from booking_domain.use_cases.accounts import (
    ChangePassword,
    GetProfile,
    ListUsers,
    RegisterUser,
    UpdateProfile,
)
from booking_domain.use_cases.artists import (
    ChangeArtistStatus,
    CreateArtistProfile,
    GetArtist,
    UpdateArtistProfile,
    UpdateSchedulingPolicy,
)
from booking_domain.use_cases.booking_changes import ChangeBookingStatus, RescheduleBooking
from booking_domain.use_cases.booking_queries import BookingEvents, GetBooking, ListBookings
from booking_domain.use_cases.bookings import CreateBooking
from booking_domain.use_cases.catalog import FindFreeSlots, ManageAvailability, ManageServices
from booking_domain.use_cases.sessions import Login, Logout, RefreshSession
from booking_domain.use_cases.studios import ManageStudios


@dataclass(frozen=True, slots=True)
class ApiServices:
    register_user: RegisterUser
    login: Login
    refresh_session: RefreshSession
    logout: Logout
    get_profile: GetProfile
    update_profile: UpdateProfile
    change_password: ChangePassword
    list_users: ListUsers
    create_artist: CreateArtistProfile
    get_artist: GetArtist
    update_artist: UpdateArtistProfile
    artist_status: ChangeArtistStatus
    update_policy: UpdateSchedulingPolicy
    studios: ManageStudios
    catalog: ManageServices
    availability: ManageAvailability
    find_slots: FindFreeSlots
    create_booking: CreateBooking
    list_bookings: ListBookings
    get_booking: GetBooking
    change_booking_status: ChangeBookingStatus
    reschedule_booking: RescheduleBooking
    booking_events: BookingEvents
    tokens: TokenService
    clock: Clock
    health: HealthProbe


@dataclass(frozen=True, slots=True)
class HttpConfig:
    title: str = "Inkslot API"
    version: str = "0.1.0"
    cors_origins: tuple[str, ...] = ()
    auth_rate_limit_per_minute: int = 30
    redis_url: str | None = None
    redis_namespace: str = "inkslot"
    access_log: bool = True
    debug: bool = False
    extra_openapi_servers: tuple[str, ...] = field(default_factory=tuple)
