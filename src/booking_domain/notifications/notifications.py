"""A notification: one message to one person on one channel, and its sending.

A notification is made once per (event, recipient, channel), or per (booking, start,
offset, recipient, channel) for a reminder: its ``key`` says which, and storage keeps one
notification per key, so planning twice makes nothing new. It is rendered when it is sent,
in the recipient's language at that moment, from the event's data it keeps.

States: ``pending`` (waiting for its first or next attempt) -> ``sent`` | ``failed`` (every
attempt of the schedule failed, or the far side refused it for good) | ``skipped`` (the
recipient opted out of the channel, has no address for it, the account is closed, a
reminder went stale, the recipient blocked the Telegram bot; a text to an unproven number
or one texts do not go to, or beyond its account's daily bound). Every change passes
through :meth:`Notification.apply`.

An attempt the far side answered with a time to wait (Telegram's 429 ``retry_after``) is
tried again then, while the schedule has attempts left; one whose recipient cannot be
reached any more (a blocked bot) is ``skipped`` as ``blocked``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum
from typing import NewType
from uuid import UUID

from booking_domain.bookings import ClientId
from booking_domain.notifications.delivery import DeliveryReport, DeliveryStatus, moves_forward
from booking_domain.notifications.messages import MAX_ERROR_LENGTH, SendOutcome
from booking_domain.notifications.rules import Category, Channel, Party
from booking_domain.shared.audit import AuditEntry, audit_entry
from booking_domain.shared.identity import Actor
from booking_domain.shared.ids import BookingId, UserId
from booking_domain.shared.outbox import EventId, JsonValue, subject_of
from booking_domain.shared.time import require_aware

NotificationId = NewType("NotificationId", UUID)

# 10 s, 1 min, 5 min, 15 min, 1 h, 3 h: the last attempt comes about 4 h 21 min after the
# first. Messages about a booking lose their worth within hours.
DEFAULT_RETRY_DELAYS: tuple[timedelta, ...] = tuple(
    timedelta(seconds=s) for s in (10, 60, 300, 900, 3600, 10800)
)


class NotificationStatus(StrEnum):
    PENDING = "pending"
    SENT = "sent"
    FAILED = "failed"
    SKIPPED = "skipped"


class SkipReason(StrEnum):
    OPTED_OUT = "opted_out"
    NO_ADDRESS = "no_address"  # a text without a phone number, an email without an address
    NO_RECIPIENT = "no_recipient"  # the account is gone or disabled
    STALE = "stale"  # a reminder for a booking cancelled or moved since it was planned
    # (or a review request for a booking no longer completed: disputed)
    REVIEWED = "reviewed"  # a review request to a customer who has reviewed already
    NO_TEXT = "no_text"  # an aftercare message whose artist has removed their text since
    BLOCKED = "blocked"  # the recipient blocked the Telegram bot (the channel switched off)
    # A text to an account whose number no code has proven (a contact number typed in the
    # profile): the platform texts only numbers their holder proved.
    UNVERIFIED_PHONE = "unverified_phone"
    # A text to a number texts do not go to (accounts.text_reach): a region not served, a
    # satellite or premium range.
    UNSERVED_NUMBER = "unserved_number"
    # A text beyond the daily bound of the account whose action caused it (text_allowance).
    TEXT_LIMIT = "text_limit"


@dataclass(frozen=True, slots=True)
class Sent:
    reference: str | None = None


@dataclass(frozen=True, slots=True)
class Attempted:
    outcome: SendOutcome


@dataclass(frozen=True, slots=True)
class Skipped:
    reason: SkipReason


@dataclass(frozen=True, slots=True)
class Retried:
    """An operator queued a failed notification again."""


Change = Sent | Attempted | Skipped | Retried


@dataclass(frozen=True, slots=True)
class RetrySchedule:
    delays: tuple[timedelta, ...] = DEFAULT_RETRY_DELAYS

    def after(self, attempts: int) -> timedelta | None:
        return self.delays[attempts - 1] if 1 <= attempts <= len(self.delays) else None


# What of a notification changes after it is planned (by ``Notification.apply`` and
# ``Notification.reported``); everything else is fixed when it is planned.
STATE_FIELDS = (
    "status", "attempts", "last_error", "skip_reason", "reference", "next_attempt_at",
    "delivery_status", "delivery_error", "delivery_reported_at", "updated_at",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Notification:
    id: NotificationId
    key: str
    kind: str  # an event type of the rules table, or REMINDER
    category: Category
    channel: Channel
    recipient_id: UserId | None  # a user's account, or
    party: Party
    event_id: EventId | None
    booking_id: BookingId | None
    data: Mapping[str, JsonValue]  # the event's data (a reminder: its booking's event)
    send_at: datetime  # not before this moment (a reminder's moment)
    status: NotificationStatus
    attempts: int
    created_at: datetime
    updated_at: datetime
    last_error: str | None = None
    skip_reason: SkipReason | None = None
    reference: str | None = None  # where it went: a provider's id, a file
    next_attempt_at: datetime | None = None
    reminder_for: datetime | None = None  # a reminder: the start it was planned for
    client_id: ClientId | None = None  # an artist's client record (no account): exactly one
    # A sent text: what its provider last reported of it (delivery.py), and when.
    delivery_status: DeliveryStatus | None = None
    delivery_error: str | None = None  # the provider's error code, e.g. Twilio's "30003"
    delivery_reported_at: datetime | None = None

    def __post_init__(self) -> None:
        require_aware(self.created_at, "created_at")
        require_aware(self.send_at, "send_at")
        if (self.recipient_id is None) == (self.client_id is None):
            raise ValueError("A notification is for a user or a client record: exactly one.")

    @property
    def due(self) -> bool:
        return self.status is NotificationStatus.PENDING

    def apply(self, change: Change, now: datetime, schedule: RetrySchedule) -> Notification:
        """The notification after ``change``. Only a pending one changes, except that an
        operator may queue a failed one again."""
        if isinstance(change, Retried):
            if self.status is not NotificationStatus.FAILED:
                return self
            return replace(
                self,
                status=NotificationStatus.PENDING,
                attempts=0,
                last_error=None,
                updated_at=now,
                next_attempt_at=now,
            )
        if not self.due:
            return self
        if isinstance(change, Skipped):
            return replace(
                self,
                status=NotificationStatus.SKIPPED,
                skip_reason=change.reason,
                updated_at=now,
                next_attempt_at=None,
            )
        if isinstance(change, Sent):
            return self._sent(change.reference, now)
        return self._attempted(change.outcome, now, schedule)

    def reported(self, report: DeliveryReport, now: datetime) -> Notification:
        """The notification after its provider's delivery report: only a sent text with the
        report's reference takes it, and only a later stage than the one it has."""
        if (
            self.channel is not Channel.SMS
            or self.status is not NotificationStatus.SENT
            or self.reference != report.reference
            or not moves_forward(self.delivery_status, report.status)
        ):
            return self
        return replace(
            self,
            delivery_status=report.status,
            delivery_error=report.error_code,
            delivery_reported_at=now,
            updated_at=now,
        )

    def _sent(self, reference: str | None, now: datetime) -> Notification:
        return replace(
            self,
            status=NotificationStatus.SENT,
            attempts=self.attempts + 1,
            reference=reference,
            last_error=None,
            updated_at=now,
            next_attempt_at=None,
        )

    def _attempted(
        self, outcome: SendOutcome, now: datetime, schedule: RetrySchedule
    ) -> Notification:
        if outcome.sent:
            return self._sent(outcome.reference, now)
        attempts = self.attempts + 1
        error = (outcome.error or "failed")[:MAX_ERROR_LENGTH]
        if outcome.unreachable:
            return replace(
                self,
                status=NotificationStatus.SKIPPED,
                skip_reason=SkipReason.BLOCKED,
                attempts=attempts,
                last_error=error,
                updated_at=now,
                next_attempt_at=None,
            )
        delay = None if outcome.permanent else schedule.after(attempts)
        if delay is not None and outcome.retry_after is not None:
            delay = outcome.retry_after  # the far side said when; the schedule says how often
        if delay is None:
            return replace(
                self,
                status=NotificationStatus.FAILED,
                attempts=attempts,
                last_error=error,
                updated_at=now,
                next_attempt_at=None,
            )
        return replace(
            self,
            attempts=attempts,
            last_error=error,
            updated_at=now,
            next_attempt_at=now + delay,
        )


def retried_audit_entry(
    before: Notification, after: Notification, actor: Actor, now: datetime
) -> AuditEntry:
    """An admin queued a failed notification again (its last error kept in the trail)."""
    return audit_entry(
        "notification.retried",
        subject_of("notification", after.id),
        now,
        actor=actor,
        before={"status": before.status.value, "lastError": before.last_error},
        after={"status": after.status.value, "channel": after.channel.value},
    )
