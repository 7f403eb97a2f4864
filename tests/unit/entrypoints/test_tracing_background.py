"""A statement with no request or job behind it (the worker polling its queue, a pool's
check) is not recorded unless ``INKSLOT_TRACE_BACKGROUND_STATEMENTS`` asks for it; a
statement a request or a job runs is recorded as its child. Checked on the SDK's own spans
through an in-memory exporter, with the providers ``start_tracing`` wires psycopg to."""

from __future__ import annotations

from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind

from entrypoints.settings import load_settings
from entrypoints.tracing import tracer_providers

PSYCOPG = "opentelemetry.instrumentation.psycopg"


def _traced(
    background_statements: bool,
) -> tuple[InMemorySpanExporter, TracerProvider, TracerProvider]:
    exporter = InMemorySpanExporter()
    provider, statements = tracer_providers(
        Resource.create({"service.name": "inkslot-worker"}),
        SimpleSpanProcessor(exporter),
        background_statements=background_statements,
    )
    return exporter, provider, statements


def _poll(statements: TracerProvider, times: int) -> None:
    """What the psycopg instrumentation does for each statement the queue's poll sends."""
    tracer = statements.get_tracer(PSYCOPG)
    for _ in range(times):
        with tracer.start_as_current_span("SELECT", kind=SpanKind.CLIENT):
            pass


def test_statements_with_no_parent_are_not_recorded_by_default() -> None:
    exporter, provider, statements = _traced(background_statements=False)
    _poll(statements, 50)
    assert exporter.get_finished_spans() == ()
    with provider.get_tracer("inkslot.jobs").start_as_current_span("job ping") as job:
        _poll(statements, 2)
    recorded = exporter.get_finished_spans()
    assert [span.name for span in recorded] == ["SELECT", "SELECT", "job ping"]
    job_id = job.get_span_context().span_id
    assert all(span.parent and span.parent.span_id == job_id for span in recorded[:2])


def test_the_setting_records_background_statements_too() -> None:
    exporter, _provider, statements = _traced(background_statements=True)
    _poll(statements, 3)
    assert [span.name for span in exporter.get_finished_spans()] == ["SELECT"] * 3


def test_the_setting_is_read_from_the_environment() -> None:
    assert load_settings({}).trace_background_statements is False
    on = load_settings({"INKSLOT_TRACE_BACKGROUND_STATEMENTS": "true"})
    assert on.trace_background_statements is True
