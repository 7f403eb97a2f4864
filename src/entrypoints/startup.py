"""Starting a process: its imports and its app built with the cyclic garbage collector
paused.

Start-up makes hundreds of thousands of objects that live as long as the process (the
modules, the framework's compiled routes, the container); a collection while they are being
made walks them all and frees nothing. A third of a serving process's start-up CPU went to
it: importing the app took 2.0-2.7 s of CPU with the collector running, 1.5-1.7 s paused
(docs/performance.md, "Start-up"). Whatever is alive afterwards is frozen out of the
collector's sight (``entrypoints.app.settle_heap_for_serving``).

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


def app_from_env() -> Litestar:
    """Factory for uvicorn's worker processes (``entrypoints.app.app_from_env``), imported
    and built with the collector paused."""
    with collector_paused():
        from entrypoints.app import app_from_env as build

        return build()
