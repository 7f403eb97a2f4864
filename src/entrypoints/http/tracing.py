"""The HTTP side of tracing (``entrypoints.tracing``): Litestar's OpenTelemetry plugin, a
server span per request named by its route template, and the span's trace id handed to the
access log through the request's scope."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from litestar.plugins import PluginProtocol
from litestar.types import Scope

from entrypoints.http.secret_paths import UNTRACED_SECRET_PATHS
from entrypoints.tracing import drop_query

if TYPE_CHECKING:
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.trace import Span

# Where the access log finds the request's trace id (middleware.py).
TRACE_ID_KEY = "inkslot_trace_id"
# Probes and scrapes would drown the traces that matter; a calendar feed's path is its
# secret (and calendar apps' polls would drown them too).
_UNTRACED = [r"^/health/", r"^/metrics$", *UNTRACED_SECRET_PATHS]


def tracing_plugins(provider: TracerProvider | None) -> list[PluginProtocol]:
    """The plugin when this process traces, none otherwise (nothing imported then)."""
    if provider is None:
        return []
    from litestar.plugins.opentelemetry import OpenTelemetryConfig, OpenTelemetryPlugin

    config = OpenTelemetryConfig(
        tracer_provider=provider,
        server_request_hook_handler=_remember_trace_id,
        exclude=_UNTRACED,
    )
    return [OpenTelemetryPlugin(config)]


def _remember_trace_id(span: Span, scope: dict[str, Any]) -> None:
    drop_query(span)  # a payment callback's token, a signed file URL
    context = span.get_span_context()
    if context.is_valid:
        scope[TRACE_ID_KEY] = format(context.trace_id, "032x")


def trace_id_of(scope: Scope) -> str | None:
    found: Any = scope.get(TRACE_ID_KEY)
    return found if isinstance(found, str) else None
