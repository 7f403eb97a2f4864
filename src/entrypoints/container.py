"""Wiring: the only module that knows which adapter serves which port.

``Core`` holds the use cases and depends on an ``adapters`` container; each profile has its
own adapter container. :func:`build_container` picks one from the settings. Everything is
created lazily on first use. ``await core.adapters.open()`` starts the connection pool and
``await core.adapters.close()`` releases pools and threads; the HTTP lifespan and the CLI call
both, in the event loop that uses them.
"""

from __future__ import annotations

from dependency_injector import containers, providers

from adapters.memory.uow import InMemoryUnitOfWorkFactory
from adapters.postgres.database import Database, PostgresHealthProbe
from adapters.postgres.uow import PostgresUnitOfWorkFactory
from adapters.security.passwords import Argon2Parameters, Argon2PasswordHasher
from adapters.security.tokens import JwtTokenService
from adapters.system.clock import SystemClock
from booking_domain.accounts import LockoutPolicy
from booking_domain.use_cases.accounts import (
    AccountServices,
    ChangePassword,
    CreateAdmin,
    GetProfile,
    ListUsers,
    RegisterUser,
    SessionPolicy,
    UpdateProfile,
)
from booking_domain.use_cases.artists import (
    CatalogServices,
    ChangeArtistStatus,
    CreateArtistProfile,
    GetArtist,
    UpdateArtistProfile,
    UpdateSchedulingPolicy,
)
from booking_domain.use_cases.booking_changes import (
    ChangeBookingStatus,
    ExpireHolds,
    RescheduleBooking,
)
from booking_domain.use_cases.booking_queries import BookingEvents, GetBooking, ListBookings
from booking_domain.use_cases.bookings import BookingServices, CreateBooking
from booking_domain.use_cases.catalog import FindFreeSlots, ManageAvailability, ManageServices
from booking_domain.use_cases.sessions import Login, Logout, RefreshSession
from booking_domain.use_cases.studios import ManageStudios
from entrypoints.settings import Settings


async def _open_postgres(database: Database) -> None:
    await database.open()


async def _close_postgres(database: Database, hasher: Argon2PasswordHasher) -> None:
    await database.close()
    hasher.close()


async def _nothing_to_open() -> None:
    return None


async def _close_memory(hasher: Argon2PasswordHasher) -> None:
    hasher.close()


def _hasher(settings: Settings) -> Argon2PasswordHasher:
    return Argon2PasswordHasher(
        Argon2Parameters(
            time_cost=settings.argon2_time_cost,
            memory_cost_kib=settings.argon2_memory_kib,
            parallelism=settings.argon2_parallelism,
        )
    )


class _CommonAdapters(containers.DeclarativeContainer):
    settings = providers.Dependency(instance_of=Settings)
    jwt_secret = providers.Dependency(instance_of=str)
    clock = providers.Singleton(SystemClock)
    hasher = providers.Singleton(_hasher, settings)
    tokens = providers.Singleton(
        JwtTokenService, jwt_secret, access_ttl=settings.provided.access_token_ttl
    )


class PostgresAdapters(_CommonAdapters):
    database_url = providers.Dependency(instance_of=str)
    database = providers.Singleton(
        Database,
        database_url,
        max_size=_CommonAdapters.settings.provided.database_pool_size,
    )
    uow = providers.Singleton(PostgresUnitOfWorkFactory, database)
    health = providers.Singleton(PostgresHealthProbe, database)
    open = providers.Coroutine(_open_postgres, database)
    close = providers.Coroutine(_close_postgres, database, _CommonAdapters.hasher)


class LocalAdapters(PostgresAdapters):
    """The embedded default: PostgreSQL started by the CLI under ``data_dir``."""


class ProductionAdapters(PostgresAdapters):
    """Managed PostgreSQL (and, in later issues, R2, QPay, SMTP)."""


class _AlwaysHealthy:
    async def check(self) -> None:
        return None


class MemoryAdapters(_CommonAdapters):
    """Everything in process: for tests, demos and other services' test suites."""

    uow = providers.Singleton(InMemoryUnitOfWorkFactory)
    health = providers.Singleton(_AlwaysHealthy)
    open = providers.Coroutine(_nothing_to_open)
    close = providers.Coroutine(_close_memory, _CommonAdapters.hasher)


class Core(containers.DeclarativeContainer):
    settings = providers.Dependency(instance_of=Settings)
    adapters = providers.DependenciesContainer()

    session_policy = providers.Singleton(
        SessionPolicy,
        refresh_token_ttl=settings.provided.refresh_token_ttl,
        lockout=providers.Singleton(
            LockoutPolicy,
            max_failures=settings.provided.login_max_failures,
            lock_duration=settings.provided.login_lock,
        ),
    )
    account_services = providers.Singleton(
        AccountServices,
        uow=adapters.uow,
        hasher=adapters.hasher,
        tokens=adapters.tokens,
        clock=adapters.clock,
        policy=session_policy,
    )
    register_user = providers.Singleton(RegisterUser, account_services)
    create_admin = providers.Singleton(CreateAdmin, account_services)
    login = providers.Singleton(Login, account_services)
    refresh_session = providers.Singleton(RefreshSession, account_services)
    logout = providers.Singleton(Logout, account_services)
    get_profile = providers.Singleton(GetProfile, account_services)
    update_profile = providers.Singleton(UpdateProfile, account_services)
    change_password = providers.Singleton(ChangePassword, account_services)
    list_users = providers.Singleton(ListUsers, account_services)

    catalog_services = providers.Singleton(CatalogServices, uow=adapters.uow, clock=adapters.clock)
    create_artist = providers.Singleton(CreateArtistProfile, catalog_services)
    get_artist = providers.Singleton(GetArtist, catalog_services)
    update_artist = providers.Singleton(UpdateArtistProfile, catalog_services)
    artist_status = providers.Singleton(ChangeArtistStatus, catalog_services)
    update_policy = providers.Singleton(UpdateSchedulingPolicy, catalog_services)
    studios = providers.Singleton(ManageStudios, catalog_services)
    catalog = providers.Singleton(ManageServices, catalog_services)
    availability = providers.Singleton(ManageAvailability, catalog_services)
    find_slots = providers.Singleton(FindFreeSlots, catalog_services)
    booking_services = providers.Singleton(BookingServices, uow=adapters.uow, clock=adapters.clock)
    create_booking = providers.Singleton(CreateBooking, booking_services)
    list_bookings = providers.Singleton(ListBookings, booking_services)
    get_booking = providers.Singleton(GetBooking, booking_services)
    change_booking_status = providers.Singleton(ChangeBookingStatus, booking_services)
    reschedule_booking = providers.Singleton(RescheduleBooking, booking_services)
    booking_events = providers.Singleton(BookingEvents, booking_services)
    expire_holds = providers.Singleton(ExpireHolds, booking_services)


def build_container(
    settings: Settings,
    *,
    database_url: str | None = None,
    jwt_secret: str,
    adapters: containers.Container | None = None,
) -> Core:
    """Wire the core to the profile's adapters (or to ``adapters`` when a test passes them)."""
    if adapters is None:
        url = database_url or settings.database_url
        if url is None:
            raise ValueError("a database URL is needed (the CLI starts the embedded server)")
        adapter_class = LocalAdapters if settings.is_local else ProductionAdapters
        adapters = adapter_class(settings=settings, jwt_secret=jwt_secret, database_url=url)
    return Core(settings=settings, adapters=adapters)


def memory_adapters(settings: Settings, jwt_secret: str) -> MemoryAdapters:
    return MemoryAdapters(settings=settings, jwt_secret=jwt_secret)
