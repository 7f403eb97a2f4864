"""The tasks a worker runs. Each is a thin shell around one use case, like a controller.

Every task is safe to run twice (a killed worker's job runs again): expiring holds and
purging keys only act on what is still due, under row locks that skip rows another worker
holds; a delivery is sent only while still due and recorded once under its row lock (the
receiver may get a repeat after a kill between send and record, and drops it by its
``webhook-id``).
"""

from __future__ import annotations

import logging
import math
from uuid import UUID

import procrastinate
from procrastinate import jobs as job_states
from procrastinate.retry import BaseRetryStrategy, RetryDecision

from adapters.jobs.queue import CappedBackoff
from adapters.postgres.external_calendars import CALENDAR_QUEUE, REFRESH_CALENDAR_TASK
from adapters.postgres.notifications import NOTIFICATION_QUEUE, SEND_NOTIFICATION_TASK
from adapters.postgres.payments import PAYMENT_QUEUE, PAYMENT_TASKS
from adapters.postgres.telegram_bot import HANDLE_UPDATE_TASK, TELEGRAM_QUEUE
from adapters.postgres.webhooks import DELIVER_WEBHOOK_TASK, WEBHOOK_QUEUE
from booking_domain.notifications import NotificationId
from booking_domain.payments import InvoiceId, PaymentJob, RefundId
from booking_domain.scheduling import ExternalCalendarId
from booking_domain.webhooks import DeliveryId
from entrypoints.bundles import Bundles
from entrypoints.settings import Settings
from entrypoints.tracing import traced, tracing_active
from entrypoints.worker.job_log import logged

_log = logging.getLogger("inkslot.worker")
PERIODIC_QUEUE = "periodic"


class RetryDeliveryError(Exception):
    """A delivery attempt failed and the schedule says when to try again."""

    def __init__(self, seconds: int) -> None:
        super().__init__(f"next attempt in {seconds} s")
        self.seconds = seconds


class DeliveryRetry(BaseRetryStrategy):
    """The delivery's own schedule for failed attempts (the job keeps its id, so later
    deliveries of its order key keep waiting behind it); the queue's capped backoff for
    anything else (the database away)."""

    def __init__(self, otherwise: CappedBackoff | None = None) -> None:
        self._otherwise = otherwise or CappedBackoff()

    def get_retry_decision(
        self, *, exception: BaseException, job: job_states.Job
    ) -> RetryDecision | None:
        if isinstance(exception, RetryDeliveryError):
            return RetryDecision(retry_in={"seconds": exception.seconds})
        return self._otherwise.get_retry_decision(exception=exception, job=job)


def build_tasks(bundles: Bundles, settings: Settings) -> procrastinate.Blueprint:
    """The tasks, bound to this process's use cases (built here, not at import time)."""
    tasks = procrastinate.Blueprint()
    _add_periodic_tasks(tasks, bundles, settings)
    _add_delivery_tasks(tasks, bundles)
    _add_payment_tasks(tasks, bundles)
    _add_calendar_tasks(tasks, bundles)
    _add_loyalty_tasks(tasks, bundles)
    _add_telegram_tasks(tasks, bundles)
    _add_diagnostic_tasks(tasks)
    for task in tasks.tasks.values():
        if tracing_active():  # a span per job run (entrypoints.tracing)
            task.func = traced(task.name)(task.func)
        task.func = logged(task.name, task.func)  # a line per job (job_log.py)
    return tasks


def _add_periodic_tasks(
    tasks: procrastinate.Blueprint, bundles: Bundles, settings: Settings
) -> None:
    bookings = bundles.bookings

    # Periodic: no retries (the next tick is the retry); a queueing lock keeps a slow tick
    # from piling up behind itself.
    @tasks.periodic(cron=settings.expire_holds_cron, periodic_id="expire-holds")
    @tasks.task(name="expire_holds", queue=PERIODIC_QUEUE, queueing_lock="expire_holds")
    async def expire_holds(timestamp: int) -> int:
        """Holds that ran out, then the invoices of those holds (cancelled at the provider
        by jobs of their own), then refunds of what bookings owe back (paid by jobs)."""
        expired = await bookings.expire_holds()
        withdrawn = await bundles.payments.withdraw_lapsed_invoices()
        refunds = await bundles.payments.plan_refunds()
        if expired or withdrawn or refunds:
            _log.info(
                "expired %d holds, withdrew %d invoices, planned %d refunds",
                expired,
                withdrawn,
                refunds,
            )
        return expired

    @tasks.periodic(cron=settings.purge_cron, periodic_id="purge")
    @tasks.task(name="purge", queue=PERIODIC_QUEUE, queueing_lock="purge")
    async def purge(timestamp: int) -> int:
        """Idempotency keys past their 24 hours, outbox events past their 7 days, uploads
        requested a day ago and never used, spent Telegram logins too old to replay, phone
        codes sent over a day ago, signed consents past their retention, the Telegram bot's
        updates of a day ago and its chat link tokens that ran out, the texts charged to
        accounts and the booking links' visitors of days before yesterday."""
        keys = await bookings.purge_idempotency_keys()
        events = await bundles.stream.forget_old_events()
        uploads = await bundles.media.purge_abandoned_uploads()
        logins = await bundles.accounts.purge_spent_telegram_logins()
        codes = await bundles.accounts.purge_phone_codes()
        consents = await bundles.consent.purge()
        telegram = await bundles.telegram.purge_telegram_updates()
        texts = await bundles.notifications.purge_text_allowance()
        visitors = await bundles.catalog.forget_link_visitors()
        return keys + events + uploads + logins + codes + consents + telegram + texts + visitors

    @tasks.periodic(cron=settings.fold_analytics_cron, periodic_id="fold-analytics")
    @tasks.task(name="fold_analytics", queue=PERIODIC_QUEUE, queueing_lock="fold_analytics")
    async def fold_analytics(timestamp: int) -> int:
        """The daily analytics tallies changed since the last tick, folded into the
        platform's summaries (reads are exact either way; unfolded rows make them slower)."""
        return await bundles.analytics.fold_analytics()


def _add_delivery_tasks(tasks: procrastinate.Blueprint, bundles: Bundles) -> None:
    """Webhooks and notifications: each retried on its own schedule (``DeliveryRetry``)."""
    task_name = DELIVER_WEBHOOK_TASK.removeprefix("inkslot:")

    @tasks.task(name=task_name, queue=WEBHOOK_QUEUE, retry=DeliveryRetry())
    async def deliver_webhook(delivery_id: str) -> None:
        """One attempt; a failure the schedule retries raises ``RetryDeliveryError``. Safe to
        run twice: only a delivery still due is sent and recorded."""
        delivery = await bundles.webhooks.deliver_webhook(DeliveryId(UUID(delivery_id)))
        if delivery is not None and delivery.due and delivery.next_attempt_at is not None:
            wait = delivery.next_attempt_at - delivery.updated_at
            raise RetryDeliveryError(max(0, int(wait.total_seconds())))

    @tasks.task(
        name=SEND_NOTIFICATION_TASK.removeprefix("inkslot:"),
        queue=NOTIFICATION_QUEUE,
        # The notification's own schedule takes up to 7 runs of the job; the database being
        # away gets the rest (a job that gives up leaves its notification pending, for
        # `inkslot jobs failed` / `retry`).
        retry=DeliveryRetry(CappedBackoff(max_attempts=30)),
    )
    async def send_notification(notification_ids: list[str]) -> None:
        """One round over a group of notifications; when one must be tried again (or waits
        for its moment), raises ``RetryDeliveryError`` for the earliest. Safe to run twice: only
        notifications still due are sent, and their channels drop a repeat
        (docs/notifications.md, "Never lost, never twice")."""
        ids = [NotificationId(UUID(n)) for n in notification_ids]
        done = await bundles.notifications.send_notifications(ids)
        if done.retry_in is not None:
            raise RetryDeliveryError(math.ceil(done.retry_in.total_seconds()))


def _add_payment_tasks(tasks: procrastinate.Blueprint, bundles: Bundles) -> None:
    payments = bundles.payments

    @tasks.task(
        name=PAYMENT_TASKS[PaymentJob.RECHECK].removeprefix("inkslot:"), queue=PAYMENT_QUEUE
    )
    async def payment_recheck(subject: str, attempt: int) -> int:
        """One re-check after a callback the provider's check did not show yet; queues the
        next itself while its schedule lasts (so it is never retried by the queue)."""
        return await payments.recheck_payment(InvoiceId(UUID(subject)), attempt)

    @tasks.task(
        name=PAYMENT_TASKS[PaymentJob.CANCEL_INVOICE].removeprefix("inkslot:"),
        queue=PAYMENT_QUEUE,
        retry=CappedBackoff(),
    )
    async def payment_cancel_invoice(subject: str, attempt: int) -> None:
        """Cancel at the provider an invoice whose hold ran out; retried while the provider
        is away. Safe to run twice: only an invoice still due a cancel is sent one."""
        await payments.cancel_invoice_at_provider(InvoiceId(UUID(subject)))

    @tasks.task(
        name=PAYMENT_TASKS[PaymentJob.REFUND].removeprefix("inkslot:"),
        queue=PAYMENT_QUEUE,
        retry=CappedBackoff(),
    )
    async def payment_refund(subject: str, attempt: int) -> None:
        """Send one refund to the provider; retried while the provider is away. Safe to run
        twice: only a refund still pending is sent, and its outcome recorded once (the
        provider treats a second refund of a refunded payment as done)."""
        await payments.pay_refund(RefundId(UUID(subject)))


def _add_loyalty_tasks(tasks: procrastinate.Blueprint, bundles: Bundles) -> None:
    """Points past their expiry (docs/loyalty.md): every minute, the accounts with a lot
    whose time ran out (one index read when none) expire it. No retries: the next tick is
    the retry; every other change of an account expires its due lots first anyway."""

    @tasks.periodic(cron="* * * * *", periodic_id="expire-points")
    @tasks.task(name="expire_points", queue=PERIODIC_QUEUE, queueing_lock="expire_points")
    async def expire_points(timestamp: int) -> int:
        """Safe to run twice: an account's due lots expire once (its row is locked)."""
        return await bundles.loyalty.expire_points()


def _add_telegram_tasks(tasks: procrastinate.Blueprint, bundles: Bundles) -> None:
    """The bot's updates (docs/telegram.md): one job each, one chat's one at a time."""

    @tasks.task(
        name=HANDLE_UPDATE_TASK.removeprefix("inkslot:"),
        queue=TELEGRAM_QUEUE,
        # The replies' own waits (Telegram's 429, a few retries); the database away gets
        # the queue's backoff.
        retry=DeliveryRetry(CappedBackoff(max_attempts=10)),
    )
    async def handle_telegram_update(update_id: int) -> None:
        """Handle the update once and send its replies; raises ``RetryDeliveryError`` when
        some must wait (Telegram's 429). Safe to run twice: a handled update only sends what
        it has not sent."""
        wait = await bundles.telegram.handle_update(update_id)
        if wait is not None:
            raise RetryDeliveryError(max(1, math.ceil(wait.total_seconds())))


def _add_calendar_tasks(tasks: procrastinate.Blueprint, bundles: Bundles) -> None:
    """External calendars (docs/external-calendars.md): each feed fetched every
    ``REFRESH_EVERY`` (a minute's tick takes the calendars due), and once right after it is
    added. No retries: a failure is recorded on the calendar and the next tick tries again."""
    scheduling = bundles.scheduling

    @tasks.periodic(cron="* * * * *", periodic_id="refresh-external-calendars")
    @tasks.task(
        name="refresh_external_calendars",
        queue=PERIODIC_QUEUE,
        queueing_lock="refresh_external_calendars",
    )
    async def refresh_external_calendars(timestamp: int) -> int:
        """The calendars not fetched for ten minutes (a batch of them), each fetched and
        its busy spans replaced. Safe to run twice: a second fetch stores the same spans."""
        return await scheduling.refresh_due_external_calendars()

    @tasks.task(name=REFRESH_CALENDAR_TASK.removeprefix("inkslot:"), queue=CALENDAR_QUEUE)
    async def refresh_external_calendar(calendar_id: str) -> None:
        """One calendar's first fetch, queued when it is added."""
        await scheduling.refresh_external_calendar(ExternalCalendarId(UUID(calendar_id)))


def _add_diagnostic_tasks(tasks: procrastinate.Blueprint) -> None:
    @tasks.task(name="ping", queue="diagnostics")
    async def ping() -> None:
        """Does nothing: what a job costs the queue itself (bench/delivery.py), and a way to
        see that some worker is taking jobs."""
