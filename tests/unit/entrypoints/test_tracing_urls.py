"""An outgoing request's span keeps only the URL's scheme and host: an external calendar's
secret lives in its path (``/calendar/ical/<addr>/private-<key>/basic.ics``), a webhook
receiver's token may too, and a query may carry one. Checked on the SDK's own spans."""

from __future__ import annotations

from opentelemetry.sdk.trace import TracerProvider

from entrypoints.tracing import keep_origin

SECRET = "private-0123456789abcdef"


def _span(attributes: dict[str, str]) -> object:
    return TracerProvider().get_tracer("test").start_span("GET", attributes=attributes)


def test_a_client_span_keeps_scheme_and_host_only() -> None:
    span = _span(
        {
            "http.url": f"https://calendar.example.com/ical/a%40b/{SECRET}/basic.ics?x=1",
            "url.full": f"https://calendar.example.com:8443/ical/{SECRET}/basic.ics",
            "url.path": f"/ical/{SECRET}/basic.ics",
            "url.query": "token=abc",
            "http.method": "GET",
        }
    )
    keep_origin(span)
    recorded = dict(span.attributes or {})  # type: ignore[attr-defined]
    assert recorded["http.url"] == "https://calendar.example.com/…"
    assert recorded["url.full"] == "https://calendar.example.com:8443/…"
    assert recorded["url.path"] == recorded["url.query"] == ""
    assert recorded["http.method"] == "GET"
    assert not any(SECRET in str(v) or "abc" in str(v) for v in recorded.values())


def test_a_span_without_a_url_is_left_alone() -> None:
    span = _span({"http.method": "POST"})
    keep_origin(span)
    assert dict(span.attributes or {}) == {"http.method": "POST"}  # type: ignore[attr-defined]
