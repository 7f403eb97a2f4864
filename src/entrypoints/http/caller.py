"""Litestar dependencies of the caller: ``actor``, ``maybe_actor`` and ``claims``.

A controller names its context's bundle (``bookings: BookingsDep``, registered at app level
under the context's name) and, when it needs one, the caller. The caller's dependencies are
declared per controller with :func:`caller_dependencies`, chained behind that controller's
bundle: Litestar resolves the dependencies of one level concurrently in an anyio task group,
which costs more than these lookups themselves, so every level holds one dependency and is
awaited directly (docs/performance.md, "Bookings").
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

from litestar import Request
from litestar.di import NamedDependency, Provide

from booking_domain.accounts import AccessClaims
from booking_domain.shared import Actor
from entrypoints.http.auth import current_actor, current_claims, optional_actor

Caller = NamedDependency[Actor]
MaybeCaller = NamedDependency[Actor | None]
Claims = NamedDependency[AccessClaims]

AnyRequest = Request[Any, Any, Any]


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
    "AnyRequest",
    "Caller",
    "Claims",
    "MaybeCaller",
    "caller_dependencies",
]
