"""Starting a process: its imports and its app built with the cyclic garbage collector
paused.

Start-up makes hundreds of thousands of objects that live as long as the process (the
modules, the framework's compiled routes, the container); a collection while they are being
made walks them all and frees nothing. A third of a serving process's start-up CPU went to
it: importing the app took 2.0-2.7 s of CPU with the collector running, 1.5-1.7 s paused
(docs/performance.md, "Start-up"). Whatever is alive afterwards is frozen out of the
collector's sight (:func:`settle_heap_for_serving`).

This module imports nothing heavy itself: uvicorn's worker processes name
:func:`app_from_env` as their factory, so that their imports happen inside the pause too.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from litestar import Litestar


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """No automatic collection while the block runs (an explicit ``gc.collect()`` still
    works); the collector is as it was afterwards, whatever happens."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# Collect the young generation after 7,000 net allocations instead of 700: a request or a
# job makes hundreds of short-lived containers, most gone by the time it ends.
YOUNG_AFTER = 7_000
# The job worker answers no request waiting on a pause: it collects after 50,000, a
# collection of its young objects costing about as much whatever their number, since most
# are gone by then (in a told burst: 1.1 s of collecting at 7,000, 0.4 s at 50,000).
WORKER_YOUNG_AFTER = 50_000


def settle_heap_for_serving(*, young_after: int = YOUNG_AFTER) -> None:
    """Call once in a serving process (an API process, the job worker), once it is built.
    Everything alive then (the framework, the container, the compiled routes, the tasks)
    lives as long as the process, so it is frozen out of the collector's sight, and young
    collections run less often. Without it, a full collection walks the whole heap and
    stalls everything in flight: at 64 clients the creation p99 was 120-150 ms, with it
    64-68 ms; a job worker spent a fifth of its CPU in a told burst collecting, a full
    collection taking 250-450 ms, a twentieth with it, and a fiftieth with its own young
    threshold (``WORKER_YOUNG_AFTER``; docs/performance.md)."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(young_after, 10, 10)


def app_from_env() -> Litestar:
    """Factory for uvicorn's worker processes (``entrypoints.app.app_from_env``), imported
    and built with the collector paused."""
    with collector_paused():
        from entrypoints.app import app_from_env as build

        return build()
