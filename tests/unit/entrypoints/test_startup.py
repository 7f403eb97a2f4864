"""A process starts with the cyclic garbage collector paused (entrypoints/startup.py), and
finds it as it was afterwards, whatever happened meanwhile."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from entrypoints.startup import (
    WORKER_YOUNG_AFTER,
    YOUNG_AFTER,
    collector_paused,
    settle_heap_for_serving,
)


@pytest.fixture
def collector_restored() -> Iterator[None]:
    enabled = gc.isenabled()
    yield
    (gc.enable if enabled else gc.disable)()


@pytest.mark.usefixtures("collector_restored")
@pytest.mark.parametrize("enabled", [True, False])
def test_the_collector_is_paused_in_the_block_and_as_it_was_after(enabled: bool) -> None:
    (gc.enable if enabled else gc.disable)()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled() is enabled
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError("start-up failed")
    assert gc.isenabled() is enabled


@pytest.fixture
def heap_restored() -> Iterator[None]:
    thresholds = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*thresholds)


@pytest.mark.usefixtures("heap_restored")
def test_a_settled_process_keeps_what_it_was_built_with_out_of_the_collectors_sight() -> None:
    """What is alive when a serving process settles (its modules, its container) is never
    walked again by a collection, and young collections run ten times less often."""
    kept: list[list[int]] = [[n] for n in range(3)]  # alive at settling, as a framework is
    gc.unfreeze()
    settle_heap_for_serving()
    walked = {id(o) for o in gc.get_objects()}  # what a collection would walk
    assert not walked & {id(k) for k in kept}
    assert gc.get_freeze_count() >= len(kept)
    assert gc.get_threshold()[0] == YOUNG_AFTER
    settle_heap_for_serving(young_after=WORKER_YOUNG_AFTER)
    assert gc.get_threshold()[0] == WORKER_YOUNG_AFTER
