"""OpenTelemetry traces, when ``OTEL_EXPORTER_OTLP_ENDPOINT`` (or
``OTEL_EXPORTER_OTLP_TRACES_ENDPOINT``) is set. Without it nothing is set up: no tracer
provider, no SDK tracing or exporter loaded, nothing instrumented (Litestar and redis-py
still import OpenTelemetry's API module, because it is installed).

A process that traces sends, over OTLP/HTTP (protobuf) in batches:

- a span per HTTP request, named by its route template (Litestar's plugin:
  ``entrypoints/http/tracing.py``), whose trace id the access log carries as ``traceId``;
- a span per SQL statement (psycopg) and per outgoing HTTP call (httpx: QPay, webhook
  deliveries, the SMS gateway, the payment edge), children of what made them; a statement
  with nothing behind it (the worker's polling) is not recorded unless
  ``INKSLOT_TRACE_BACKGROUND_STATEMENTS`` asks for it (:func:`tracer_providers`);
- a span per job the worker runs (:func:`traced`).

The standard ``OTEL_*`` variables configure the exporter (headers, timeout, sampler);
``OTEL_SERVICE_NAME`` names the service (by default ``inkslot-api``, ``inkslot-worker`` or
``inkslot-payment-edge``). Statements are recorded without their parameters, and URLs
without their query strings (they may carry tokens).
"""

from __future__ import annotations

import contextlib
import functools
import os
from collections.abc import Awaitable, Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

if TYPE_CHECKING:
    from opentelemetry.sdk.resources import Resource
    from opentelemetry.sdk.trace import SpanProcessor, TracerProvider

P = ParamSpec("P")
R = TypeVar("R")

ENDPOINT_VARIABLES = ("OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")

# One tracer provider per process, as OpenTelemetry itself keeps one.
_provider: TracerProvider | None = None


def tracing_configured(environ: Mapping[str, str] = os.environ) -> bool:
    return any(environ.get(name) for name in ENDPOINT_VARIABLES)


def start_tracing(service: str, *, background_statements: bool = False) -> TracerProvider | None:
    """Trace this process as ``service`` (``OTEL_SERVICE_NAME`` wins) when an endpoint is
    configured; None otherwise. Idempotent. ``background_statements``: see
    :func:`tracer_providers`."""
    global _provider
    if _provider is not None or not tracing_configured():
        return _provider
    from opentelemetry import trace
    from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
    from opentelemetry.instrumentation.httpx import HTTPXClientInstrumentor
    from opentelemetry.instrumentation.psycopg import PsycopgInstrumentor
    from opentelemetry.sdk.resources import SERVICE_NAME, Resource
    from opentelemetry.sdk.trace.export import BatchSpanProcessor

    name = os.environ.get("OTEL_SERVICE_NAME") or service
    provider, statements = tracer_providers(
        Resource.create({SERVICE_NAME: name}),
        BatchSpanProcessor(OTLPSpanExporter()),
        background_statements=background_statements,
    )
    trace.set_tracer_provider(provider)
    PsycopgInstrumentor().instrument(tracer_provider=statements, enable_commenter=False)
    HTTPXClientInstrumentor().instrument(
        tracer_provider=provider,
        request_hook=lambda span, _request: keep_origin(span),
        async_request_hook=_keep_origin_async,
    )
    _provider = provider
    return provider


def tracer_providers(
    resource: Resource, processor: SpanProcessor, *, background_statements: bool
) -> tuple[TracerProvider, TracerProvider]:
    """The process's tracer provider, and the one SQL statements are traced with.

    A statement with no span behind it (no request, no job: the worker polling its queue,
    ~150 a second) is not recorded: the statements' provider samples a root span never,
    and a child as its parent was. ``background_statements`` records them as every other
    span is (``INKSLOT_TRACE_BACKGROUND_STATEMENTS``). Both providers feed one processor,
    so one flush sends both."""
    from opentelemetry.sdk.trace import SynchronousMultiSpanProcessor, TracerProvider
    from opentelemetry.sdk.trace.sampling import ALWAYS_OFF, ParentBased

    processors = SynchronousMultiSpanProcessor()  # type: ignore[no-untyped-call]  # untyped __init__
    processors.add_span_processor(processor)
    provider = TracerProvider(resource=resource, active_span_processor=processors)
    if background_statements:
        return provider, provider
    # Not shut down at exit on its own: the processor is the process provider's to close.
    statements = TracerProvider(
        sampler=ParentBased(root=ALWAYS_OFF),
        resource=resource,
        active_span_processor=processors,
        shutdown_on_exit=False,
    )
    return provider, statements


# Where the HTTP instrumentations write a URL; a query string may carry a secret (a payment
# callback's token, a signed storage URL, a webhook receiver's own token).
_URL_ATTRIBUTES = ("http.target", "http.url", "url.full")


def drop_query(span: Any) -> None:
    """Cut the query string out of the URL attributes a span was started with (an SDK span
    exposes them as ``attributes``)."""
    recorded = getattr(span, "attributes", None) or {}
    for key in _URL_ATTRIBUTES:
        value = recorded.get(key)
        if isinstance(value, str) and "?" in value:
            span.set_attribute(key, value.split("?", 1)[0])
    if "url.query" in recorded:
        span.set_attribute("url.query", "")


def keep_origin(span: Any) -> None:
    """An outgoing request's span keeps the URL's scheme and host only: the path may be the
    secret itself (an external calendar's ``/private-<key>/basic.ics``, a webhook
    receiver's token in its path), and the query may carry one too."""
    recorded = getattr(span, "attributes", None) or {}
    for key in _URL_ATTRIBUTES:
        value = recorded.get(key)
        if isinstance(value, str) and "://" in value:
            scheme, rest = value.split("://", 1)
            span.set_attribute(key, f"{scheme}://{rest.split('/', 1)[0].split('?', 1)[0]}/…")
    for key in ("url.query", "url.path"):
        if key in recorded:
            span.set_attribute(key, "")


async def _keep_origin_async(span: Any, _request: Any) -> None:
    keep_origin(span)


def tracing_active() -> bool:
    """Whether this process traces (:func:`start_tracing` set it up)."""
    return _provider is not None


def flush_tracing() -> None:
    """Send what is buffered (at shutdown: a stopping process loses no span)."""
    if _provider is not None:
        _provider.force_flush()


def traced(name: str) -> Callable[[Callable[P, Awaitable[R]]], Callable[P, Awaitable[R]]]:
    """A job's body in a span ``job <name>`` when this process traces; as is otherwise."""

    def decorate(body: Callable[P, Awaitable[R]]) -> Callable[P, Awaitable[R]]:
        @functools.wraps(body)
        async def run(*args: P.args, **kwargs: P.kwargs) -> R:
            with _job_span(name):
                return await body(*args, **kwargs)

        return run

    return decorate


@contextlib.contextmanager
def _job_span(name: str) -> Iterator[None]:
    if _provider is None:
        yield
        return
    from opentelemetry.trace import SpanKind

    tracer = _provider.get_tracer("inkslot.jobs")
    with tracer.start_as_current_span(f"job {name}", kind=SpanKind.CONSUMER) as span:
        span.set_attribute("messaging.operation.name", "process")
        span.set_attribute("inkslot.job", name)
        yield
