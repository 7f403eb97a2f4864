"""A delivery: one event sent to one endpoint, with its attempts.

A delivery is made once per (endpoint, event) when the event is dispatched; its body (the
event's public envelope) is fixed then. Each attempt signs the body afresh (the timestamp
is part of the signature) under the same ``webhook-id`` (the event's id), so a receiver
drops repeats by that id. A failed attempt is tried again after the next delay of the
schedule, for 24 hours in all by default; then the delivery is ``failed`` and stays in the
log, where its owner may redeliver it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum
from typing import NewType
from uuid import UUID

from booking_domain.shared.ids import new_uuid7
from booking_domain.shared.outbox import EventId, JsonValue, OutboxEvent
from booking_domain.shared.time import require_aware
from booking_domain.webhooks.endpoints import WebhookEndpoint, WebhookId

DeliveryId = NewType("DeliveryId", UUID)
MAX_ERROR_LENGTH = 300

# 5 s, 30 s, 2 min, 10 min, 30 min, 1 h, 2 h, 4 h, 8 h, 10 h: the last attempt comes
# 25 h 42 min 35 s after the first (a receiver down for a whole day still gets it).
DEFAULT_RETRY_DELAYS: tuple[timedelta, ...] = tuple(
    timedelta(seconds=s) for s in (5, 30, 120, 600, 1800, 3600, 7200, 14400, 28800, 36000)
)


class DeliveryStatus(StrEnum):
    PENDING = "pending"  # waiting for its first or next attempt
    DELIVERED = "delivered"  # an attempt got a 2xx
    FAILED = "failed"  # every attempt of the schedule failed, or the target is refused
    SKIPPED = "skipped"  # the endpoint was disabled or deleted before it was sent


@dataclass(frozen=True, slots=True)
class AttemptOutcome:
    """What one attempt got: a status code, or an error before any response."""

    status_code: int | None
    error: str | None = None
    permanent: bool = False  # retrying cannot help (the target is refused)

    @property
    def succeeded(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300


@dataclass(frozen=True, slots=True)
class RetrySchedule:
    """The delays between attempts: after the ``n``-th failed attempt, ``delays[n-1]``;
    none left means give up."""

    delays: tuple[timedelta, ...] = DEFAULT_RETRY_DELAYS

    def after(self, attempts: int) -> timedelta | None:
        return self.delays[attempts - 1] if 1 <= attempts <= len(self.delays) else None


@dataclass(frozen=True, slots=True)
class Delivery:
    id: DeliveryId
    endpoint_id: WebhookId
    event_id: EventId
    event_type: str
    subject: str
    body: Mapping[str, JsonValue]
    status: DeliveryStatus
    attempts: int
    last_status_code: int | None
    last_error: str | None
    created_at: datetime
    updated_at: datetime
    next_attempt_at: datetime | None

    def __post_init__(self) -> None:
        require_aware(self.created_at, "created_at")
        require_aware(self.updated_at, "updated_at")

    @classmethod
    def of(cls, endpoint: WebhookEndpoint, event: OutboxEvent, now: datetime) -> Delivery:
        return cls(
            id=DeliveryId(new_uuid7(int(now.timestamp() * 1000))),
            endpoint_id=endpoint.id,
            event_id=event.id,
            event_type=event.type,
            subject=event.subject,
            body=event.envelope(),
            status=DeliveryStatus.PENDING,
            attempts=0,
            last_status_code=None,
            last_error=None,
            created_at=now,
            updated_at=now,
            next_attempt_at=now,
        )

    @property
    def due(self) -> bool:
        return self.status is DeliveryStatus.PENDING

    @property
    def wait(self) -> timedelta:
        """How long after its last change its next attempt is due: nothing for one due now
        (new, or redelivered), the schedule's delay after a failed attempt."""
        if self.next_attempt_at is None:
            return timedelta(0)
        return max(timedelta(0), self.next_attempt_at - self.updated_at)

    @property
    def order_key(self) -> str:
        """Deliveries with one key are sent one at a time in the order made: one endpoint's
        events of one subject (a booking) arrive in the order they happened."""
        return f"webhook:{self.endpoint_id}:{self.subject}"

    def attempted(
        self, outcome: AttemptOutcome, now: datetime, schedule: RetrySchedule
    ) -> Delivery:
        """The delivery after one attempt: delivered, pending again with the time of the
        next attempt, or failed."""
        attempts = self.attempts + 1
        error = None if outcome.error is None else outcome.error[:MAX_ERROR_LENGTH]
        done = replace(
            self,
            attempts=attempts,
            last_status_code=outcome.status_code,
            last_error=error,
            updated_at=now,
            next_attempt_at=None,
        )
        if outcome.succeeded:
            return replace(done, status=DeliveryStatus.DELIVERED)
        delay = None if outcome.permanent else schedule.after(attempts)
        if delay is None:
            return replace(done, status=DeliveryStatus.FAILED)
        return replace(done, status=DeliveryStatus.PENDING, next_attempt_at=now + delay)

    def skipped(self, now: datetime) -> Delivery:
        return replace(self, status=DeliveryStatus.SKIPPED, updated_at=now, next_attempt_at=None)

    def redelivered(self, now: datetime) -> Delivery:
        """Queued again by its owner (whatever its status): a fresh schedule of attempts."""
        return replace(
            self, status=DeliveryStatus.PENDING, attempts=0, updated_at=now, next_attempt_at=now
        )
