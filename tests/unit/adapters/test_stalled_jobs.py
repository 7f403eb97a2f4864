"""When a worker is taken for dead: its heartbeat and the sweep follow the one setting."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from adapters.jobs.queue import STALLED_AFTER, StalledJobs


def test_the_default_is_twenty_seconds_five_between_beats_ten_between_sweeps() -> None:
    stalled = StalledJobs()
    assert (stalled.after, stalled.heartbeat_every, stalled.sweep_every) == (20.0, 5.0, 10.0)
    assert stalled.after == STALLED_AFTER


@given(st.floats(min_value=5, max_value=3600))
def test_a_living_worker_beats_three_times_before_it_could_be_taken_for_dead(
    after: float,
) -> None:
    stalled = StalledJobs(after)
    assert stalled.heartbeat_every * 3 < stalled.after
    # a dead worker's job is back within one and a half times the setting
    assert stalled.after + stalled.sweep_every <= 1.5 * stalled.after + 1e-9
