"""The replica's staleness bound (``adapters/postgres/replica.py``): from the primary's WAL
positions over time and the position the replica has replayed."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from adapters.postgres.replica import LagGauge

HORIZON = 30_000.0

# The primary's history: instants that move on, positions that never go back. Instants in
# milliseconds as floats of whole numbers, so that differences are exact.
steps = st.lists(
    st.tuples(st.integers(1, 5_000).map(float), st.integers(0, 1_000)), min_size=1, max_size=40
)


def _history(increments: list[tuple[float, int]]) -> list[tuple[float, int]]:
    at, position, history = 0.0, 0, []
    for dt, dp in increments:
        at, position = at + dt, position + dp
        history.append((at, position))
    return history


@given(steps, st.integers(0, 50_000), st.integers(0, 5_000).map(float))
def test_the_bound_covers_every_commit_it_claims_and_claims_every_one_it_can(
    increments: list[tuple[float, int]], replayed: int, later: float
) -> None:
    history = _history(increments)
    gauge = LagGauge(horizon=HORIZON)
    for at, position in history:
        gauge.primary_at(at, position)
    now = history[-1][0] + later
    staleness = gauge.staleness(now, replayed)
    kept = [(at, p) for at, p in history if at >= history[-1][0] - HORIZON]
    covered = [at for at, p in kept if p <= replayed]
    if not covered:
        assert staleness is None
        return
    assert staleness is not None and staleness >= 0
    since = now - staleness
    # Sound: the replica holds everything the primary had at every kept instant up to
    # `since`. Tight: at no kept instant after `since` did it hold all of it.
    assert all(p <= replayed for at, p in kept if at <= since)
    assert all(p > replayed for at, p in kept if at > since)


@given(steps)
def test_a_replica_that_replayed_the_latest_position_trails_by_nothing_but_time(
    increments: list[tuple[float, int]],
) -> None:
    history = _history(increments)
    gauge = LagGauge(horizon=HORIZON)
    for at, position in history:
        gauge.primary_at(at, position)
    last_at, last_position = history[-1]
    assert gauge.staleness(last_at, last_position) == 0.0
    assert gauge.staleness(last_at + 2_500, last_position) == 2_500


def test_samples_older_than_the_horizon_are_forgotten() -> None:
    gauge = LagGauge(horizon=10.0)
    gauge.primary_at(0.0, 100)
    gauge.primary_at(5.0, 200)
    assert gauge.staleness(5.0, 150) == 5.0
    gauge.primary_at(20.0, 300)  # the first two are now older than the horizon
    assert gauge.staleness(20.0, 150) is None
    assert gauge.staleness(20.0, 300) == 0.0
