""" "Free within N days", exactly and fast: a projection of each artist's bookable starts.

For every active service of an artist, the starts that ``free_slots`` (the domain's one
rule) offers in the next ``COVER`` are computed at some moment ``t0`` and kept as *runs*:
stretches of starts one slot step apart. The horizon is left out of the computation (it is
applied when asking); everything else is the domain's rule at ``t0``.

Why the runs stay exact after ``t0``: as ``now`` moves on, the rule's answer for ``now``
is the same set cut to ``[now + minimum_notice, now + horizon]`` and to the asked range,
as long as no booking, hold, rule, override, setting or service changes and no hold runs
out. Changes arrive through the outbox (bookings) and the catalogue version (the rest), and
the projection is recomputed; the first hold to run out bounds ``valid_until``, after which
the artist is recomputed too. ``first_start`` answers "the first offered start at or after
``low``", the same arithmetic as SQL's ``inkslot_first_start``; the stored ``first`` start
answers as long as it is at least the minimum notice away (SQL's fast path).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from booking_domain.catalog import ArtistProfile, Service
from booking_domain.scheduling import (
    BusyTimeline,
    Schedule,
    free_slot_epochs,
    from_epoch,
    whole_seconds,
)
from booking_domain.search.queries import MAX_FREE_WITHIN_DAYS
from booking_domain.shared.ids import ArtistId, ServiceId
from booking_domain.shared.time import Interval

# A projection holds for at most a day (then the artist is computed again), and answers
# for up to MAX_FREE_WITHIN_DAYS ahead at any moment of that day.
VALIDITY = timedelta(days=1)
COVER = timedelta(days=MAX_FREE_WITHIN_DAYS) + VALIDITY
# What the calendar read must span around [t0, t0 + COVER]: appointments and buffers that
# reach into it, and whole local dates for daily caps.
READ_MARGIN = timedelta(days=2)


@dataclass(frozen=True, slots=True)
class StartRun:
    """Starts ``first``, ``first + step``, ... ``last`` (inclusive)."""

    first: datetime
    last: datetime


@dataclass(frozen=True, slots=True)
class FreeStarts:
    service_id: ServiceId
    step_seconds: int
    runs: tuple[StartRun, ...]

    @property
    def first(self) -> datetime | None:
        return self.runs[0].first if self.runs else None

    def first_start(self, low: datetime) -> datetime | None:
        """The first start at or after ``low``, or None."""
        for run in self.runs:
            if run.last < low:
                continue
            if run.first >= low:
                return run.first
            behind = (low - run.first).total_seconds()
            steps = -(-behind // self.step_seconds)  # ceil, on whole seconds
            return run.first + timedelta(seconds=steps * self.step_seconds)
        return None


def runs_of(starts: tuple[datetime, ...], step_seconds: int) -> tuple[StartRun, ...]:
    """Ascending starts as maximal runs one step apart."""
    runs: list[StartRun] = []
    step = timedelta(seconds=step_seconds)
    for start in starts:
        if runs and start - runs[-1].last == step:
            runs[-1] = StartRun(runs[-1].first, start)
        else:
            runs.append(StartRun(start, start))
    return tuple(runs)


def runs_of_epochs(epochs: Sequence[int], step_seconds: int) -> tuple[StartRun, ...]:
    """:func:`runs_of` for starts given as ascending epoch seconds: two datetimes a run,
    none per start (a month of a busy artist's services is thousands of starts)."""
    runs: list[StartRun] = []
    first = previous = None
    for start in epochs:
        if previous is not None and start - previous == step_seconds:
            previous = start
            continue
        if first is not None and previous is not None:
            runs.append(StartRun(from_epoch(first), from_epoch(previous)))
        first = previous = start
    if first is not None and previous is not None:
        runs.append(StartRun(from_epoch(first), from_epoch(previous)))
    return tuple(runs)


@dataclass(frozen=True, slots=True)
class ArtistCalendar:
    """What the projection of one artist is computed from, read in one snapshot."""

    artist: ArtistProfile
    services: tuple[Service, ...]  # the active ones
    schedule: Schedule
    busy: BusyTimeline  # bookings active at the read's ``now``
    next_hold_expiry: datetime | None  # the first hold of an active booking to run out
    catalog_version: int


@dataclass(frozen=True, slots=True)
class CalendarProjection:
    artist_id: ArtistId
    catalog_version: int
    computed_at: datetime
    valid_until: datetime
    services: tuple[FreeStarts, ...]


def read_window(now: datetime) -> Interval:
    return Interval(now - READ_MARGIN, now + COVER + READ_MARGIN)


def project(calendar: ArtistCalendar, now: datetime) -> CalendarProjection:
    """The artist's bookable starts in ``[now, now + COVER)`` per active service, by the
    domain's rule with the horizon left to the question."""
    policy = replace(calendar.artist.policy, horizon=COVER)
    step = whole_seconds(policy.slot_step)
    services = []
    for service in calendar.services:
        starts = free_slot_epochs(
            service=service,
            policy=policy,
            schedule=calendar.schedule,
            busy=calendar.busy,
            between=Interval(now, now + COVER),
            now=now,
        )
        services.append(FreeStarts(service.id, step, runs_of_epochs(starts, step)))
    # Until a hold runs out: its time may be free again.
    valid_until = now + VALIDITY
    if calendar.next_hold_expiry is not None:
        valid_until = max(now, min(valid_until, calendar.next_hold_expiry))
    return CalendarProjection(
        calendar.artist.id, calendar.catalog_version, now, valid_until, tuple(services)
    )


def free_within(
    artist: ArtistProfile, starts: FreeStarts, now: datetime, days: int
) -> datetime | None:
    """The first start the domain offers ``now`` within ``days`` (None if none): the
    question the search asks of a projection that is still valid."""
    first = starts.first_start(now + artist.policy.minimum_notice)
    if first is None or first > now + artist.policy.horizon:
        return None
    return first if first < now + timedelta(days=days) else None
