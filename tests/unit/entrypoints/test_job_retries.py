"""Job retries back off exponentially up to a cap, then stop (the job is kept as failed)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from adapters.jobs.queue import CappedBackoff


@given(
    base=st.floats(min_value=0.1, max_value=30),
    cap=st.floats(min_value=1, max_value=3600),
    attempts=st.integers(min_value=0, max_value=200),
)
def test_each_wait_is_at_least_the_last_and_never_above_the_cap(
    base: float, cap: float, attempts: int
) -> None:
    backoff = CappedBackoff(base_seconds=base, cap_seconds=cap)
    assert backoff.delay(attempts) <= backoff.delay(attempts + 1) <= cap
    assert backoff.delay(0) == min(cap, base)
