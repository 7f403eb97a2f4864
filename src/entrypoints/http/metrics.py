"""``GET /metrics``: Prometheus' text format (docs/deployment.md lists every series).

- Requests: Litestar's Prometheus plugin middleware counts requests and times them by
  method, route template (``/api/v1/bookings/{booking_id:uuid}``, never the raw path: ids
  would make a series each) and status.
- Problems: every problem response by method, route template and ``code``; refused
  bookings by code are ``inkslot_problems_total{path="/api/v1/bookings",method="POST"}``
  (``slot_taken``, ``not_bookable``: the not-bookable reasons are one code).
- Store figures, read when scraped, so every process and every restart agrees: bookings by
  status, received payments by outcome, refunds by status (``manual``: awaiting manual
  settlement), background jobs by queue and status (``todo``: the queue's depth;
  ``failed``: failures).
- The connection pool of each API process (open, idle, waiting, limit), summed over the
  processes (a worker that died keeps its last figures until the server restarts).

Several API processes (``inkslot serve --workers N``) share their counts through
prometheus-client's multi-process mode: ``serve`` points ``PROMETHEUS_MULTIPROC_DIR`` at
an emptied directory under the data directory before the workers start.

Who may read: with ``INKSLOT_METRICS_TOKEN`` set, a request bearing that token; without
it, in the local profile only clients on the loopback address, in production nobody.
"""

from __future__ import annotations

import asyncio
import hmac
import ipaddress
import logging
import os
import time
from collections.abc import Iterator
from typing import Any

from litestar import Request, Response, get
from litestar.connection import ASGIConnection
from litestar.di import NamedDependency
from litestar.handlers import BaseRouteHandler
from litestar.plugins.prometheus import PrometheusConfig, PrometheusMiddleware
from litestar.types import ASGIApp, Guard, Message, Receive, Scope, Send
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Gauge,
    generate_latest,
    multiprocess,
)
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

from booking_domain.accounts import InvalidTokenError
from booking_domain.shared import PermissionDeniedError
from booking_domain.shared.ports import OperationsFigures, OperationsReadout
from entrypoints.http.lifespan import LifespanTask

METRICS_PATH = "/metrics"
MULTIPROCESS_ENV = "PROMETHEUS_MULTIPROC_DIR"
POOL_EVERY_SECONDS = 5.0
_log = logging.getLogger("inkslot.metrics")

PROBLEMS = Counter(
    "inkslot_problems",
    "Problem responses (4xx and 5xx) by method, route template and problem code.",
    ["method", "path", "code"],
)
POOL = Gauge(
    "inkslot_db_pool_connections",
    "Database connections of the API processes: open, idle, waiting requests, limit.",
    ["state"],
    multiprocess_mode="livesum",
)


APP = "inkslot"
Labels = dict[str, str | int | float]


class LeanPrometheusMiddleware(PrometheusMiddleware):
    """The plugin's middleware, its series unchanged (names, labels, buckets), for a sixth of
    its cost: each labelled child is looked up once and remembered (prometheus-client's
    ``labels()`` checks and hashes its arguments on every call, four calls a request), and
    no ``Request`` is built to read three scope keys. ``bench/metrics_overhead.py``: 7-9 us
    of CPU a request instead of 52-56."""

    def __init__(self, app: ASGIApp, config: PrometheusConfig) -> None:
        super().__init__(app, config)
        self._in_progress: dict[tuple[str, str], Any] = {}
        self._finished: dict[tuple[str, str, int], tuple[Any, Any, Any]] = {}

    def _progress(self, method: str, path: str) -> Any:
        key = (method, path)
        child = self._in_progress.get(key)
        if child is None:
            labels: Labels = {"method": method, "path": path, "status_code": 200, "app_name": APP}
            child = self.requests_in_progress(labels).labels(*labels.values())
            self._in_progress[key] = child
        return child

    def _outcome(self, method: str, path: str, status: int) -> tuple[Any, Any, Any]:
        key = (method, path, status)
        children = self._finished.get(key)
        if children is None:
            labels: Labels = {
                "method": method,
                "path": path,
                "status_code": status,
                "app_name": APP,
            }
            values = list(labels.values())
            errors = self.requests_error_count(labels).labels(*values) if status >= 500 else None
            children = (
                self.request_count(labels).labels(*values),
                self.request_time(labels).labels(*values),
                errors,
            )
            self._finished[key] = children
        return children

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        method = str(scope.get("method", scope["type"]))
        path = route_of(scope)
        started = time.perf_counter()
        outcome = {"status": 200, "duration": 0.0}

        async def measured_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                outcome["status"] = message["status"]
            elif message["type"] == "http.response.body":
                outcome["duration"] = time.perf_counter() - started
            await send(message)

        progress = self._progress(method, path)
        progress.inc()
        try:
            await self.app(scope, receive, measured_send)
        finally:
            progress.dec()
            count, timing, errors = self._outcome(method, path, int(outcome["status"]))
            if errors is not None:
                errors.inc()
            count.inc()
            timing.observe(outcome["duration"])


def prometheus_config() -> PrometheusConfig:
    return PrometheusConfig(
        app_name=APP,
        prefix="inkslot",
        group_path=True,  # the route template, not the raw path
        exclude=[f"^{METRICS_PATH}$"],
        exclude_unhandled_paths=True,  # 404s have no template; they count as problems
        middleware_class=LeanPrometheusMiddleware,
    )


def route_of(scope: Any) -> str:
    """The route template a request matched, or ``unrouted``."""
    template = scope.get("path_template")
    return str(template) if template else "unrouted"


def count_problem(request: Request[Any, Any, Any], code: str) -> None:
    PROBLEMS.labels(request.method, route_of(request.scope), code).inc()


class _StoreFigures(Collector):
    """The store's figures, read for this scrape."""

    def __init__(self, figures: OperationsFigures) -> None:
        self._figures = figures

    def collect(self) -> Iterator[GaugeMetricFamily]:
        f = self._figures
        for name, help_text, label, values in (
            ("inkslot_bookings", "Bookings by status.", "status", f.bookings),
            ("inkslot_payments_received", "Received payments by outcome.", "outcome", f.payments),
            (
                "inkslot_refunds",
                "Refunds by status (manual: awaiting settlement).",
                "status",
                f.refunds,
            ),
        ):
            family = GaugeMetricFamily(name, help_text, labels=[label])
            for key, count in sorted(values.items()):
                family.add_metric([key], count)
            yield family
        jobs = GaugeMetricFamily(
            "inkslot_jobs", "Background jobs by queue and status.", labels=["queue", "status"]
        )
        for (queue, status), count in sorted(f.jobs.items()):
            jobs.add_metric([queue, status], count)
        yield jobs


class _ThisProcess(Collector):
    """The process-wide registry (one process: no multi-process directory)."""

    def collect(self) -> Iterator[Any]:
        yield from REGISTRY.collect()


def update_pool(operations: OperationsReadout) -> None:
    figures = operations.pool()
    if figures is None:
        return
    for state, value in (
        ("open", figures.size),
        ("idle", figures.idle),
        ("waiting", figures.waiting),
        ("limit", figures.limit),
    ):
        POOL.labels(state).set(value)


def render(figures: OperationsFigures) -> bytes:
    registry = CollectorRegistry()
    if os.environ.get(MULTIPROCESS_ENV):
        multiprocess.MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
    else:
        registry.register(_ThisProcess())
    registry.register(_StoreFigures(figures))
    return generate_latest(registry)


def _is_loopback(host: str | None) -> bool:
    try:
        return host is not None and ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def metrics_access(token: str | None, *, loopback: bool = True) -> Guard:
    """With a token: the bearer must be it (compared in constant time); without: loopback
    clients only, and only where ``loopback`` (the local profile: in production a proxy on
    the same host would make every client look local)."""

    async def guard(
        connection: ASGIConnection[Any, Any, Any, Any], handler: BaseRouteHandler
    ) -> None:
        if token is None:
            client = connection.client.host if connection.client else None
            if not (loopback and _is_loopback(client)):
                raise PermissionDeniedError("Metrics are served to this machine only.")
            return
        given = connection.headers.get("authorization", "")
        scheme, _space, value = given.partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(value.encode(), token.encode()):
            raise InvalidTokenError()

    return guard


def metrics_route(token: str | None, *, loopback: bool = True) -> Any:
    @get(METRICS_PATH, guards=[metrics_access(token, loopback=loopback)], include_in_schema=False)
    async def metrics(operations: NamedDependency[OperationsReadout]) -> Response[bytes]:
        update_pool(operations)
        body = render(await operations.figures())
        return Response(body, media_type=CONTENT_TYPE_LATEST)

    return metrics


class PoolWatch(LifespanTask):
    """Keeps this process's pool gauges current (each process writes its own; a scrape
    reaches one process and sums them), where there is a pool."""

    name = "inkslot-pool-watch"

    def __init__(self, operations: OperationsReadout) -> None:
        super().__init__()
        self._operations = operations

    def wanted(self) -> bool:
        return self._operations.pool() is not None

    async def _run(self) -> None:
        while True:
            try:
                update_pool(self._operations)
            except Exception:  # a gauge must never take the process down
                _log.exception("could not read the connection pool's figures")
            await asyncio.sleep(POOL_EVERY_SECONDS)
