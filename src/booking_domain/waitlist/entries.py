"""A waitlist entry: a customer waiting for a freed time of one artist's service within a
range of dates, and the one offer it may get (docs/waitlist.md, "States").

| from | to | by |
|---|---|---|
| (none) | ``waiting`` | its customer joins (``join``) |
| ``waiting`` | ``left`` | its customer leaves |
| ``waiting`` | ``offered`` | the system offers it a freed time (``MakeOffer``) |
| ``offered`` | ``accepted`` / ``declined`` | its customer answers (leaving declines) |
| ``offered`` | ``lapsed`` | the offer's hold ran out unanswered (``Settle``) |
| ``offered`` | ``withdrawn`` | the offer's booking was cancelled by someone else (``Settle``) |

An entry gets one offer: whatever the answer, the entry ends with it (a customer who wants
another time joins again, at the back of the line), so a time is never offered again to
one who let it lapse or declined it. ``expired`` is not stored: a waiting entry reads as
``expired`` once its last date is over. Every change goes through ``apply``.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import NewType
from uuid import UUID

from booking_domain.bookings import HoldExpiredError
from booking_domain.shared.errors import InvalidTransitionError
from booking_domain.shared.identity import Actor, Role
from booking_domain.shared.ids import ArtistId, BookingId, ServiceId, UserId
from booking_domain.shared.time import Interval, require_aware
from booking_domain.waitlist.errors import (
    WaitlistActionNotAllowedError,
    WaitlistEntryClosedError,
    WaitlistEntryNotFoundError,
)
from booking_domain.waitlist.ranges import DateRange

EntryId = NewType("EntryId", UUID)


class EntryStatus(StrEnum):
    WAITING = "waiting"
    OFFERED = "offered"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    LAPSED = "lapsed"
    WITHDRAWN = "withdrawn"
    LEFT = "left"


class EntryState(StrEnum):
    """What an entry reads as now: its status, or ``expired`` for a waiting entry whose
    last date is over."""

    WAITING = "waiting"
    OFFERED = "offered"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    LAPSED = "lapsed"
    WITHDRAWN = "withdrawn"
    LEFT = "left"
    EXPIRED = "expired"


LIVE = frozenset({EntryStatus.WAITING, EntryStatus.OFFERED})
SETTLED = frozenset({EntryStatus.ACCEPTED, EntryStatus.DECLINED, EntryStatus.LAPSED})


class WaitlistChange(StrEnum):
    """What a change did: the event type is ``waitlist.<change>``."""

    JOINED = "joined"
    LEFT = "left"
    OFFERED = "offered"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    LAPSED = "lapsed"
    WITHDRAWN = "withdrawn"


@dataclass(frozen=True, slots=True)
class Offer:
    """The freed time offered: its booking (held for the customer until ``until``), and the
    booking whose freeing began the chain of offers of that time (``freed_by``: the
    statistics count a time once, however many customers it was offered to)."""

    booking_id: BookingId
    start: datetime
    until: datetime
    made_at: datetime
    freed_by: BookingId
    answered_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class WaitlistEntry:
    id: EntryId
    customer_id: UserId
    artist_id: ArtistId
    service_id: ServiceId
    dates: DateRange
    window: Interval  # the dates' absolute span in the artist's zone (``DateRange.window``)
    status: EntryStatus
    joined_at: datetime
    updated_at: datetime
    version: int = 1
    offer: Offer | None = None

    def __post_init__(self) -> None:
        require_aware(self.joined_at, "joined_at")
        require_aware(self.updated_at, "updated_at")
        if (self.offer is None) != (self.status in (EntryStatus.WAITING, EntryStatus.LEFT)):
            raise ValueError(f"a {self.status} entry has an offer exactly when it got one")

    def state(self, now: datetime) -> EntryState:
        if self.status is EntryStatus.WAITING and self.window.end <= require_aware(now, "now"):
            return EntryState.EXPIRED
        return EntryState(self.status.value)

    def ensure_visible_to(self, actor: Actor) -> None:
        """Its customer and admins see it; anyone else: not found."""
        if not (actor.is_admin or actor.user_id == self.customer_id):
            raise WaitlistEntryNotFoundError()


def join(
    *,
    entry_id: EntryId,
    by: Actor,
    artist_id: ArtistId,
    service_id: ServiceId,
    dates: DateRange,
    window: Interval,
    now: datetime,
) -> tuple[WaitlistEntry, WaitlistChange]:
    """A customer joins for themself (artists and admins: ``WaitlistActionNotAllowedError``).
    The dates are checked already (``ranges.check_range``)."""
    if by.role is not Role.CUSTOMER:
        raise WaitlistActionNotAllowedError("Only customers join a waitlist.")
    now = require_aware(now, "now")
    entry = WaitlistEntry(
        entry_id, by.user_id, artist_id, service_id, dates, window, EntryStatus.WAITING, now, now
    )
    return entry, WaitlistChange.JOINED


@dataclass(frozen=True, slots=True)
class Leave:
    by: Actor


@dataclass(frozen=True, slots=True)
class Answer:
    by: Actor
    accept: bool


@dataclass(frozen=True, slots=True)
class MakeOffer:
    """The system offers the entry a freed time, held by ``booking_id`` until ``until``."""

    booking_id: BookingId
    start: datetime
    until: datetime
    freed_by: BookingId


@dataclass(frozen=True, slots=True)
class Settle:
    """The system closes an open offer as its booking went: ``lapsed`` (the hold ran out),
    ``declined`` (its customer cancelled it) or ``withdrawn`` (someone else cancelled it)."""

    outcome: EntryStatus


Action = Leave | Answer | MakeOffer | Settle
_SETTLE_TO = {
    EntryStatus.LAPSED: WaitlistChange.LAPSED,
    EntryStatus.DECLINED: WaitlistChange.DECLINED,
    EntryStatus.WITHDRAWN: WaitlistChange.WITHDRAWN,
}


def _own(entry: WaitlistEntry, by: Actor) -> None:
    entry.ensure_visible_to(by)
    if by.user_id != entry.customer_id or by.role is not Role.CUSTOMER:
        raise WaitlistActionNotAllowedError()


def _require(entry: WaitlistEntry, status: EntryStatus) -> None:
    if entry.status is not status:
        raise WaitlistEntryClosedError(f"This waitlist entry is {entry.status}.")


def apply(
    entry: WaitlistEntry, action: Action, now: datetime
) -> tuple[WaitlistEntry, WaitlistChange]:
    """The one way an entry changes (the table above); every refusal leaves it as it was:
    not its customer (``WaitlistEntryNotFoundError`` for a stranger,
    ``WaitlistActionNotAllowedError`` for an admin), an answer after the hold ran out
    (``HoldExpiredError``), a state without the step (``WaitlistEntryClosedError``), a
    system step out of order (``InvalidTransitionError``)."""
    now = require_aware(now, "now")
    match action:
        case Leave(by):
            _own(entry, by)
            if entry.status is EntryStatus.OFFERED:
                return _answered(entry, EntryStatus.DECLINED, WaitlistChange.DECLINED, now)
            _require(entry, EntryStatus.WAITING)
            return _moved(entry, now, EntryStatus.LEFT, None), WaitlistChange.LEFT
        case Answer(by, accept):
            _own(entry, by)
            if entry.status is EntryStatus.LAPSED:
                raise HoldExpiredError("The offer's hold ran out; it went to the next in line.")
            _require(entry, EntryStatus.OFFERED)
            if accept:
                return _answered(entry, EntryStatus.ACCEPTED, WaitlistChange.ACCEPTED, now)
            return _answered(entry, EntryStatus.DECLINED, WaitlistChange.DECLINED, now)
        case MakeOffer(booking_id, start, until, freed_by):
            if entry.state(now) is not EntryState.WAITING or not entry.window.contains_instant(
                start
            ):
                raise InvalidTransitionError("Only a waiting entry is offered a time in its range.")
            offer = Offer(booking_id, start, until, now, freed_by)
            return _moved(entry, now, EntryStatus.OFFERED, offer), WaitlistChange.OFFERED
        case Settle(outcome):
            if entry.status is not EntryStatus.OFFERED or outcome not in _SETTLE_TO:
                raise InvalidTransitionError("Only an open offer is settled, by its booking.")
            return _answered(entry, outcome, _SETTLE_TO[outcome], now)


def _answered(
    entry: WaitlistEntry, status: EntryStatus, change: WaitlistChange, now: datetime
) -> tuple[WaitlistEntry, WaitlistChange]:
    offer = entry.offer
    answered = None if offer is None else dataclasses.replace(offer, answered_at=now)
    return _moved(entry, now, status, answered), change


def _moved(
    entry: WaitlistEntry, now: datetime, status: EntryStatus, offer: Offer | None
) -> WaitlistEntry:
    return dataclasses.replace(
        entry, version=entry.version + 1, updated_at=now, status=status, offer=offer
    )
