"""Assemble the Litestar application from each context's use cases and the HTTP settings."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any

from litestar import Litestar, Router
from litestar.config.cors import CORSConfig
from litestar.datastructures import State
from litestar.di import Provide
from litestar.handlers import asgi
from litestar.middleware.rate_limit import RateLimitConfig
from litestar.openapi.config import OpenAPIConfig
from litestar.openapi.spec import Components, SecurityScheme
from litestar.stores.base import Store
from litestar.stores.memory import MemoryStore
from litestar.stores.redis import RedisStore
from litestar.types import Receive, Scope, Send

from entrypoints.bundles import ASGIApp, Bundles
from entrypoints.http.accounts.controller import (
    AdminUsersController,
    AuthController,
    MeController,
    PasswordController,
    SignUpController,
    StreamTicketController,
)
from entrypoints.http.bookings.admin import AdminBookingsController, AdminSuspensionController
from entrypoints.http.bookings.controller import BookingsController
from entrypoints.http.bookings.ideas import BookingIdeasController, IdeasController
from entrypoints.http.catalog.controller import (
    AdminArtistsController,
    ArtistsController,
    StudiosController,
)
from entrypoints.http.catalog.portfolio import ArtistPortfolioController, PortfolioController
from entrypoints.http.deps import bundle_dependencies
from entrypoints.http.disputes.controller import AdminDisputesController, DisputesController
from entrypoints.http.docs import SCHEMA_PATH, OfflineSwaggerUI, docs_redirect
from entrypoints.http.events.audit import AuditController
from entrypoints.http.events.controller import EventStreamController
from entrypoints.http.events.relay import RelayTask, channels_for
from entrypoints.http.media.controller import UploadsController
from entrypoints.http.metrics import PoolWatch, metrics_route, prometheus_config
from entrypoints.http.middleware import RequestContextMiddleware
from entrypoints.http.notifications.controller import (
    AdminNotificationsController,
    InboxController,
    ReminderOffsetsController,
)
from entrypoints.http.payments.controller import (
    DepositInvoiceController,
    PaymentCallbackController,
    PaymentsController,
    SandboxController,
    SettlementsController,
    TransactionsController,
)
from entrypoints.http.problems import EXCEPTION_HANDLERS
from entrypoints.http.request import ApiRequest
from entrypoints.http.reviews.controller import (
    AdminReviewsController,
    ArtistReviewsController,
    BookingReviewController,
    ReviewsController,
)
from entrypoints.http.scheduling.controller import (
    ArtistScheduleController,
    AvailabilityController,
)
from entrypoints.http.search.controller import (
    ArtistSearchController,
    PortfolioSearchController,
    RecommendationsController,
)
from entrypoints.http.system import live, ready
from entrypoints.http.webhooks.controller import WebhooksController

_log = logging.getLogger("inkslot.http")
API_PREFIX = "/api/v1"
Hook = Callable[[], Awaitable[None]]


@dataclass(frozen=True, slots=True)
class HttpConfig:
    title: str = "Inkslot API"
    version: str = "0.1.0"
    cors_origins: tuple[str, ...] = ()
    auth_rate_limit_per_minute: int = 30
    sign_up_rate_limit_per_hour: int = 20
    redis_url: str | None = None
    redis_namespace: str = "inkslot"
    access_log: bool = True
    debug: bool = False
    metrics_token: str | None = None  # None: /metrics to loopback clients (if loopback) only
    metrics_loopback: bool = True  # the local profile; production serves only the token


def _rate_limit_store(config: HttpConfig, name: str) -> Store:
    if config.redis_url:
        return RedisStore.with_client(
            url=config.redis_url, namespace=f"{config.redis_namespace}:{name}"
        )
    return MemoryStore()


SHUTDOWN_STEP_SECONDS = 10.0


def bounded(hook: Hook) -> Hook:
    """A shutdown step that cannot hold the process forever: past its time it is abandoned
    with a warning naming it and every task still pending (what it waited for)."""
    name = getattr(hook, "__qualname__", repr(hook))

    async def step() -> None:
        try:
            await asyncio.wait_for(hook(), SHUTDOWN_STEP_SECONDS)
        except TimeoutError:
            pending = [
                f"{t.get_name()}: {t.get_coro()!r}"
                for t in asyncio.all_tasks()
                if t is not asyncio.current_task()
            ]
            _log.warning("shutdown step %s did not finish; pending: %s", name, pending)

    return step


def _storage_mounts(server: ASGIApp | None) -> list[Any]:
    """The local stores' HTTP side (signed uploads and downloads, public media): outside the
    API and its schema, as R2's endpoints are."""
    if server is None:
        return []

    async def storage(scope: Scope, receive: Receive, send: Send) -> None:
        await server(scope, receive, send)  # type: ignore[arg-type]

    return [
        asgi(path, is_mount=True, copy_scope=True, include_in_schema=False, name=f"storage{n}")(
            storage
        )
        for n, path in enumerate(("/_storage", "/media"))
    ]


def build_app(
    bundles: Bundles,
    config: HttpConfig,
    *,
    on_startup: Sequence[Hook] = (),
    on_shutdown: Sequence[Hook] = (),
) -> Litestar:
    # Per client address: every sign-in, refresh, logout and password change; sign-up also
    # by the hour (each probe of a taken email costs one of few).
    rate_limit = RateLimitConfig(
        rate_limit=("minute", config.auth_rate_limit_per_minute), store="rate_limit"
    )
    sign_up_limit = RateLimitConfig(
        rate_limit=("hour", config.sign_up_rate_limit_per_hour), store="sign_up_limit"
    )
    auth_router = Router(
        path=API_PREFIX,
        route_handlers=[AuthController, PasswordController],
        middleware=[rate_limit.middleware],
    )
    sign_up_router = Router(
        path=API_PREFIX,
        route_handlers=[SignUpController],
        middleware=[rate_limit.middleware, sign_up_limit.middleware],
    )
    api_router = Router(
        path=API_PREFIX,
        route_handlers=[
            MeController,
            AdminUsersController,
            ArtistsController,
            ArtistScheduleController,
            AvailabilityController,
            StudiosController,
            AdminArtistsController,
            AdminSuspensionController,
            AdminBookingsController,
            BookingsController,
            StreamTicketController,
            EventStreamController,
            AuditController,
            WebhooksController,
            UploadsController,
            PortfolioController,
            ArtistPortfolioController,
            BookingIdeasController,
            IdeasController,
            DepositInvoiceController,
            PaymentsController,
            PaymentCallbackController,
            SettlementsController,
            TransactionsController,
            InboxController,
            ReminderOffsetsController,
            AdminNotificationsController,
            BookingReviewController,
            ReviewsController,
            ArtistReviewsController,
            AdminReviewsController,
            DisputesController,
            AdminDisputesController,
            ArtistSearchController,
            PortfolioSearchController,
            RecommendationsController,
            # The sandbox's bank app exists only where the sandbox gateway takes payments.
            *([SandboxController] if bundles.sandbox is not None else []),
        ],
    )
    channels = channels_for(config.redis_url, config.redis_namespace)
    relay = RelayTask(bundles.relay, channels.plugin, channels.listeners)
    pool_watch = PoolWatch(bundles.operations)
    cors = CORSConfig(allow_origins=list(config.cors_origins)) if config.cors_origins else None

    app = Litestar(
        route_handlers=[
            auth_router,
            sign_up_router,
            api_router,
            live,
            ready,
            docs_redirect,
            metrics_route(config.metrics_token, loopback=config.metrics_loopback),
            *_storage_mounts(bundles.storage_server),
        ],
        middleware=[prometheus_config().middleware],
        dependencies={
            **bundle_dependencies(bundles),
            "listeners": Provide(lambda: channels.listeners, use_cache=True, sync_to_thread=False),
        },
        exception_handlers=EXCEPTION_HANDLERS,
        request_class=ApiRequest,
        cors_config=cors,
        stores={
            "rate_limit": _rate_limit_store(config, "rate-limit"),
            "sign_up_limit": _rate_limit_store(config, "sign-up-limit"),
        },
        state=State({"accounts": bundles.accounts}),  # for the guards (auth.py)
        openapi_config=OpenAPIConfig(
            title=config.title,
            version=config.version,
            path=SCHEMA_PATH,
            render_plugins=[OfflineSwaggerUI()],
            components=Components(
                security_schemes={
                    "bearer": SecurityScheme(type="http", scheme="bearer", bearer_format="JWT")
                }
            ),
        ),
        plugins=[channels.plugin],
        # The relay starts after the adapters (a pool to read with) and stops before them.
        on_startup=[*on_startup, relay.start, pool_watch.start],
        on_shutdown=[
            bounded(h) for h in (pool_watch.stop, relay.stop, *on_shutdown, channels.close)
        ],
        debug=config.debug,
        logging_config=None,  # logging is configured once by the entrypoint (JSON lines)
    )
    # Outermost, around the router and its exception handling: every response passes it,
    # 404s, 405s and 429s included (a Litestar middleware sees only routed requests, and
    # not the problems its inner layers raise).
    app.asgi_handler = RequestContextMiddleware(app.asgi_handler, access_log=config.access_log)
    return app
