"""The tasks a worker runs: every registered context's jobs, periodic tasks and steps of
the shared rounds (its ``WORK``: ``entrypoints.worker.work``), each bound to the context's
use cases, and the worker's own diagnostic task. Each is a thin shell around one use case,
like a controller.

Every task is safe to run twice (a killed worker's job runs again): expiring holds and
purging keys only act on what is still due, under row locks that skip rows another worker
holds; a delivery is sent only while still due and recorded once, by a write that checks
it is still as it was read (the receiver may get a repeat after a kill between send and
record, and drops it by its ``webhook-id``).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from functools import partial
from typing import Any, Concatenate, TypeVar

import procrastinate

from booking_domain.shared.use_case import UseCaseBundle
from entrypoints.bundles import Bundles
from entrypoints.settings import Settings
from entrypoints.tracing import traced, tracing_active
from entrypoints.worker.job_log import logged
from entrypoints.worker.rounds import ROUNDS
from entrypoints.worker.work import Cron, Round, Step, Work, WorkError, context_work

_log = logging.getLogger("inkslot.worker")
PERIODIC_QUEUE = "periodic"
B = TypeVar("B", bound=UseCaseBundle[Any])
# A round's step bound to its context's use cases, with its words for the round's log line.
Bound = tuple[Callable[[], Awaitable[int]], str | None]


def build_tasks(bundles: Bundles, settings: Settings) -> procrastinate.Blueprint:
    """The tasks, bound to this process's use cases (built here, not at import time)."""
    tasks = procrastinate.Blueprint()
    rounds: dict[Round, list[Bound]] = {each: [] for each in ROUNDS}
    for name, work in context_work():
        bundle = getattr(bundles, name)
        _add_context_tasks(tasks, work, bundle, settings)
        for step in work.steps:
            _take_part(rounds, name, step, bundle)
    for each, steps in rounds.items():
        _add_periodic(tasks, each.name, each.cron, settings, _round(steps))
    _add_diagnostic_tasks(tasks)
    for task in tasks.tasks.values():
        if tracing_active():  # a span per job run (entrypoints.tracing)
            task.func = traced(task.name)(task.func)
        task.func = logged(task.name, task.func)  # a line per job (job_log.py)
    return tasks


def _add_context_tasks(
    tasks: procrastinate.Blueprint, work: Work[B], bundle: B, settings: Settings
) -> None:
    for job in work.jobs:
        tasks.task(name=job.name, queue=job.queue, retry=job.retry or False)(_job(job.run, bundle))
    for periodic in work.periodic:
        _add_periodic(tasks, periodic.name, periodic.cron, settings, partial(periodic.run, bundle))


def _take_part(rounds: dict[Round, list[Bound]], name: str, step: Step[B], bundle: B) -> None:
    if step.round not in rounds:
        raise WorkError(f"{name}'s step of {step.round.name}: that round is not in ROUNDS")
    rounds[step.round].append((partial(step.run, bundle), step.told))


def _job(
    run: Callable[Concatenate[B, ...], Awaitable[object]], bundle: B
) -> Callable[..., Awaitable[object]]:
    async def job(**arguments: Any) -> object:
        return await run(bundle, **arguments)

    return job


def _add_periodic(
    tasks: procrastinate.Blueprint,
    name: str,
    cron: Cron,
    settings: Settings,
    run: Callable[[int], Awaitable[int]],
) -> None:
    """Periodic: no retries (the next tick is the retry); a queueing lock keeps a slow tick
    from piling up behind itself. Its periodic id (stored by procrastinate) is its name
    with dashes."""

    async def tick(timestamp: int) -> int:
        return await run(timestamp)

    line = cron if isinstance(cron, str) else cron(settings)
    task = tasks.task(name=name, queue=PERIODIC_QUEUE, queueing_lock=name)(tick)
    tasks.periodic(cron=line, periodic_id=name.replace("_", "-"))(task)


def _round(steps: Sequence[Bound]) -> Callable[[int], Awaitable[int]]:
    """A round's tick: its steps one after the other; a line telling what the steps that
    tell did, when they did anything."""

    async def run(timestamp: int) -> int:
        counts = [await step() for step, _ in steps]
        told = [(words, count) for (_, words), count in zip(steps, counts, strict=True) if words]
        if any(count for _, count in told):
            _log.info(", ".join(words for words, _ in told), *(count for _, count in told))
        return sum(counts)

    return run


def _add_diagnostic_tasks(tasks: procrastinate.Blueprint) -> None:
    @tasks.task(name="ping", queue="diagnostics")
    async def ping() -> None:
        """Does nothing: what a job costs the queue itself (bench/delivery.py), and a way to
        see that some worker is taking jobs."""
