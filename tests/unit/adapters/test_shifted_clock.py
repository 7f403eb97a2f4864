"""The local profile's shifted clock: the wall clock's time, moved by the shift, running."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from adapters.system.clock import ShiftedClock


def test_it_runs_with_the_wall_clock_from_another_point() -> None:
    day = timedelta(days=1)
    before = datetime.now(UTC)
    ahead, behind = ShiftedClock(day).now(), ShiftedClock(-day).now()
    after = datetime.now(UTC)
    assert before + day <= ahead <= after + day
    assert before - day <= behind <= after - day
    assert ahead.tzinfo is UTC
