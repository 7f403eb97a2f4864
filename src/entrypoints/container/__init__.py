"""Wiring: the only package that knows which adapter serves which port.

``Core`` holds one sub-container per context (``contexts.py``) over an adapter container
(``adapters.py``, one per profile); :func:`build_container` picks the profile's adapters
from the settings, and :func:`bundles` hands each context's use cases to the entrypoints.
"""

from __future__ import annotations

from dependency_injector import containers, providers

from booking_domain.accounts.ports import AccountsUnitOfWorkFactory
from booking_domain.shared import Clock
from entrypoints.bundles import Bundles, SandboxBank, SandboxPay
from entrypoints.container.adapters import (
    LocalAdapters,
    MemoryAdapters,
    PostgresAdapters,
    ProductionAdapters,
)
from entrypoints.container.contexts import (
    AccountsContainer,
    BookingsContainer,
    CatalogContainer,
    DisputesContainer,
    EventsContainer,
    MediaContainer,
    NotificationsContainer,
    PaymentsContainer,
    ReviewsContainer,
    SchedulingContainer,
    SearchContainer,
    WebhooksContainer,
)
from entrypoints.settings import Settings


class Core(containers.DeclarativeContainer):
    settings = providers.Dependency(instance_of=Settings)
    adapters = providers.DependenciesContainer()
    accounts = providers.Container(AccountsContainer, settings=settings, adapters=adapters)
    media = providers.Container(MediaContainer, adapters=adapters)
    catalog = providers.Container(CatalogContainer, adapters=adapters)
    scheduling = providers.Container(SchedulingContainer, adapters=adapters)
    bookings = providers.Container(BookingsContainer, adapters=adapters)
    payments = providers.Container(PaymentsContainer, settings=settings, adapters=adapters)
    events = providers.Container(EventsContainer, adapters=adapters)
    webhooks = providers.Container(WebhooksContainer, settings=settings, adapters=adapters)
    disputes = providers.Container(DisputesContainer, adapters=adapters)
    reviews = providers.Container(ReviewsContainer, adapters=adapters)
    search = providers.Container(SearchContainer, adapters=adapters)
    notifications = providers.Container(
        NotificationsContainer, settings=settings, adapters=adapters
    )


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


def _bank(sandbox: SandboxPay | None) -> SandboxBank | None:
    return None if sandbox is None else SandboxBank(sandbox)


def bundles(core: Core) -> Bundles:
    """Every context's use cases (built once: the providers are singletons)."""
    return Bundles(
        accounts=core.accounts.use_cases(),
        media=core.media.use_cases(),
        catalog=core.catalog.use_cases(),
        scheduling=core.scheduling.use_cases(),
        bookings=core.bookings.use_cases(),
        payments=core.payments.use_cases(),
        sandbox=_bank(core.adapters.payments().sandbox),
        events=core.events.use_cases(),
        webhooks=core.webhooks.use_cases(),
        notifications=core.notifications.use_cases(),
        disputes=core.disputes.use_cases(),
        reviews=core.reviews.use_cases(),
        search=core.search.use_cases(),
        health=core.adapters.health(),
        operations=core.adapters.operations(),
        relay=core.adapters.relay(),
        storage_server=core.adapters.storage().server,
    )


def accounts_storage(core: Core) -> AccountsUnitOfWorkFactory:
    """Units of work over accounts, for operator commands that look before they act."""
    factory: AccountsUnitOfWorkFactory = core.adapters.uow()
    return factory


def clock_of(core: Core) -> Clock:
    clock: Clock = core.adapters.clock()
    return clock


async def open_adapters(core: Core) -> None:
    await core.adapters.open()


async def close_adapters(core: Core) -> None:
    await core.adapters.close()


__all__ = [
    "Core",
    "LocalAdapters",
    "MemoryAdapters",
    "PostgresAdapters",
    "ProductionAdapters",
    "accounts_storage",
    "build_container",
    "bundles",
    "clock_of",
    "close_adapters",
    "memory_adapters",
    "open_adapters",
]
