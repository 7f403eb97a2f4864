"""Authentication for HTTP: bearer access tokens and API keys, coarse role guards, the
``actor`` dependency.

A bearer token that starts ``isk_`` is an API key (docs/api.md, "API keys"): it acts as its
owner on the operations that name a scope it holds (``opt={API_KEY_SCOPE: ...}``, set with
:func:`takes_api_key`), and on the public ones; any other operation refuses it (403
``api_key_not_accepted``). Its requests are counted per key (``api_key_limit``).

Guards only authenticate and check roles; who may touch which resource is decided in the
use cases from the actor (docs/architecture.md, rule 5).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from litestar.connection import ASGIConnection
from litestar.handlers.base import BaseRouteHandler

from booking_domain.accounts import AccessClaims, ApiKeyScope, InvalidTokenError, could_be_api_key
from booking_domain.accounts.use_cases import AccountUseCases, KeyCaller
from booking_domain.shared import Actor, PermissionDeniedError, Role
from entrypoints.http.api_key_limit import KeyRateLimit
from entrypoints.http.serving import serving_of

# The OpenAPI security requirement of a route behind a bearer token.
BEARER: list[dict[str, list[str]]] = [{"bearer": []}]
# A route's ``opt`` key naming the API key scope it takes (none: it takes no key), and the
# app's state key of the per-key rate limit.
API_KEY_SCOPE = "api_key_scope"
API_KEY_LIMIT = "api_key_limit"


_READING = frozenset({"GET", "HEAD"})


@dataclass(frozen=True, slots=True)
class KeyScopes:
    """The scope a key needs on the operations it marks: ``read`` to read (GET, HEAD),
    ``write`` for anything else. Set on a controller, it holds each of its operations, so
    an operation added later gets the scope of its method, never a reading scope for a
    write."""

    read: ApiKeyScope
    write: ApiKeyScope

    def for_method(self, method: str) -> ApiKeyScope:
        return self.read if method in _READING else self.write


def takes_api_key(read: ApiKeyScope, write: ApiKeyScope | None = None) -> dict[str, KeyScopes]:
    """An ``opt`` (a controller's or a route's, merged with its others) letting keys with
    the scope of the request's method call it: ``read`` for reading, ``write`` (default
    ``read``) for the rest."""
    return {API_KEY_SCOPE: KeyScopes(read, write or read)}


def _scope_of(
    connection: ASGIConnection[Any, Any, Any, Any], handler: BaseRouteHandler
) -> ApiKeyScope | None:
    """The scope a key needs here: None where the operation takes no key."""
    scopes: KeyScopes | None = handler.opt.get(API_KEY_SCOPE)
    method = str(connection.scope.get("method", "GET"))
    return None if scopes is None else scopes.for_method(method)


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
    connection: ASGIConnection[Any, Any, Any, Any], handler: BaseRouteHandler
) -> None:
    """Verify the bearer token (an access token, or an API key with the route's scope) and
    remember who is calling (for handlers and the access log)."""
    token = _bearer_token(connection)
    if could_be_api_key(token):
        caller = await _key_caller(connection, token)
        caller.key.ensure_permits(_scope_of(connection, handler))
        await _count(connection, caller)
        return
    _remember(connection, await accounts_of(connection).authenticate(token))


async def _key_caller(connection: ASGIConnection[Any, Any, Any, Any], token: str) -> KeyCaller:
    caller = await accounts_of(connection).authenticate_api_key(token)
    state = connection.scope.setdefault("state", {})
    state["actor"] = caller.actor
    state["api_key"] = caller.key
    return caller


async def _count(connection: ASGIConnection[Any, Any, Any, Any], caller: KeyCaller) -> None:
    limit: KeyRateLimit | None = connection.app.state.get(API_KEY_LIMIT)
    if limit is not None:
        await limit.take(caller.key.id)


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
    token = _bearer_token(request)
    if could_be_api_key(token):  # any live key: what it reads here anyone may read
        caller = await _key_caller(request, token)
        await _count(request, caller)
        return caller.actor
    await authenticated(request, request.route_handler)
    return current_actor(request)


def client_address(connection: ASGIConnection[Any, Any, Any, Any]) -> str:
    """The client's address as the server sees it: the peer, or what a trusted proxy says
    it forwarded for (uvicorn reads forwarded headers only from INKSLOT_TRUSTED_PROXIES)."""
    client = connection.client
    return client.host if client is not None else "unknown"
