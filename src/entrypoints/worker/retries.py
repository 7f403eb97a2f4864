"""Retrying a job on its own schedule: a delivery (a webhook, a notification, a Telegram
reply) knows when it is to be tried again, and says so by raising ``RetryDeliveryError``;
anything else (the database away) gets the queue's capped backoff."""

from __future__ import annotations

from procrastinate import jobs as job_states
from procrastinate.retry import BaseRetryStrategy, RetryDecision

from adapters.jobs.queue import CappedBackoff


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
