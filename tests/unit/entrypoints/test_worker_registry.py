"""The worker's tasks: their names are stored (in the jobs table, and in procrastinate's
periodic table for the periodic ones), so the set of tasks a worker registers, with their
queues, retries, queueing locks and schedules, never changes by accident."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import procrastinate
import procrastinate.testing
from procrastinate.jobs import Job
from procrastinate.retry import BaseRetryStrategy

from entrypoints.worker.tasks import RetryDeliveryError, build_tasks
from tests.support.bootstrap import build_app
from tests.support.builders import cheap_settings

# How a task retries: (how many times a plain failure is tried again, whether a failure
# naming its own wait, ``RetryDeliveryError``, is tried again after that wait).
NEVER = (0, False)
BACKOFF = (7, False)  # the queue's capped backoff, 8 attempts in all

# The tasks as they were when the registry of the worker's work came (computed from the
# code of then, before the tasks moved next to their contexts): name, queue, retries,
# queueing lock.
TASKS_THEN = {
    "inkslot:expire_holds": ("periodic", NEVER, "expire_holds"),
    "inkslot:purge": ("periodic", NEVER, "purge"),
    "inkslot:fold_analytics": ("periodic", NEVER, "fold_analytics"),
    "inkslot:deliver_webhook": ("webhooks", (7, True), None),
    "inkslot:send_notification": ("notifications", (29, True), None),
    "inkslot:payment_recheck": ("payments", NEVER, None),
    "inkslot:payment_cancel_invoice": ("payments", BACKOFF, None),
    "inkslot:payment_refund": ("payments", BACKOFF, None),
    "inkslot:refresh_external_calendars": ("periodic", NEVER, "refresh_external_calendars"),
    "inkslot:refresh_external_calendar": ("calendars", NEVER, None),
    "inkslot:expire_points": ("periodic", NEVER, "expire_points"),
    "inkslot:handle_telegram_update": ("telegram", (9, True), None),
    "inkslot:ping": ("diagnostics", NEVER, None),
}
# The periodic ones then, by (task, periodic id): their cron lines, three of them from the
# settings (given apart here, so that each is seen to follow its own).
PERIODIC_THEN = {
    ("inkslot:expire_holds", "expire-holds"): "1 * * * *",
    ("inkslot:purge", "purge"): "2 * * * *",
    ("inkslot:fold_analytics", "fold-analytics"): "3 * * * *",
    ("inkslot:refresh_external_calendars", "refresh-external-calendars"): "* * * * *",
    ("inkslot:expire_points", "expire-points"): "* * * * *",
}


def _worker_app() -> procrastinate.App:
    """The tasks as ``run_worker`` registers them, on a queue in memory."""
    settings = cheap_settings(
        expire_holds_cron="1 * * * *", purge_cron="2 * * * *", fold_analytics_cron="3 * * * *"
    )
    app = procrastinate.App(connector=procrastinate.testing.InMemoryConnector())
    app.add_tasks_from(build_tasks(build_app().bundles, settings), namespace="inkslot")
    return app


def _retries(strategy: BaseRetryStrategy | None) -> tuple[int, bool]:
    if strategy is None:
        return NEVER
    retried = 0
    while retried < 100 and strategy.get_retry_decision(
        exception=ConnectionError(), job=_job(retried)
    ):
        retried += 1
    # An hour: longer than any backoff's wait, so only the failure's own wait gives it.
    waits = strategy.get_retry_decision(exception=RetryDeliveryError(3600), job=_job(0))
    after = waits.retry_at - datetime.now(UTC) if waits and waits.retry_at else timedelta(0)
    return retried, timedelta(minutes=59) < after <= timedelta(hours=1)


def _job(attempts: int) -> Job:
    return Job(queue="q", lock=None, queueing_lock=None, task_name="t", attempts=attempts)


def test_the_tasks_are_those_of_then_with_their_queues_retries_and_locks() -> None:
    app = _worker_app()
    ours = {name: task for name, task in app.tasks.items() if name.startswith("inkslot:")}
    assert {
        name: (task.queue, _retries(task.retry_strategy), task.queueing_lock)
        for name, task in ours.items()
    } == TASKS_THEN


def test_the_periodic_tasks_are_those_of_then_on_their_schedules() -> None:
    periodic = _worker_app().periodic_registry.periodic_tasks
    assert {key: task.cron for key, task in periodic.items()} == PERIODIC_THEN
