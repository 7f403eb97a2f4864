"""The composition root for HTTP: ``create_app(settings)`` builds everything.

Nothing here runs at import time. ``uvicorn`` worker processes use :func:`app_from_env`
(a factory), so that each worker builds its own container and pools.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from litestar import Litestar

from entrypoints.container import Core, build_container, bundles, close_adapters, open_adapters
from entrypoints.http.app import HttpConfig, build_app
from entrypoints.local_secrets import jwt_secret_for
from entrypoints.logs import configure_logging
from entrypoints.settings import Settings, load_settings
from entrypoints.startup import settle_heap_for_serving
from entrypoints.tracing import flush_tracing, start_tracing

if TYPE_CHECKING:
    from opentelemetry.sdk.trace import TracerProvider


def _version() -> str:
    try:
        return version("inkslot")
    except PackageNotFoundError:
        return "0.0.0"


def create_app(settings: Settings, *, container: Core | None = None) -> Litestar:
    """Build the API for these settings. ``settings.database_url`` must point at a migrated
    database (the CLI starts the embedded server and migrates before it calls this). No job
    worker runs inside it: ``inkslot serve`` starts one beside it where the settings ask
    (``entrypoints.worker.beside``)."""
    tracer_provider = start_tracing(
        "inkslot-api", background_statements=settings.trace_background_statements
    )
    core = container or build_container(settings, jwt_secret=jwt_secret_for(settings))
    app_bundles = bundles(core)

    async def start() -> None:
        await open_adapters(core)

    async def stop() -> None:
        await close_adapters(core)
        flush_tracing()

    config = http_config(settings, tracer_provider)
    return build_app(app_bundles, config, on_startup=[start], on_shutdown=[stop])


def http_config(settings: Settings, tracer_provider: TracerProvider | None = None) -> HttpConfig:
    """What of the settings the HTTP app itself is built with (the rest reaches it through
    the core)."""
    return HttpConfig(
        version=_version(),
        cors_origins=settings.cors_origins,
        auth_rate_limit_per_minute=settings.auth_rate_limit_per_minute,
        sign_up_rate_limit_per_hour=settings.sign_up_rate_limit_per_hour,
        api_key_rate_limit_per_minute=settings.api_key_rate_limit_per_minute,
        redis_url=settings.redis_url,
        redis_namespace=settings.redis_namespace,
        access_log=settings.access_log,
        metrics_token=settings.metrics_token,
        metrics_loopback=settings.is_local,
        tracer_provider=tracer_provider,
        drain_seconds=settings.drain_seconds,
        secure_cookies=not settings.is_local,
        upload_origins=upload_origins(settings),
        telegram_login_bot=(
            settings.telegram_bot_username if settings.telegram_bot_token else None
        ),
    )


def upload_origins(settings: Settings) -> tuple[str, ...]:
    """The origins a browser PUTs uploads to: the S3/R2 endpoint (its signed URLs are
    path-style, adapters.storage.s3), or the app's own base URL for the local store."""
    if settings.uses_object_storage:
        from adapters.storage.s3 import r2_endpoint  # aioboto3: only where the store is R2/S3

        endpoint = settings.s3_endpoint_url or r2_endpoint(settings.r2_account_id or "")
    else:
        endpoint = settings.base_url
    parts = urlsplit(endpoint)
    return (f"{parts.scheme}://{parts.netloc}",) if parts.scheme and parts.netloc else ()


def app_from_env() -> Litestar:
    """Factory for uvicorn workers: settings from the environment (the parent process put the
    embedded database's URL there)."""
    settings = load_settings()
    configure_logging(settings.log_level)
    logging.getLogger(__name__).debug("worker starting")
    app = create_app(replace(settings))
    settle_heap_for_serving()
    return app
