"""What the fakes of JSON HTTP providers share (the SMS gateway's, Twilio's): reading one
ASGI request whole and answering JSON, after a scripted delay."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from typing import Any

Scope = dict[str, Any]
Handle = Callable[[str, str, dict[str, str], bytes], tuple[int, dict[str, Any]]]


async def answer_json(
    scope: Scope, receive: Any, send: Any, handle: Handle, *, delay: float = 0.0
) -> None:
    """Read the request's body, wait ``delay`` seconds (the provider is slow, not the test),
    then send what ``handle(method, path, headers, body)`` answers, as JSON."""
    if scope["type"] != "http":
        return
    body = b""
    while True:
        message = await receive()
        body += message.get("body", b"")
        if not message.get("more_body"):
            break
    headers = {k.decode().lower(): v.decode() for k, v in scope["headers"]}
    if delay:
        await asyncio.sleep(delay)
    status, answer = handle(scope["method"], scope["path"], headers, body)
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"application/json")],
        }
    )
    await send({"type": "http.response.body", "body": json.dumps(answer).encode()})
