"""The waitlist entry as a hypothesis state machine: its customer, an admin and strangers
try every step at any time, the system offers and settles; whatever happens, only the
table's steps change it (each by one version), every refusal leaves it as it was, an entry
gets at most one offer, and an ended entry never changes again. And the dates' rules and
the offered start, as properties."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from uuid import UUID

import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from booking_domain.bookings import HoldExpiredError
from booking_domain.catalog import SchedulingPolicy
from booking_domain.scheduling import BusyTimeline, Schedule, WeeklyRule, check_bookable
from booking_domain.shared.errors import DomainError, InvalidTransitionError
from booking_domain.shared.identity import Actor, Role
from booking_domain.shared.ids import ArtistId, BookingId, ServiceId, UserId
from booking_domain.shared.time import Interval
from booking_domain.waitlist import (
    MAX_DAYS,
    Answer,
    EntryId,
    EntryState,
    EntryStatus,
    InvalidWaitlistEntryError,
    Leave,
    MakeOffer,
    Settle,
    WaitlistActionNotAllowedError,
    WaitlistEntry,
    WaitlistEntryNotFoundError,
    apply,
    check_range,
    join,
    offer_start,
)
from tests.support.catalog import a_service

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
ZONE = SchedulingPolicy("Asia/Ulaanbaatar").zone
CUSTOMER = Actor(UserId(UUID(int=1)), Role.CUSTOMER)
ADMIN = Actor(UserId(UUID(int=2)), Role.ADMIN)
STRANGER = Actor(UserId(UUID(int=3)), Role.CUSTOMER)
ENDED = frozenset(EntryStatus) - {EntryStatus.WAITING, EntryStatus.OFFERED}


def an_entry(now: datetime = T0, days: int = 3) -> WaitlistEntry:
    first = now.astimezone(ZONE).date() + timedelta(days=1)
    dates = check_range(first, first + timedelta(days=days - 1), now=now, zone=ZONE,
                        horizon=timedelta(days=90))  # fmt: skip
    entry, _ = join(
        entry_id=EntryId(UUID(int=9)), by=CUSTOMER, artist_id=ArtistId(UUID(int=5)),
        service_id=ServiceId(UUID(int=6)), dates=dates, window=dates.window(ZONE), now=now,
    )  # fmt: skip
    return entry


class EntryMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.now = T0
        self.entry = an_entry()
        self.offers = 0

    def _try(self, action: Answer | Leave | MakeOffer | Settle) -> None:
        before = self.entry
        try:
            after, change = apply(before, action, self.now)
        except DomainError:  # every refusal is a domain error, and leaves the entry alone
            assert self.entry == before
            return
        assert before.status not in ENDED, "an ended entry never changes"
        assert after.version == before.version + 1 and change.value in {
            "left",
            "offered",
            "accepted",
            "declined",
            "lapsed",
            "withdrawn",
        }
        if after.offer is not None and before.offer is None:
            self.offers += 1
        self.entry = after

    @rule(hours=st.integers(0, 120))
    def time_passes(self, hours: int) -> None:
        self.now += timedelta(hours=hours)

    @rule(who=st.sampled_from([CUSTOMER, ADMIN, STRANGER]), accept=st.booleans())
    def answer(self, who: Actor, accept: bool) -> None:
        if who is STRANGER:
            with pytest.raises(WaitlistEntryNotFoundError):
                apply(self.entry, Answer(who, accept), self.now)
            return
        if who is CUSTOMER and self.entry.status is EntryStatus.LAPSED:
            with pytest.raises(HoldExpiredError):  # too late, whichever the answer
                apply(self.entry, Answer(who, accept), self.now)
            return
        self._try(Answer(who, accept))

    @rule(who=st.sampled_from([CUSTOMER, ADMIN, STRANGER]))
    def leave(self, who: Actor) -> None:
        if who is ADMIN:
            with pytest.raises(WaitlistActionNotAllowedError):
                apply(self.entry, Leave(who), self.now)
            return
        self._try(Leave(who))

    @rule(hours_in=st.integers(-24, 24 * 5))
    def offer(self, hours_in: int) -> None:
        start = self.entry.window.start + timedelta(hours=hours_in)
        until = self.now + timedelta(minutes=30)
        action = MakeOffer(
            BookingId(UUID(int=100 + self.offers)), start, until, BookingId(UUID(int=99))
        )
        waiting = self.entry.state(self.now) is EntryState.WAITING
        if not (waiting and self.entry.window.contains_instant(start)):
            with pytest.raises(InvalidTransitionError):
                apply(self.entry, action, self.now)
            return
        self._try(action)

    @rule(outcome=st.sampled_from(list(EntryStatus)))
    def settle(self, outcome: EntryStatus) -> None:
        self._try(Settle(outcome))

    @invariant()
    def one_offer_at_most_and_an_offer_exactly_when_one_came(self) -> None:
        assert self.offers <= 1
        has_offer = self.entry.status not in (EntryStatus.WAITING, EntryStatus.LEFT)
        assert (self.entry.offer is not None) == has_offer


TestEntryMachine = EntryMachine.TestCase


@given(
    today_offset=st.integers(-3, 3), length=st.integers(-2, MAX_DAYS + 5),
    hour=st.integers(0, 23),
)  # fmt: skip
def test_a_range_is_refused_exactly_when_it_breaks_a_rule(
    today_offset: int, length: int, hour: int
) -> None:
    now = T0.replace(hour=hour)
    today = now.astimezone(ZONE).date()
    first = today + timedelta(days=today_offset)
    last = first + timedelta(days=length)
    horizon = timedelta(days=60)
    furthest = (now + horizon).astimezone(ZONE).date()
    ok = first >= today and first <= last and (last - first).days < MAX_DAYS and last <= furthest
    if ok:
        dates = check_range(first, last, now=now, zone=ZONE, horizon=horizon)
        window = dates.window(ZONE)
        assert window.start.astimezone(ZONE).date() == first
        assert (window.end - timedelta(seconds=1)).astimezone(ZONE).date() == last
    else:
        with pytest.raises(InvalidWaitlistEntryError):
            check_range(first, last, now=now, zone=ZONE, horizon=horizon)


POLICY = SchedulingPolicy("UTC", minimum_notice=timedelta(hours=2))
SCHEDULE = Schedule(weekly=tuple(WeeklyRule.parse(day, "09:00", "17:00") for day in range(7)))


@given(
    freed_from=st.integers(8 * 60, 17 * 60), freed_minutes=st.integers(15, 8 * 60),
    service_minutes=st.sampled_from([30, 60, 90, 120]), days_ahead=st.integers(0, 4),
    busy_at=st.one_of(st.none(), st.integers(9 * 60, 16 * 60)),
)  # fmt: skip
def test_the_offered_start_is_the_earliest_bookable_one_inside_the_freed_time(
    freed_from: int, freed_minutes: int, service_minutes: int, days_ahead: int,
    busy_at: int | None,
) -> None:  # fmt: skip
    day = datetime.combine(date(2026, 3, 3) + timedelta(days=days_ahead), datetime.min.time(), UTC)
    service = a_service(ArtistId(UUID(int=5)), minutes=service_minutes)
    freed = Interval(day + timedelta(minutes=freed_from),
                     day + timedelta(minutes=freed_from + freed_minutes))  # fmt: skip
    busy = BusyTimeline.of([], [])
    if busy_at is not None:
        taken = Interval(day + timedelta(minutes=busy_at), day + timedelta(minutes=busy_at + 30))
        busy = BusyTimeline.of([taken], [taken.start])
    window = Interval(day, day + timedelta(days=1))
    start = offer_start(
        service=service, policy=POLICY, schedule=SCHEDULE, busy=busy, freed=freed,
        window=window, now=T0,
    )  # fmt: skip
    fitting = []
    for minute in range(freed_minutes + 1):
        s = freed.start + timedelta(minutes=minute)
        if s + service.duration > freed.end:
            break
        try:
            check_bookable(
                service=service, policy=POLICY, schedule=SCHEDULE, busy=busy, start=s, now=T0
            )
        except DomainError:
            continue
        fitting.append(s)
    assert start == (fitting[0] if fitting else None)
