"""What a worker tells its operator: one line when it starts (its queues, concurrency, task
count and how it learns of new jobs) and one per job it finishes (the task's name, the
outcome: succeeded, failed with the kind of error, or abandoned by a stopping worker, and
the time it ran). A job's arguments and an error's text are never logged: they may name a
person or carry a token (docs/jobs.md, "The worker's log")."""

from __future__ import annotations

import asyncio
import functools
import logging
import time
from collections.abc import Awaitable, Callable, Sequence
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")
_log = logging.getLogger("inkslot.worker")


def log_start(
    *, queues: Sequence[str] | None, concurrency: int, listening: bool, tasks: int
) -> None:
    """The worker's first line: an operator's first ``logs worker`` shows it is running."""
    named = f"queues {', '.join(queues)}" if queues else "every queue"
    how = "woken by NOTIFY" if listening else "polling"
    message = f"worker started: {named}, concurrency {concurrency}, {tasks} tasks, {how}"
    _log.info(
        message,
        extra={
            "fields": {
                "message": message,
                "queues": ",".join(queues) if queues else "all",
                "concurrency": concurrency,
                "tasks": tasks,
                "listening": listening,
            }
        },
    )


def logged(
    name: str,
    body: Callable[P, Awaitable[R]],
    *,
    monotonic: Callable[[], float] = time.monotonic,
) -> Callable[P, Awaitable[R]]:
    """``body`` logging one line when it ends. A failure is a warning and goes on to the
    queue (its retry strategy decides what follows); so does a cancellation."""

    def finished(outcome: str, started: float, error: str | None = None) -> None:
        duration_ms = round((monotonic() - started) * 1000)
        message = f"job {name} {outcome} in {duration_ms} ms" + (f": {error}" if error else "")
        fields: dict[str, object] = {
            "message": message,
            "job": name,
            "outcome": outcome,
            "duration_ms": duration_ms,
        }
        if error:
            fields["error"] = error
        level = logging.INFO if outcome == "succeeded" else logging.WARNING
        _log.log(level, message, extra={"fields": fields})

    @functools.wraps(body)
    async def run(*args: P.args, **kwargs: P.kwargs) -> R:
        started = monotonic()
        try:
            result = await body(*args, **kwargs)
        except asyncio.CancelledError:
            finished("abandoned", started)
            raise
        except Exception as failure:
            finished("failed", started, type(failure).__name__)
            raise
        finished("succeeded", started)
        return result

    return run
