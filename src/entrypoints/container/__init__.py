"""Wiring: the only package that knows which adapter serves which port.

:func:`build_container` picks the profile's adapters (``adapters.py``, one container per
profile) and wires every context of the registry (``entrypoints.contexts``) over them: a
context's ``Deps`` get the adapters of their fields' names and what its registry line takes
from the settings, and its bundle is built from them. :func:`bundles` hands the bundles to
the entrypoints.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import MISSING, dataclass, fields
from typing import Any

from dependency_injector import providers

from booking_domain.accounts.ports import AccountsUnitOfWorkFactory
from booking_domain.shared import Clock
from entrypoints.bundles import Bundles, SandboxBank
from entrypoints.container.adapters import (
    PORTS,
    InMemoryAdapters,
    LocalAdapters,
    PostgresAdapters,
    ProductionAdapters,
)
from entrypoints.contexts import Entry, registered
from entrypoints.settings import Settings

AnyAdapters = PostgresAdapters | InMemoryAdapters


@dataclass(frozen=True, slots=True)
class ContextWiring:
    """A context's ``Deps`` and its bundle of use cases, each built once (singletons)."""

    deps: providers.Provider[Any]
    use_cases: providers.Provider[Any]


class WiringError(LookupError):
    """A field of a context's ``Deps`` that no adapter and no setting gives."""


@dataclass(frozen=True, slots=True)
class Core:
    """A profile's adapters and every registered context wired over them."""

    settings: Settings
    adapters: AnyAdapters
    contexts: Mapping[str, ContextWiring]


def build_container(
    settings: Settings,
    *,
    database_url: str | None = None,
    jwt_secret: str,
    adapters: AnyAdapters | None = None,
) -> Core:
    """Wire the core to the profile's adapters (or to ``adapters`` when a test passes them)."""
    if adapters is None:
        url = database_url or settings.database_url
        if url is None:
            raise ValueError("a database URL is needed (the CLI starts the embedded server)")
        adapter_class = LocalAdapters if settings.is_local else ProductionAdapters
        adapters = adapter_class(settings=settings, jwt_secret=jwt_secret, database_url=url)
    wired = {entry.name: wire_context(entry, settings, adapters) for entry in registered()}
    return Core(settings, adapters, wired)


def wire_context(entry: Entry, settings: Settings, adapters: AnyAdapters) -> ContextWiring:
    """A registry line wired: its ``Deps`` from the ports named like their fields
    (``adapters.PORTS``) and what the line takes from the settings; ``WiringError`` for a
    field nothing gives, and for a setting the line names that is no field."""
    names = {part.name for part in fields(entry.deps)}
    if unknown := set(entry.from_settings) - names:
        raise WiringError(f"{entry.deps.__name__} has no field {', '.join(sorted(unknown))}")
    available = {name: adapters.providers[name] for name in PORTS if name in adapters.providers}
    given: dict[str, providers.Provider[Any]] = {}
    for part in fields(entry.deps):
        if part.name in entry.from_settings:
            given[part.name] = providers.Singleton(entry.from_settings[part.name], settings)
        elif part.name in available:
            given[part.name] = available[part.name]
        elif part.default is MISSING and part.default_factory is MISSING:
            raise WiringError(f"{entry.deps.__name__}.{part.name}: no adapter or setting gives it")
    deps = providers.Singleton(entry.deps, **given)
    return ContextWiring(deps, providers.Singleton(entry.bundle.build, deps))


def memory_adapters(settings: Settings, jwt_secret: str) -> InMemoryAdapters:
    return InMemoryAdapters(settings=settings, jwt_secret=jwt_secret)


def bundles(core: Core) -> Bundles:
    """Every context's use cases (built once: the providers are singletons), and the
    services the entrypoints use besides them."""
    adapters = core.adapters
    sandbox = adapters.payments().sandbox
    return Bundles(
        **{name: wiring.use_cases() for name, wiring in core.contexts.items()},
        health=adapters.health(),
        operations=adapters.operations(),
        relay=adapters.relay(),
        clock=adapters.clock(),
        storage_server=adapters.storage().server,
        sandbox=None if sandbox is None else SandboxBank(sandbox),
    )


def accounts_storage(core: Core) -> AccountsUnitOfWorkFactory:
    """Units of work over accounts, for operator commands that look before they act."""
    return core.adapters.uow()


async def reseal_secrets(core: Core) -> int:
    """Seal every stored secret again under the newest key (``inkslot rotate-secrets``);
    how many rows changed. Only a database keeps secrets: in memory, none."""
    return await core.adapters.stored_secrets().reseal()


def clock_of(core: Core) -> Clock:
    return core.adapters.clock()


async def open_adapters(core: Core) -> None:
    await core.adapters.open()


async def close_adapters(core: Core) -> None:
    await core.adapters.close()


__all__ = [
    "AnyAdapters",
    "ContextWiring",
    "Core",
    "InMemoryAdapters",
    "LocalAdapters",
    "PostgresAdapters",
    "ProductionAdapters",
    "WiringError",
    "accounts_storage",
    "build_container",
    "bundles",
    "clock_of",
    "close_adapters",
    "memory_adapters",
    "open_adapters",
    "reseal_secrets",
    "wire_context",
]
