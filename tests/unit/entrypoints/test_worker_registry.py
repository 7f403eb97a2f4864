"""The worker's tasks: their names are stored (in the jobs table, and in procrastinate's
periodic table for the periodic ones), so the set of tasks a worker registers, with their
queues, retries, queueing locks and schedules, never changes by accident."""

from __future__ import annotations

import logging
import pkgutil
import sys
from datetime import UTC, datetime, timedelta
from importlib import import_module
from types import ModuleType

import procrastinate
import procrastinate.testing
import pytest
from procrastinate.jobs import Job
from procrastinate.retry import BaseRetryStrategy

import entrypoints.worker
from booking_domain.payments.use_cases import PaymentUseCases
from booking_domain.webhooks.use_cases import WebhookUseCases
from entrypoints.worker import webhooks
from entrypoints.worker.retries import RetryDeliveryError
from entrypoints.worker.rounds import HOLDS
from entrypoints.worker.runner import context_followers
from entrypoints.worker.tasks import build_tasks
from entrypoints.worker.work import Step, Work, WorkError, context_work
from tests.jobs.helpers import a_held_booking
from tests.support.bootstrap import build_app
from tests.support.builders import START, cheap_settings

# How a task retries: (how many times a plain failure is tried again, whether a failure
# naming its own wait, ``RetryDeliveryError``, is tried again after that wait).
NEVER = (0, False)
BACKOFF = (7, False)  # the queue's capped backoff, 8 attempts in all
UNTIL_IT_WORKS = (100, False)  # the backoff without giving up (the count stops at 100)

# The tasks as they were when the registry of the worker's work came (computed from the
# code of then, before the tasks moved next to their contexts): name, queue, retries,
# queueing lock.
TASKS_THEN = {
    "inkslot:expire_holds": ("periodic", NEVER, "expire_holds"),
    "inkslot:purge": ("periodic", NEVER, "purge"),
    "inkslot:fold_analytics": ("periodic", NEVER, "fold_analytics"),
    "inkslot:deliver_webhook": ("webhooks", (7, True), None),
    "inkslot:deliver_webhook_round": ("webhooks", UNTIL_IT_WORKS, None),  # came with rounds
    "inkslot:send_notification": ("notifications", (29, True), None),
    "inkslot:payment_recheck": ("payments", NEVER, None),
    "inkslot:payment_cancel_invoice": ("payments", BACKOFF, None),
    "inkslot:payment_refund": ("payments", BACKOFF, None),
    "inkslot:refresh_external_calendars": ("periodic", NEVER, "refresh_external_calendars"),
    "inkslot:refresh_external_calendar": ("calendars", NEVER, None),
    "inkslot:expire_points": ("periodic", NEVER, "expire_points"),
    "inkslot:reconcile_payments": ("periodic", NEVER, "reconcile_payments"),
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
    ("inkslot:reconcile_payments", "reconcile-payments"): "41 * * * *",
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


# The followers of the outbox as they were when the registry came: what each is, and how
# often it looks. They then started in this order: webhook dispatch, notification planning,
# free-starts refresh, waitlist offers, loyalty earning; they start in the registry's order
# now, which changes nothing (each keeps its own position in the feed, under its own lock).
FOLLOWERS_THEN = {
    ("webhook dispatch", 0.1),
    ("notification planning", 0.1),
    ("free-starts refresh", 1.0),
    ("waitlist offers", 1.0),
    ("loyalty earning", 1.0),
    ("ledger entering", 1.0),  # joined with the ledger (docs/payouts.md)
    ("chargeback disputes", 5.0),  # joined with chargebacks (docs/admin.md)
}


@pytest.mark.anyio
async def test_the_followers_are_those_of_then_each_on_its_contexts_use_cases() -> None:
    followers = context_followers(build_app().bundles)
    assert {(what, every) for what, _, every in followers} == FOLLOWERS_THEN
    for _, step, _ in followers:
        assert await step() == 0  # a look at an empty outbox: nothing to do


def test_a_registered_contexts_worker_module_is_found_by_its_name() -> None:
    found = dict(context_work())
    assert found["webhooks"] is webhooks.WORK
    assert found["webhooks"].bundle is WebhookUseCases
    # And none is left unread: every module of the worker that declares work is named
    # like a registered context.
    declaring = {
        module.name
        for module in pkgutil.iter_modules(entrypoints.worker.__path__)
        if hasattr(import_module(f"entrypoints.worker.{module.name}"), "WORK")
    }
    assert declaring == set(found)


def test_a_module_declaring_the_work_of_another_contexts_bundle_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    package = ModuleType("elsewhere")
    package.__path__ = []
    bookings = ModuleType("elsewhere.bookings")
    bookings.WORK = Work(PaymentUseCases, steps=(Step(HOLDS, lambda p: p.plan_refunds()),))  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "elsewhere", package)
    monkeypatch.setitem(sys.modules, "elsewhere.bookings", bookings)
    with pytest.raises(
        WorkError, match="on PaymentUseCases; the context bookings is BookingUseCases"
    ):
        list(context_work("elsewhere"))


def test_the_hold_round_expires_holds_before_the_payments_steps() -> None:
    steps = [
        (name, step.told)
        for name, work in context_work()
        for step in work.steps
        if step.round is HOLDS
    ]
    assert steps == [
        ("bookings", "expired %d holds"),
        ("payments", "withdrew %d invoices"),
        ("payments", "planned %d refunds"),
    ]


@pytest.mark.anyio
async def test_a_round_that_did_something_says_what_in_one_line(
    caplog: pytest.LogCaptureFixture,
) -> None:
    app = build_app()
    booking = await a_held_booking(app.uow, START)
    assert booking.hold_expires_at is not None
    tasks = build_tasks(app.bundles, app.settings).tasks
    with caplog.at_level(logging.INFO, logger="inkslot.worker"):
        assert await tasks["expire_holds"](timestamp=0) == 0  # not yet run out: no line
        app.clock.set(booking.hold_expires_at + timedelta(seconds=1))
        assert await tasks["expire_holds"](timestamp=1) == 1
    told = [r.getMessage() for r in caplog.records if not r.getMessage().startswith("job ")]
    assert told == ["expired 1 holds, withdrew 0 invoices, planned 0 refunds"]
