"""One sub-container per bounded context: its collaborators and its bundle of use cases.

A context's container takes only what its use cases need from the adapters. Adding a use
case to a context changes its bundle (``booking_domain.<context>.use_cases``), not this file.
"""

from __future__ import annotations

from dependency_injector import containers, providers

from booking_domain.accounts import LockoutPolicy
from booking_domain.accounts.use_cases import AccountsDeps, AccountUseCases, SessionPolicy
from booking_domain.bookings.use_cases import BookingsDeps, BookingUseCases
from booking_domain.catalog.use_cases import CatalogDeps, CatalogUseCases
from booking_domain.events.use_cases import EventsDeps, EventUseCases
from booking_domain.scheduling.use_cases import SchedulingDeps, SchedulingUseCases
from entrypoints.settings import Settings


class AccountsContainer(containers.DeclarativeContainer):
    settings = providers.Dependency(instance_of=Settings)
    adapters = providers.DependenciesContainer()
    policy = providers.Singleton(
        SessionPolicy,
        refresh_token_ttl=settings.provided.refresh_token_ttl,
        lockout=providers.Singleton(
            LockoutPolicy,
            max_failures=settings.provided.login_max_failures,
            lock_duration=settings.provided.login_lock,
        ),
    )
    deps = providers.Singleton(
        AccountsDeps,
        uow=adapters.uow,
        hasher=adapters.hasher,
        tokens=adapters.tokens,
        sessions=adapters.sessions,
        clock=adapters.clock,
        policy=policy,
    )
    use_cases = providers.Singleton(AccountUseCases.build, deps)


class CatalogContainer(containers.DeclarativeContainer):
    adapters = providers.DependenciesContainer()
    deps = providers.Singleton(CatalogDeps, uow=adapters.uow, clock=adapters.clock)
    use_cases = providers.Singleton(CatalogUseCases.build, deps)


class SchedulingContainer(containers.DeclarativeContainer):
    adapters = providers.DependenciesContainer()
    deps = providers.Singleton(SchedulingDeps, uow=adapters.uow, clock=adapters.clock)
    use_cases = providers.Singleton(SchedulingUseCases.build, deps)


class BookingsContainer(containers.DeclarativeContainer):
    adapters = providers.DependenciesContainer()
    deps = providers.Singleton(BookingsDeps, uow=adapters.uow, clock=adapters.clock)
    use_cases = providers.Singleton(BookingUseCases.build, deps)


class EventsContainer(containers.DeclarativeContainer):
    adapters = providers.DependenciesContainer()
    deps = providers.Singleton(EventsDeps, feed=adapters.feed, clock=adapters.clock)
    use_cases = providers.Singleton(EventUseCases.build, deps)
