"""Gzip (``entrypoints.http.compression``) around small ASGI applications: text of at least
the minimum size is compressed for clients that take gzip, and nothing else is; an event
stream passes part by part, as it is sent."""

from __future__ import annotations

import gzip
from typing import Any

import anyio
import pytest
from hypothesis import given
from hypothesis import strategies as st

from entrypoints.http.compression import MINIMUM_SIZE, GzipMiddleware, accepts_gzip

pytestmark = pytest.mark.anyio
GZIP = {"accept-encoding": "gzip, deflate, br"}


def _app(kind: str, *parts: bytes) -> Any:
    async def app(scope: Any, receive: Any, send: Any) -> None:
        headers = [(b"content-type", kind.encode())]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        for n, part in enumerate(parts):
            more = n < len(parts) - 1
            await send({"type": "http.response.body", "body": part, "more_body": more})

    return app


async def _answer(app: Any, headers: dict[str, str]) -> tuple[dict[str, str], bytes, int]:
    sent: list[dict[str, Any]] = []

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    scope = {"type": "http", "headers": [(k.encode(), v.encode()) for k, v in headers.items()]}
    await GzipMiddleware(app)(scope, receive, send)  # type: ignore[arg-type]
    start, bodies = sent[0], [m for m in sent[1:] if m["type"] == "http.response.body"]
    answer = {k.decode(): v.decode() for k, v in start["headers"]}
    return answer, b"".join(m["body"] for m in bodies), len(bodies)


async def test_text_over_the_minimum_is_gzipped_for_who_takes_it() -> None:
    text = b'{"items": [' + b'"2026-03-05T10:00:00Z", ' * 400 + b"]}"
    headers, body, _ = await _answer(_app("application/json", text), GZIP)
    assert headers["content-encoding"] == "gzip" and headers["vary"] == "Accept-Encoding"
    assert int(headers["content-length"]) == len(body) < len(text) // 10
    assert gzip.decompress(body) == text
    parted, whole, count = await _answer(_app("text/css", text[:900], text[900:]), GZIP)
    assert parted["content-encoding"] == "gzip" and count == 1  # gathered, then one body
    assert gzip.decompress(whole) == text


@pytest.mark.parametrize(
    ("kind", "size", "accept"),
    [
        ("application/json", MINIMUM_SIZE - 1, "gzip"),  # too small to be worth it
        ("application/json", 10_000, ""),  # the client takes no gzip
        ("application/json", 10_000, "gzip;q=0, identity"),
        ("image/png", 10_000, "gzip"),  # already compressed
        ("application/octet-stream", 10_000, "gzip"),
    ],
)
async def test_anything_else_passes_as_it_is(kind: str, size: int, accept: str) -> None:
    text = b"x" * size
    headers, body, _ = await _answer(_app(kind, text), {"accept-encoding": accept})
    assert "content-encoding" not in headers and body == text


async def test_an_event_stream_passes_part_by_part_unencoded() -> None:
    """Each event reaches the client when it is sent: the app waits for the client to have
    the first before it sends the second, which would hang were anything held back."""
    first_seen = anyio.Event()
    got: list[dict[str, Any]] = []

    async def app(scope: Any, receive: Any, send: Any) -> None:
        kind = [(b"content-type", b"text/event-stream; charset=utf-8")]
        await send({"type": "http.response.start", "status": 200, "headers": kind})
        await send({"type": "http.response.body", "body": b"data: 1\n\n" * 200, "more_body": True})
        await first_seen.wait()
        await send({"type": "http.response.body", "body": b"data: 2\n\n", "more_body": False})

    async def send(message: dict[str, Any]) -> None:
        got.append(message)
        if message["type"] == "http.response.body":
            first_seen.set()

    async def receive() -> dict[str, Any]:
        return {"type": "http.request"}

    scope = {"type": "http", "headers": [(b"accept-encoding", b"gzip")]}
    with anyio.fail_after(5):
        await GzipMiddleware(app)(scope, receive, send)  # type: ignore[arg-type]
    assert [m["type"] for m in got] == ["http.response.start", *["http.response.body"] * 2]
    assert all(name != b"content-encoding" for name, _ in got[0]["headers"])
    assert got[2]["body"] == b"data: 2\n\n"


@given(
    st.lists(
        st.sampled_from(["gzip", "GZIP", "deflate", "br", "*", "identity", "gzip;q=0", "*;q=0"]),
        max_size=4,
    )
)
def test_gzip_is_taken_when_named_or_starred_and_not_refused(codings: list[str]) -> None:
    header = ", ".join(codings)
    takes = any(c.lower() in ("gzip", "*") for c in codings)
    assert accepts_gzip([(b"accept-encoding", header.encode())]) is takes
    assert accepts_gzip([]) is False
