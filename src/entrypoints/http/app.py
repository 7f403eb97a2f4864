"""Assemble the Litestar application from services and HTTP configuration."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from litestar import Litestar, Request, Router
from litestar.config.cors import CORSConfig
from litestar.datastructures import State
from litestar.di import NamedDependency, Provide
from litestar.middleware.rate_limit import RateLimitConfig
from litestar.openapi.config import OpenAPIConfig
from litestar.openapi.plugins import ScalarRenderPlugin
from litestar.openapi.spec import Components, SecurityScheme
from litestar.stores.base import Store
from litestar.stores.memory import MemoryStore
from litestar.stores.redis import RedisStore

from booking_domain.accounts import Actor
from booking_domain.ports import AccessClaims
from entrypoints.http.auth import current_actor, current_claims, optional_actor
from entrypoints.http.controllers.admin import AdminUsersController
from entrypoints.http.controllers.artists import ArtistsController
from entrypoints.http.controllers.auth import AuthController
from entrypoints.http.controllers.availability import AvailabilityController
from entrypoints.http.controllers.bookings import BookingsController
from entrypoints.http.controllers.docs import docs_page
from entrypoints.http.controllers.health import live, ready
from entrypoints.http.controllers.me import MeController
from entrypoints.http.controllers.studios import AdminArtistsController, StudiosController
from entrypoints.http.middleware import RequestContextMiddleware
from entrypoints.http.problems import EXCEPTION_HANDLERS
from entrypoints.http.services import ApiServices, HttpConfig

API_PREFIX = "/api/v1"
Hook = Callable[[], Awaitable[None]]


# The caller's dependencies name ``services`` although they do not use it: Litestar resolves
# the dependencies of one level concurrently in an anyio task group, which costs more than
# these lookups themselves. Chained behind ``services``, each level holds one dependency and
# is awaited directly (measured: see docs/performance.md, "Bookings").


def _actor(request: Request[Any, Any, Any], services: NamedDependency[ApiServices]) -> Actor:
    return current_actor(request)


def _claims(
    request: Request[Any, Any, Any], services: NamedDependency[ApiServices]
) -> AccessClaims:
    return current_claims(request)


async def _maybe_actor(
    request: Request[Any, Any, Any], services: NamedDependency[ApiServices]
) -> Actor | None:
    return await optional_actor(request)


def _rate_limit_store(config: HttpConfig) -> Store:
    if config.redis_url:
        return RedisStore.with_client(
            url=config.redis_url, namespace=f"{config.redis_namespace}:rate-limit"
        )
    return MemoryStore()


def build_app(
    services: ApiServices,
    config: HttpConfig,
    *,
    on_startup: Sequence[Hook] = (),
    on_shutdown: Sequence[Hook] = (),
) -> Litestar:
    rate_limit = RateLimitConfig(
        rate_limit=("minute", config.auth_rate_limit_per_minute), store="rate_limit"
    )
    auth_router = Router(
        path=API_PREFIX, route_handlers=[AuthController], middleware=[rate_limit.middleware]
    )
    api_router = Router(
        path=API_PREFIX,
        route_handlers=[
            MeController,
            AdminUsersController,
            ArtistsController,
            AvailabilityController,
            StudiosController,
            AdminArtistsController,
            BookingsController,
        ],
    )
    cors = CORSConfig(allow_origins=list(config.cors_origins)) if config.cors_origins else None

    def request_context(app: Any) -> RequestContextMiddleware:
        return RequestContextMiddleware(app, access_log=config.access_log)

    return Litestar(
        route_handlers=[auth_router, api_router, live, ready, docs_page],
        dependencies={
            "services": Provide(lambda: services, use_cache=True, sync_to_thread=False),
            "actor": Provide(_actor, sync_to_thread=False),
            "claims": Provide(_claims, sync_to_thread=False),
            "maybe_actor": Provide(_maybe_actor),
        },
        exception_handlers=EXCEPTION_HANDLERS,  # type: ignore[arg-type]
        middleware=[request_context],
        cors_config=cors,
        stores={"rate_limit": _rate_limit_store(config)},
        state=State({"services": services}),
        openapi_config=OpenAPIConfig(
            title=config.title,
            version=config.version,
            path="/schema",
            render_plugins=[ScalarRenderPlugin()],
            components=Components(
                security_schemes={
                    "bearer": SecurityScheme(type="http", scheme="bearer", bearer_format="JWT")
                }
            ),
        ),
        on_startup=list(on_startup),
        on_shutdown=list(on_shutdown),
        debug=config.debug,
        logging_config=None,  # logging is configured once by the entrypoint (JSON lines)
    )
