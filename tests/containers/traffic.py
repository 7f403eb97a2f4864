"""Steady requests through the proxy while the stack changes under them: what every answer
was, to assert none failed. Bounded and small (one client, about 20 requests a second):
this machine's Docker network is shared."""

from __future__ import annotations

import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager

PAUSE = 0.05


def status_of(url: str, data: bytes | None = None) -> int | str:
    request = urllib.request.Request(url, data=data, method="POST" if data else "GET")
    if data:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            response.read()
            return int(response.status)
    except urllib.error.HTTPError as refused:
        return refused.code
    except OSError as failed:
        return repr(failed)


@contextmanager
def steady_traffic(urls: list[str]) -> Iterator[list[int | str]]:
    """Ask each URL in turn until the block ends; yields the list the answers go into."""
    answers: list[int | str] = []
    done = threading.Event()

    def ask() -> None:
        while not done.is_set():
            for url in urls:
                answers.append(status_of(url))
            time.sleep(PAUSE)

    asker = threading.Thread(target=ask, daemon=True)
    asker.start()
    try:
        time.sleep(1)  # a second of answers before the change
        yield answers
        time.sleep(1)  # and after it
    finally:
        done.set()
        asker.join(timeout=30)


def failures(answers: list[int | str], ok: set[int]) -> list[int | str]:
    return [a for a in answers if a not in ok]
