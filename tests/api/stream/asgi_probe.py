"""One request to the app in process, read only as far as its answer's start: enough to tell
a refusal (its status and problem document) from a stream that opened (its status), without
waiting for a stream that never ends (the test client reads a response to its end)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import anyio
import msgspec
from litestar.types import ASGIApp, Message, ReceiveMessage


@dataclass
class Answer:
    status: int = 0
    headers: dict[str, str] = field(default_factory=dict)
    body: bytearray = field(default_factory=bytearray)

    def json(self) -> Any:
        return msgspec.json.decode(bytes(self.body))


async def first_answer(
    app: ASGIApp, path: str, headers: dict[str, str], query: str = "", *, within: float = 10
) -> Answer:
    """The answer's status and headers, and its whole body unless it is an event stream
    (whose request is then dropped, as a client that hangs up)."""
    answer, done = Answer(), anyio.Event()
    scope: dict[str, Any] = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET",
        "scheme": "http", "path": path, "raw_path": path.encode(), "root_path": "",
        "query_string": query.encode(), "client": ("127.0.0.1", 1), "server": ("test", 80),
        "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()],
    }  # fmt: skip
    requested = False

    async def receive() -> ReceiveMessage:
        nonlocal requested
        if not requested:
            requested = True
            return {"type": "http.request", "body": b"", "more_body": False}
        await done.wait()
        return {"type": "http.disconnect"}

    async def send(message: Message) -> None:
        if message["type"] == "http.response.start":
            answer.status = message["status"]
            answer.headers = {k.decode(): v.decode() for k, v in message["headers"]}
            if answer.headers.get("content-type", "").startswith("text/event-stream"):
                done.set()
        elif message["type"] == "http.response.body":
            answer.body += message.get("body", b"")
            if not message.get("more_body", False):
                done.set()

    with anyio.fail_after(within):
        async with anyio.create_task_group() as group:
            group.start_soon(app, scope, receive, send)  # type: ignore[arg-type]
            await done.wait()
            group.cancel_scope.cancel()
    return answer
