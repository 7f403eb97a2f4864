"""Litestar dependencies: one per context's bundle of use cases, and the caller.

A controller names its context's bundle (``bookings: BookingsDep``) and, when it needs one,
the caller (``actor``, ``maybe_actor``, ``claims``). The caller's dependencies are declared
per controller with :func:`caller_dependencies`, chained behind that controller's bundle:
Litestar resolves the dependencies of one level concurrently in an anyio task group, which
costs more than these lookups themselves, so every level holds one dependency and is awaited
directly (docs/performance.md, "Bookings").
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

from litestar import Request
from litestar.di import NamedDependency, Provide

from booking_domain.accounts.ports import AccessClaims
from booking_domain.accounts.use_cases import AccountUseCases
from booking_domain.bookings.use_cases import BookingUseCases
from booking_domain.catalog.use_cases import CatalogUseCases
from booking_domain.disputes.use_cases import DisputeUseCases
from booking_domain.events.use_cases import EventUseCases
from booking_domain.media.use_cases import MediaUseCases
from booking_domain.notifications.use_cases import NotificationUseCases
from booking_domain.payments.use_cases import PaymentUseCases
from booking_domain.reviews.use_cases import ReviewUseCases
from booking_domain.scheduling.use_cases import SchedulingUseCases
from booking_domain.search.use_cases import SearchUseCases
from booking_domain.shared import Actor, HealthProbe
from booking_domain.webhooks.use_cases import WebhookUseCases
from entrypoints.bundles import Bundles, SandboxBank
from entrypoints.http.auth import current_actor, current_claims, optional_actor

AccountsDep = NamedDependency[AccountUseCases]
CatalogDep = NamedDependency[CatalogUseCases]
SchedulingDep = NamedDependency[SchedulingUseCases]
BookingsDep = NamedDependency[BookingUseCases]
EventsDep = NamedDependency[EventUseCases]
WebhooksDep = NamedDependency[WebhookUseCases]
NotificationsDep = NamedDependency[NotificationUseCases]
DisputesDep = NamedDependency[DisputeUseCases]
ReviewsDep = NamedDependency[ReviewUseCases]
SearchDep = NamedDependency[SearchUseCases]
MediaDep = NamedDependency[MediaUseCases]
PaymentsDep = NamedDependency[PaymentUseCases]
SandboxDep = NamedDependency[SandboxBank]
HealthDep = NamedDependency[HealthProbe]
Caller = NamedDependency[Actor]
MaybeCaller = NamedDependency[Actor | None]
Claims = NamedDependency[AccessClaims]

AnyRequest = Request[Any, Any, Any]


def bundle_dependencies(bundles: Bundles) -> dict[str, Provide]:
    """The app-level dependencies: each context's use cases under the context's name."""

    def constant(value: object) -> Provide:
        return Provide(lambda: value, use_cache=True, sync_to_thread=False)

    return {
        "accounts": constant(bundles.accounts),
        "media": constant(bundles.media),
        "catalog": constant(bundles.catalog),
        "scheduling": constant(bundles.scheduling),
        "bookings": constant(bundles.bookings),
        "payments": constant(bundles.payments),
        "sandbox": constant(bundles.sandbox),
        "events": constant(bundles.events),
        "webhooks": constant(bundles.webhooks),
        "notifications": constant(bundles.notifications),
        "disputes": constant(bundles.disputes),
        "reviews": constant(bundles.reviews),
        "search": constant(bundles.search),
        "health": constant(bundles.health),
        "operations": constant(bundles.operations),
    }


def _after(context: str, resolve: Callable[[AnyRequest], Any], returns: object) -> Provide:
    """``resolve(request)`` as a dependency that also names ``context`` (and ignores it), so
    that Litestar resolves it one level after the context's bundle (see the module
    docstring). Litestar reads a dependency's parameters from its signature."""
    dependency: Any
    if inspect.iscoroutinefunction(resolve):

        async def dependency(request: AnyRequest, **_: object) -> Any:
            return await resolve(request)

    else:

        def dependency(request: AnyRequest, **_: object) -> Any:
            return resolve(request)

    parameters = {"request": AnyRequest, context: NamedDependency[object]}
    dependency.__signature__ = inspect.Signature(
        [
            inspect.Parameter(
                "request", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=AnyRequest
            ),
            inspect.Parameter(
                context, inspect.Parameter.KEYWORD_ONLY, annotation=parameters[context]
            ),
        ],
        return_annotation=returns,
    )
    dependency.__annotations__ = {**parameters, "return": returns}
    return (
        Provide(dependency)
        if inspect.iscoroutinefunction(dependency)
        else Provide(dependency, sync_to_thread=False)
    )


def caller_dependencies(context: str) -> dict[str, Provide]:
    """``actor``, ``claims`` and ``maybe_actor`` for a controller of ``context``."""

    def actor(request: AnyRequest) -> Actor:
        return current_actor(request)

    def claims(request: AnyRequest) -> AccessClaims:
        return current_claims(request)

    async def maybe_actor(request: AnyRequest) -> Actor | None:
        return await optional_actor(request)

    return {
        "actor": _after(context, actor, Actor),
        "claims": _after(context, claims, AccessClaims),
        "maybe_actor": _after(context, maybe_actor, Actor | None),
    }


__all__ = [
    "AccountsDep",
    "BookingsDep",
    "Caller",
    "CatalogDep",
    "Claims",
    "DisputesDep",
    "EventsDep",
    "HealthDep",
    "MaybeCaller",
    "MediaDep",
    "NotificationsDep",
    "PaymentsDep",
    "ReviewsDep",
    "SandboxDep",
    "SchedulingDep",
    "SearchDep",
    "bundle_dependencies",
    "caller_dependencies",
]
