"""Traces: with an OTLP endpoint set, a real server process sends a span per request named
by its route, the SQL it ran and the jobs its worker ran as children or spans of their own,
and its access log carries the trace id; without one, nothing of OpenTelemetry is loaded."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from adapters.jobs.queue import job_app
from adapters.postgres.database import psycopg_url
from tests.support.otlp_receiver import ReceivedSpan, otlp_receiver
from tests.support.server import running_server

pytestmark = pytest.mark.serial

SERVER = 2  # opentelemetry.proto.trace.v1.Span.SpanKind.SPAN_KIND_SERVER


async def _defer_ping(database_url: str) -> None:
    app = job_app(psycopg_url(database_url))
    async with app.open_async():
        await app.configure_task("inkslot:ping", queue="diagnostics").defer_async()


def test_a_traced_server_sends_requests_statements_and_jobs(
    database_url: str, tmp_path: Path
) -> None:
    with otlp_receiver() as receiver, running_server(
        database_url, tmp_path, workers=1,
        OTEL_EXPORTER_OTLP_ENDPOINT=receiver.endpoint, OTEL_BSP_SCHEDULE_DELAY="100",
    ) as server:  # fmt: skip
        with urllib.request.urlopen(server.base_url + "/api/v1/artists?q=ink") as response:
            assert response.status == 200
        asyncio.run(_defer_ping(database_url))

        def is_request(span: ReceivedSpan) -> bool:
            return span.kind == SERVER and span.name.startswith("GET /api/v1/artists")

        request = receiver.wait_for(is_request)
        statement = receiver.wait_for(
            lambda s: (
                s.trace_id == request.trace_id
                and s.attributes.get("db.system") in ("postgresql", "postgres")
            )
        )
        job = receiver.wait_for(lambda s: s.name == "job ping")
        log = server.log_path.read_text()

    assert request.service == "inkslot-api", request
    assert request.name == "GET /api/v1/artists", request  # the route, not the path
    assert not any("q=ink" in str(value) for value in request.attributes.values()), request
    assert statement.parent_id != "", statement
    assert job.attributes["inkslot.job"] == "ping"
    access = [
        json.loads(line) for line in log.splitlines()
        if '"event":"request"' in line and "/api/v1/artists" in line
    ]  # fmt: skip
    assert [line.get("traceId") for line in access] == [request.trace_id], log[-2000:]
    assert not any(s.name.startswith("GET /health") for s in receiver.spans)


UNTRACED = """
import json, sys
from entrypoints.app import create_app
from entrypoints.container import build_container, memory_adapters
from tests.support.builders import TEST_JWT_SECRET, cheap_settings

config = cheap_settings()
adapters = memory_adapters(config, TEST_JWT_SECRET)
create_app(config, container=build_container(config, jwt_secret=TEST_JWT_SECRET, adapters=adapters))
from opentelemetry import trace
print(json.dumps({
    "loaded": sorted(m for m in sys.modules if m.startswith(("opentelemetry.sdk.trace",
        "opentelemetry.exporter", "opentelemetry.instrumentation.psycopg",
        "opentelemetry.instrumentation.httpx"))),
    "provider": type(trace.get_tracer_provider()).__name__,
}))
"""


def test_without_an_endpoint_opentelemetry_does_nothing() -> None:
    """Litestar and redis-py import OpenTelemetry's API when it is installed; without an
    endpoint no tracer provider is set, the SDK's tracing and the exporter are never
    loaded, and psycopg and httpx are not instrumented."""
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(Path.cwd())}
    out = subprocess.run(
        [sys.executable, "-c", UNTRACED], env=env, capture_output=True, text=True, check=True
    ).stdout
    assert json.loads(out) == {"loaded": [], "provider": "ProxyTracerProvider"}
