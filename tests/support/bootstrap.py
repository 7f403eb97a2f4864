"""The one way unit and contract tests build use cases: the production container
(``entrypoints.container``) over in-memory adapters, or over a unit-of-work factory the test
passes, with a manual clock and cheap (but real) argon2 hashing. No test wires a use case by
hand (a test that swaps one collaborator rebuilds a bundle from ``App.accounts_deps`` or
the app's own unit of work and clock)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from dependency_injector import providers

from adapters.memory.operations import InMemoryOperationsReadout
from adapters.memory.outbox import InMemoryOutboxFeed
from adapters.memory.sessions import InMemorySessionCheck
from adapters.postgres.operations import PostgresOperationsReadout
from adapters.postgres.outbox import PostgresOutboxFeed
from adapters.postgres.sessions import PostgresSessionCheck
from adapters.system.clock import ManualClock
from booking_domain.accounts.ports import SessionCheck, TokenService
from booking_domain.accounts.use_cases import AccountsDeps, AccountUseCases
from booking_domain.bookings.use_cases import BookingsDeps, BookingUseCases
from booking_domain.catalog.use_cases import CatalogUseCases
from booking_domain.scheduling.use_cases import SchedulingUseCases
from booking_domain.shared import OutboxFeed
from booking_domain.shared.ports import OperationsReadout
from entrypoints.bundles import Bundles
from entrypoints.container import InMemoryAdapters, build_container, bundles
from entrypoints.settings import Settings
from tests.support.builders import START, TEST_JWT_SECRET, cheap_settings
from tests.support.storage import (
    AnyUnitOfWorkFactory,
    InMemoryUnitOfWorkFactory,
)


@dataclass(frozen=True)
class App:
    """Every context's use cases over one store, and the pieces tests steer or look at."""

    uow: AnyUnitOfWorkFactory
    clock: ManualClock
    tokens: TokenService
    settings: Settings
    accounts_deps: AccountsDeps  # to build the accounts use cases again with one part changed
    accounts: AccountUseCases
    bookings_deps: BookingsDeps
    catalog: CatalogUseCases
    scheduling: SchedulingUseCases
    bookings: BookingUseCases
    bundles: Bundles  # every context's use cases, as the entrypoints receive them


def build_app(
    uow: AnyUnitOfWorkFactory | None = None, clock: ManualClock | None = None, **settings: Any
) -> App:
    """The app on in-memory adapters (or ``uow``); ``settings`` override ``cheap_settings``."""
    config = cheap_settings(**settings)
    adapters = InMemoryAdapters(settings=config, jwt_secret=TEST_JWT_SECRET)
    clock = clock or ManualClock(START)
    adapters.clock.override(providers.Object(clock))
    if uow is not None:
        adapters.uow.override(providers.Object(uow))
        adapters.sessions.override(providers.Object(_session_check_for(uow)))
        adapters.feed.override(providers.Object(_feed_for(uow)))
        adapters.operations.override(providers.Object(_operations_for(uow)))
    core = build_container(config, jwt_secret=TEST_JWT_SECRET, adapters=adapters)
    use_cases = bundles(core)
    return App(
        uow=adapters.uow(),
        clock=clock,
        tokens=adapters.tokens(),
        settings=config,
        accounts_deps=core.contexts["accounts"].deps(),
        accounts=use_cases.accounts,
        bookings_deps=core.contexts["bookings"].deps(),
        catalog=use_cases.catalog,
        scheduling=use_cases.scheduling,
        bookings=use_cases.bookings,
        bundles=use_cases,
    )


def _feed_for(uow: AnyUnitOfWorkFactory) -> OutboxFeed:
    """The event feed over the same storage as ``uow``."""
    if isinstance(uow, InMemoryUnitOfWorkFactory):
        return InMemoryOutboxFeed(uow.store)
    return PostgresOutboxFeed(uow.database)


def _operations_for(uow: AnyUnitOfWorkFactory) -> OperationsReadout:
    """What operators watch, over the same storage as ``uow``."""
    if isinstance(uow, InMemoryUnitOfWorkFactory):
        return InMemoryOperationsReadout(uow.store)
    return PostgresOperationsReadout(uow.database)


def _session_check_for(uow: AnyUnitOfWorkFactory) -> SessionCheck:
    """The session check that reads the same storage as ``uow``."""
    if isinstance(uow, InMemoryUnitOfWorkFactory):
        return InMemorySessionCheck(uow.store)
    return PostgresSessionCheck(uow.database)
