"""The free-starts projection answers "free within N days" exactly as the domain's
``free_slots`` does, at every moment until it stops holding; and its runs and queries."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from booking_domain.catalog import ArtistProfile
from booking_domain.scheduling import BusyTimeline, free_slots
from booking_domain.search import (
    VALIDITY,
    ArtistCalendar,
    FreeStarts,
    free_within,
    project,
    runs_of,
    runs_of_epochs,
)
from booking_domain.search.free_starts import StartRun
from booking_domain.shared.time import Interval
from booking_domain.testing.builders import (
    ARTIST_ID,
    ARTIST_USER,
    SERVICE_ID,
    make_policy,
    make_service,
    weekdays,
)
from booking_domain.testing.strategies import Scenario, scenarios

T0 = datetime(2026, 3, 2, 10, tzinfo=UTC)


def calendar_of(sc: Scenario, hold_expiry: datetime | None = None) -> ArtistCalendar:
    artist = ArtistProfile(ARTIST_ID, ARTIST_USER, "A", sc.policy.timezone, sc.policy, T0, T0)
    return ArtistCalendar(artist, (sc.service,), sc.schedule, BusyTimeline.of(sc.busy),
                          hold_expiry, 1)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(scenarios(days=1), st.data())
def test_the_projection_answers_as_the_domain_while_it_holds(
    sc: Scenario, data: st.DataObject
) -> None:
    calendar = calendar_of(sc)
    projection = project(calendar, sc.now)
    assert projection.valid_until == sc.now + VALIDITY
    held = VALIDITY // timedelta(microseconds=1)
    later = sc.now + timedelta(microseconds=data.draw(st.integers(0, held - 1)))
    days = data.draw(st.integers(1, 30))
    expected = free_slots(
        service=sc.service, policy=sc.policy, schedule=sc.schedule, busy=calendar.busy,
        between=Interval(later, later + timedelta(days=days)), now=later, limit=1,
    )  # fmt: skip
    answer = free_within(calendar.artist, projection.services[0], later, days)
    assert answer == (expected[0] if expected else None)


def test_a_hold_bounds_how_long_a_projection_holds() -> None:
    """When the hold runs out its time is free again: the refresher recomputes then."""
    expiry = T0 + timedelta(minutes=15)
    sc = Scenario(make_service(), make_policy("Asia/Ulaanbaatar"), weekdays(), (), T0,
                  Interval(T0, T0 + timedelta(days=1)))  # fmt: skip
    assert project(calendar_of(sc, expiry), T0).valid_until == expiry
    assert project(calendar_of(sc, None), T0).valid_until == T0 + VALIDITY


@given(st.lists(st.integers(0, 2000), unique=True), st.sampled_from((60, 300, 1800)))
def test_runs_hold_the_starts_and_first_start_finds_the_next(offsets: list[int], step: int) -> None:
    starts = tuple(T0 + timedelta(seconds=step * o) for o in sorted(offsets))
    runs = runs_of(starts, step)
    for run in runs:
        assert (run.last - run.first).total_seconds() % step == 0
    held = [r.first + timedelta(seconds=step * k) for r in runs
            for k in range(int((r.last - r.first).total_seconds()) // step + 1)]  # fmt: skip
    assert tuple(held) == starts
    fs = FreeStarts(SERVICE_ID, step, runs)
    for probe in (T0 - timedelta(seconds=1), T0, T0 + timedelta(seconds=step * 7 + 1)):
        assert fs.first_start(probe) == next((s for s in starts if s >= probe), None)


def test_a_single_start_is_a_run_of_one() -> None:
    assert runs_of((T0,), 60) == (StartRun(T0, T0),)


@given(
    st.integers(-(10**9), 10**10),
    st.lists(st.integers(0, 2000), unique=True),
    st.sampled_from((60, 300, 1800)),
)
def test_runs_of_epoch_starts_are_the_runs_of_those_starts(
    base: int, offsets: list[int], step: int
) -> None:
    epochs = [base + step * o + (o % 7 == 3) for o in sorted(offsets)]  # some off the grid
    starts = tuple(datetime.fromtimestamp(e, UTC) for e in epochs)
    assert runs_of_epochs(epochs, step) == runs_of(starts, step)
