"""A calendar host for tests: real HTTP on 127.0.0.1 (``http.server`` in a thread) serving
what a test puts at a path: an iCalendar body, a status, a redirect, or a body too slow or
too large. Every request's path is recorded."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from tests.support.http_servers import QuietHandler, http_server


@dataclass
class Answer:
    body: bytes = b""
    status: int = 200
    location: str | None = None
    delay: float = 0.0  # seconds before the body (a slow feed)
    declare_length: bool = True


@dataclass
class IcsServer:
    base_url: str
    answers: dict[str, Answer] = field(default_factory=dict)
    requested: list[str] = field(default_factory=list)

    def put(self, path: str, answer: Answer) -> str:
        self.answers[path] = answer
        return self.base_url + path


def calendar(*events: str) -> bytes:
    """An iCalendar file of ``events`` (each the lines inside one ``VEVENT``)."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//tests//EN"]
    for n, event in enumerate(events):
        lines += ["BEGIN:VEVENT", f"UID:event-{n}@tests", "DTSTAMP:20260101T000000Z"]
        lines += event.strip().splitlines()
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return ("\r\n".join(lines) + "\r\n").encode()


@contextmanager
def ics_server() -> Iterator[IcsServer]:
    state = IcsServer("")

    class Handler(QuietHandler):
        def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
            state.requested.append(self.path)
            answer = state.answers.get(self.path, Answer(b"not found", 404))
            self.send_response(answer.status)
            if answer.location is not None:
                self.send_header("Location", answer.location)
            self.send_header("Content-Type", "text/calendar; charset=utf-8")
            if answer.declare_length:
                self.send_header("Content-Length", str(len(answer.body)))
            self.end_headers()
            if answer.delay:
                time.sleep(answer.delay)
            # The client may stop reading (a feed too large).
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(answer.body)

    with http_server(Handler) as state.base_url:
        yield state
