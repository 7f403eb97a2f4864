"""Authentication for HTTP: bearer access tokens, coarse role guards, the ``actor`` dependency.

Guards only authenticate and check roles; who may touch which resource is decided in the
use cases from the actor (docs/architecture.md, rule 5).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from litestar.connection import ASGIConnection
from litestar.handlers.base import BaseRouteHandler

from booking_domain.accounts import AccessClaims, InvalidTokenError
from booking_domain.accounts.use_cases import AccountUseCases
from booking_domain.shared import Actor, PermissionDeniedError, Role
from entrypoints.http.serving import serving_of

# The OpenAPI security requirement of a route behind a bearer token.
BEARER: list[dict[str, list[str]]] = [{"bearer": []}]

# Guards are coroutines: Litestar would run a plain function on a worker thread, a costly
# hop for a few microseconds of JWT checking.
Guard = Callable[[ASGIConnection[Any, Any, Any, Any], BaseRouteHandler], Awaitable[None]]


def accounts_of(connection: ASGIConnection[Any, Any, Any, Any]) -> AccountUseCases:
    """The accounts use cases of the core the app serves."""
    return serving_of(connection.app).bundles.accounts


def _authorization(connection: ASGIConnection[Any, Any, Any, Any]) -> str | None:
    """The Authorization header, read from the raw scope: Litestar's ``headers`` builds a
    whole ``Headers`` object per request, a measurable part of an authenticated GET."""
    for name, value in connection.scope["headers"]:
        if name == b"authorization":
            return value.decode("latin-1")
    return None


def _bearer_token(connection: ASGIConnection[Any, Any, Any, Any]) -> str:
    header = _authorization(connection) or ""
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise InvalidTokenError("Send an access token: 'Authorization: Bearer <token>'.")
    return token.strip()


async def authenticated(
    connection: ASGIConnection[Any, Any, Any, Any], _: BaseRouteHandler
) -> None:
    """Verify the bearer token and remember who is calling (for handlers and the access log)."""
    _remember(connection, await accounts_of(connection).authenticate(_bearer_token(connection)))


def _remember(connection: ASGIConnection[Any, Any, Any, Any], claims: AccessClaims) -> None:
    state = connection.scope.setdefault("state", {})
    state["actor"] = Actor(claims.user_id, claims.role)
    state["claims"] = claims


async def stream_authenticated(
    connection: ASGIConnection[Any, Any, Any, Any], handler: BaseRouteHandler
) -> None:
    """The event stream's guard: a stream ticket in ``?ticket=`` (browsers' EventSource
    cannot send headers), else the bearer token as everywhere."""
    ticket = connection.query_params.get("ticket")
    if ticket is None:
        await authenticated(connection, handler)
        return
    _remember(connection, await accounts_of(connection).authenticate_stream_ticket(ticket))


@dataclass(frozen=True, slots=True)
class RoleGuard:
    """A guard (placed after :func:`authenticated`) admitting only ``roles`` (a class, so
    the OpenAPI document can tell a role-restricted operation: ``problem_docs``)."""

    roles: frozenset[Role]

    async def __call__(
        self, connection: ASGIConnection[Any, Any, Any, Any], _: BaseRouteHandler
    ) -> None:
        if current_actor(connection).role not in self.roles:
            raise PermissionDeniedError()


def role_in(*roles: Role) -> Guard:
    """A guard (placed after :func:`authenticated`) admitting only the given roles."""
    return RoleGuard(frozenset(roles))


def current_actor(connection: ASGIConnection[Any, Any, Any, Any]) -> Actor:
    actor = connection.scope.get("state", {}).get("actor")
    if not isinstance(actor, Actor):
        raise InvalidTokenError()
    return actor


def current_claims(connection: ASGIConnection[Any, Any, Any, Any]) -> AccessClaims:
    claims = connection.scope.get("state", {}).get("claims")
    if not isinstance(claims, AccessClaims):
        raise InvalidTokenError()
    return claims


async def optional_actor(request: ASGIConnection[Any, Any, Any, Any]) -> Actor | None:
    """For public endpoints that show more to the owner or an admin: no Authorization header
    means an anonymous caller; a header with a bad token is still refused (401)."""
    if _authorization(request) is None:
        return None
    await authenticated(request, request.route_handler)
    return current_actor(request)


def client_address(connection: ASGIConnection[Any, Any, Any, Any]) -> str:
    """The client's address as the server sees it: the peer, or what a trusted proxy says
    it forwarded for (uvicorn reads forwarded headers only from INKSLOT_TRUSTED_PROXIES)."""
    client = connection.client
    return client.host if client is not None else "unknown"
