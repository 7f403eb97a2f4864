"""What a worker tells its operator (entrypoints/worker/job_log.py): one line at start with
its queues and concurrency, one per finished job with its name, outcome and duration, and
nothing of a job's arguments (they may name a person or carry a token)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Iterator
from typing import TypeVar

import pytest

from entrypoints.worker.job_log import log_start, logged

T = TypeVar("T")


async def awaited(pending: Awaitable[T]) -> T:
    return await pending


class Ticks:
    """A monotonic clock that moves only when told."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def ticks() -> Ticks:
    return Ticks()


class Records:
    """The worker's records of the test's own phase (caplog keeps one list per phase)."""

    def __init__(self, caplog: pytest.LogCaptureFixture) -> None:
        caplog.set_level(logging.INFO, logger="inkslot.worker")
        self._caplog = caplog

    def __iter__(self) -> Iterator[logging.LogRecord]:
        return iter([r for r in self._caplog.records if r.name == "inkslot.worker"])


@pytest.fixture
def records(caplog: pytest.LogCaptureFixture) -> Records:
    return Records(caplog)


def fields(record: logging.LogRecord) -> dict[str, object]:
    found = getattr(record, "fields", None)
    assert isinstance(found, dict)
    return found


def test_a_finished_job_logs_its_name_outcome_and_duration(ticks: Ticks, records: Records) -> None:
    async def deliver(delivery_id: str) -> int:
        ticks.now += 0.25
        return 1

    result = asyncio.run(
        awaited(logged("deliver_webhook", deliver, monotonic=ticks)("secret-id-42"))
    )
    assert result == 1
    (record,) = records
    assert record.levelno == logging.INFO
    assert fields(record) == {
        "message": "job deliver_webhook succeeded in 250 ms",
        "job": "deliver_webhook",
        "outcome": "succeeded",
        "duration_ms": 250,
    }
    assert "secret-id-42" not in str(fields(record)) + record.getMessage()


def test_a_failed_job_logs_the_kind_of_error_and_still_fails(
    ticks: Ticks, records: Records
) -> None:
    async def send(notification_id: str) -> None:
        ticks.now += 1.5
        raise ConnectionError("smtp.example refused customer@example.com")

    with pytest.raises(ConnectionError):
        asyncio.run(awaited(logged("send_notification", send, monotonic=ticks)("n-1")))
    (record,) = records
    assert record.levelno == logging.WARNING
    assert fields(record) == {
        "message": "job send_notification failed in 1500 ms: ConnectionError",
        "job": "send_notification",
        "outcome": "failed",
        "duration_ms": 1500,
        "error": "ConnectionError",
    }
    assert "customer@example.com" not in str(fields(record))


def test_a_job_cancelled_by_a_stopping_worker_logs_it_was_abandoned(
    ticks: Ticks, records: Records
) -> None:
    async def slow() -> None:
        ticks.now += 2
        raise asyncio.CancelledError

    with pytest.raises(asyncio.CancelledError):
        asyncio.run(awaited(logged("refresh_calendar", slow, monotonic=ticks)()))
    (record,) = records
    assert fields(record)["outcome"] == "abandoned"
    assert fields(record)["message"] == "job refresh_calendar abandoned in 2000 ms"


def test_the_start_line_names_the_queues_and_the_concurrency(
    records: Records,
) -> None:
    log_start(queues=None, concurrency=4, listening=True, tasks=12)
    (record,) = records
    assert fields(record) == {
        "message": "worker started: every queue, concurrency 4, 12 tasks, woken by NOTIFY",
        "queues": "all",
        "concurrency": 4,
        "tasks": 12,
        "listening": True,
    }


def test_the_start_line_of_a_polling_worker_on_named_queues(
    records: Records,
) -> None:
    log_start(queues=["payments", "webhooks"], concurrency=1, listening=False, tasks=3)
    (record,) = records
    assert fields(record)["message"] == (
        "worker started: queues payments, webhooks, concurrency 1, 3 tasks, polling"
    )
    assert fields(record)["queues"] == "payments,webhooks"
