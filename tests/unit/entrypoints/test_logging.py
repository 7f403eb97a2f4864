"""Logging keeps secrets out: HTTP clients' request lines (full URLs, some of which carry a
payment callback's token or a signed storage URL) never reach the log."""

from __future__ import annotations

import io
import logging

import httpx
import pytest

from entrypoints.logs import configure_logging


@pytest.mark.anyio
async def test_http_client_requests_are_not_logged_with_their_urls(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    root = logging.getLogger()
    saved = root.handlers[:], root.level
    stream = io.StringIO()
    monkeypatch.setattr("sys.stderr", stream)
    try:
        configure_logging("INFO")

        def answer(request: httpx.Request) -> httpx.Response:
            return httpx.Response(200, text="SUCCESS")

        async with httpx.AsyncClient(transport=httpx.MockTransport(answer)) as client:
            await client.get("http://api.example/cb/INK01?t=secret-token-value")
        logging.getLogger("inkslot.test").info("after the request")
    finally:
        root.handlers[:], level = saved
        root.setLevel(level)
    written = stream.getvalue()
    assert "after the request" in written  # the log works at INFO
    assert "secret-token-value" not in written
