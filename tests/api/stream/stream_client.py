"""A Server-Sent Events client for tests: real HTTP, lines parsed per the SSE spec."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import httpx


@dataclass(frozen=True)
class Message:
    id: str
    event: str
    data: dict[str, Any]


# In-app notifications reach their recipient on the same stream; suites about the changes
# themselves pass over them (tests/api/notifications hears them).
NOTIFICATIONS = frozenset({"notification.created"})


class Stream:
    def __init__(self, response: httpx.Response, *, ignore: frozenset[str] = NOTIFICATIONS) -> None:
        self.response = response
        self._lines = response.iter_lines()
        self._ignore = ignore

    def next_message(self) -> Message:
        """The next event (comments skipped); httpx's read timeout bounds the wait."""
        fields: dict[str, str] = {}
        for line in self._lines:
            if line == "":
                if "data" in fields and fields.get("event") not in self._ignore:
                    return Message(
                        fields.get("id", ""), fields.get("event", ""), json.loads(fields["data"])
                    )
                fields = {}
                continue
            if line.startswith(":"):
                continue
            name, _, value = line.partition(":")
            fields[name] = value.removeprefix(" ")
        raise EOFError("the stream ended")

    def messages(self, count: int) -> list[Message]:
        return [self.next_message() for _ in range(count)]


@contextmanager
def open_stream(
    base_url: str,
    *,
    token: str | None = None,
    last_event_id: str | None = None,
    wait: float = 10,
    query: dict[str, str] | None = None,
    ignore: frozenset[str] = NOTIFICATIONS,
) -> Iterator[Stream]:
    headers = {"accept": "text/event-stream"}
    if token is not None:
        headers["authorization"] = f"Bearer {token}"
    if last_event_id is not None:
        headers["last-event-id"] = last_event_id
    timeout = httpx.Timeout(10, read=wait)
    with (
        httpx.Client(base_url=base_url, timeout=timeout) as client,
        client.stream("GET", "/api/v1/events/stream", headers=headers, params=query) as response,
    ):
        assert response.status_code == 200, response.read()
        yield Stream(response, ignore=ignore)
