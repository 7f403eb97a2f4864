"""Assemble the Litestar application: every registered context's routes and use cases
(``entrypoints.contexts``), its pages (``entrypoints.web``), and the HTTP settings."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING, Any, cast

from litestar import Litestar, Router
from litestar.config.cors import CORSConfig
from litestar.datastructures import State
from litestar.di import Provide
from litestar.handlers import asgi
from litestar.middleware.rate_limit import RateLimitConfig
from litestar.openapi.spec import Components, SecurityScheme
from litestar.stores.base import Store
from litestar.stores.memory import MemoryStore
from litestar.types import Receive, Scope, Send

from entrypoints.bundles import ASGIApp, Bundles
from entrypoints.contexts import registered
from entrypoints.http.api_key_limit import STORE as KEY_LIMIT_STORE
from entrypoints.http.api_key_limit import KeyRateLimit
from entrypoints.http.auth import API_KEY_LIMIT
from entrypoints.http.compression import GzipMiddleware
from entrypoints.http.docs import SCHEMA_PATH, OfflineSwaggerUI, docs_redirect
from entrypoints.http.draining import Drain, DrainingProbe
from entrypoints.http.lifespan import Hook, bounded
from entrypoints.http.metrics import metrics_route, prometheus_config
from entrypoints.http.middleware import RequestContextMiddleware
from entrypoints.http.problem_docs import RATE_LIMITED, OpenAPIConfigWithProblems, document_problems
from entrypoints.http.problems import EXCEPTION_HANDLERS
from entrypoints.http.request import ApiRequest
from entrypoints.http.routes import Routes
from entrypoints.http.serving import (
    SECURE_COOKIES,
    SERVING,
    TELEGRAM_LOGIN_BOT,
    UPLOAD_ORIGINS,
    Serving,
)
from entrypoints.http.stream.relay import Channels, channels_for
from entrypoints.http.system import live, ready
from entrypoints.http.tracing import tracing_plugins
from entrypoints.web.site import page_routes, page_templates

if TYPE_CHECKING:
    from opentelemetry.sdk.trace import TracerProvider

API_PREFIX = "/api/v1"
# The stores of the rate limits (counts per client address; buckets per API key), by name.
RATE_LIMIT_STORES = ("rate_limit", "sign_up_limit", KEY_LIMIT_STORE)


@dataclass(frozen=True, slots=True)
class HttpConfig:
    title: str = "Inkslot API"
    version: str = "0.0.0"  # create_app passes the package's
    cors_origins: tuple[str, ...] = ()
    auth_rate_limit_per_minute: int = 30
    sign_up_rate_limit_per_hour: int = 20
    api_key_rate_limit_per_minute: int = 600
    redis_url: str | None = None
    redis_namespace: str = "inkslot"
    access_log: bool = True
    debug: bool = False
    metrics_token: str | None = None  # None: /metrics to loopback clients (if loopback) only
    metrics_loopback: bool = True  # the local profile; production serves only the token
    tracer_provider: TracerProvider | None = None  # entrypoints.tracing, when it traces
    drain_seconds: float = 0.0  # not ready this long after SIGTERM, then stop (draining.py)
    # The console's session cookies are ``Secure`` (sent over HTTPS only) outside the local
    # profile, which serves plain HTTP on the developer's machine.
    secure_cookies: bool = True
    # Where a browser PUTs an upload (the store's origin: entrypoints.app.upload_origins), and
    # the bot whose Login Widget the console's sign-in offers (None: not offered).
    upload_origins: tuple[str, ...] = ()
    telegram_login_bot: str | None = None


def build_app(
    bundles: Bundles,
    config: HttpConfig,
    *,
    on_startup: Sequence[Hook] = (),
    on_shutdown: Sequence[Hook] = (),
) -> Litestar:
    channels = channels_for(config.redis_url, config.redis_namespace)
    serving = Serving(bundles, channels)
    drain = Drain(config.drain_seconds)
    stores = _rate_limit_stores(config)
    key_limit = KeyRateLimit(config.api_key_rate_limit_per_minute, stores[KEY_LIMIT_STORE])
    app = Litestar(
        route_handlers=[
            *_api_routers(list(context_routes()), config, sandbox=bundles.sandbox is not None),
            live,
            ready,
            docs_redirect,
            metrics_route(config.metrics_token, loopback=config.metrics_loopback),
            *_storage_mounts(serving),
            *page_routes(),  # the pages, outside the API (entrypoints.web)
        ],
        template_config=page_templates(),
        middleware=[prometheus_config().middleware],
        dependencies=_dependencies(serving, channels, drain),
        exception_handlers=EXCEPTION_HANDLERS,
        request_class=ApiRequest,
        cors_config=CORSConfig(allow_origins=list(config.cors_origins))
        if config.cors_origins
        else None,
        stores=stores,
        # For the guards (auth.py), the console's cookies and test harnesses.
        state=State(
            {
                SERVING: serving,
                SECURE_COOKIES: config.secure_cookies,
                UPLOAD_ORIGINS: config.upload_origins,
                TELEGRAM_LOGIN_BOT: config.telegram_login_bot,
                API_KEY_LIMIT: key_limit,
            }
        ),
        openapi_config=_openapi(config),
        plugins=[channels.plugin, *tracing_plugins(config.tracer_provider)],
        # The core's tasks start after its adapters (a pool to read with) and stop before them.
        on_startup=[*on_startup, serving.start, drain.install],
        on_shutdown=[serving.stop, *(bounded(h) for h in (*on_shutdown, channels.close))],
        debug=config.debug,
        logging_config=None,  # logging is configured once by the entrypoint (JSON lines)
    )
    # Outermost, around the router and its exception handling: every response passes it,
    # 404s, 405s and 429s included (a Litestar middleware sees only routed requests, and
    # not the problems its inner layers raise); gzip (compression.py) just inside it.
    document_problems(app)
    app.asgi_handler = RequestContextMiddleware(
        GzipMiddleware(app.asgi_handler), access_log=config.access_log, drain=drain
    )
    return app


def context_routes() -> Iterator[Routes]:
    """Every registered context's ``ROUTES`` (``entrypoints.http.<name>.routes``), in the
    registry's order."""
    for entry in registered():
        routes: Routes = import_module(f"{__package__}.{entry.name}.routes").ROUTES
        yield routes


def _api_routers(routes: list[Routes], config: HttpConfig, *, sandbox: bool) -> list[Router]:
    """Under ``/api/v1``: sign-in behind the per-minute limit per client address, sign-up
    also behind the hourly one, then every context's controllers; last, at the root, the
    controllers served outside the API's prefix (``Routes.root``)."""
    per_minute = RateLimitConfig(
        rate_limit=("minute", config.auth_rate_limit_per_minute), store="rate_limit"
    )
    per_hour = RateLimitConfig(
        rate_limit=("hour", config.sign_up_rate_limit_per_hour), store="sign_up_limit"
    )
    return [
        Router(
            API_PREFIX,
            route_handlers=[c for r in routes for c in r.sign_in],
            middleware=[per_minute.middleware],
            opt={RATE_LIMITED: True},
        ),
        Router(
            API_PREFIX,
            route_handlers=[c for r in routes for c in r.sign_up],
            middleware=[per_minute.middleware, per_hour.middleware],
            opt={RATE_LIMITED: True},
        ),
        Router(
            API_PREFIX,
            route_handlers=[
                c for r in routes for c in (*r.controllers, *(r.sandbox if sandbox else ()))
            ],
        ),
        Router("/", route_handlers=[c for r in routes for c in r.root]),
    ]


def _dependencies(serving: Serving, channels: Channels, drain: Drain) -> dict[str, Provide]:
    """Each context's use cases under the context's name, and the services handlers take:
    the served core's, read on each request (a plain call, no cache to go stale when the
    app serves another core), and the app's own."""
    served = [entry.name for entry in registered()] + ["sandbox", "operations", "clock"]
    dependencies = {name: _served(serving, name) for name in served}
    dependencies["health"] = _provide(lambda: DrainingProbe(serving.bundles.health, drain))
    dependencies["listeners"] = _provide(lambda: channels.listeners)
    dependencies["session_watch"] = _provide(lambda: serving.session_watch)
    return dependencies


def _served(serving: Serving, name: str) -> Provide:
    return _provide(lambda: getattr(serving.bundles, name))


def _provide(get: Callable[[], object]) -> Provide:
    return Provide(get, use_cache=False, sync_to_thread=False)


def _openapi(config: HttpConfig) -> OpenAPIConfigWithProblems:
    bearer = SecurityScheme(
        type="http",
        scheme="bearer",
        bearer_format="JWT or API key",
        description="An access token from signing in (a JWT), or an API key (isk_...) on the "
        'operations that take one: docs/api.md, "API keys".',
    )
    return OpenAPIConfigWithProblems(
        title=config.title,
        version=config.version,
        path=SCHEMA_PATH,
        render_plugins=[OfflineSwaggerUI()],
        components=Components(security_schemes={"bearer": bearer}),
    )


def _rate_limit_stores(config: HttpConfig) -> dict[str, Store]:
    """Shared by every API process through Redis when there is one, else per process."""

    def store(name: str) -> Store:
        if config.redis_url:
            from litestar.stores.redis import RedisStore  # the driver only where it is used

            return RedisStore.with_client(
                url=config.redis_url, namespace=f"{config.redis_namespace}:{name}"
            )
        return MemoryStore()

    return {name: store(name.replace("_", "-")) for name in RATE_LIMIT_STORES}


def _storage_mounts(serving: Serving) -> list[Any]:
    """The local stores' HTTP side (signed uploads and downloads, public media): outside the
    API and its schema, as R2's endpoints are; the served core's."""
    if serving.bundles.storage_server is None:
        return []

    async def storage(scope: Scope, receive: Receive, send: Send) -> None:
        # Never None here: Serving.serve takes only cores with the parts the routes need.
        server = cast("ASGIApp", serving.bundles.storage_server)
        await server(scope, receive, send)  # type: ignore[arg-type]

    return [
        asgi(path, is_mount=True, copy_scope=True, include_in_schema=False, name=f"storage{n}")(
            storage
        )
        for n, path in enumerate(("/_storage", "/media"))
    ]
