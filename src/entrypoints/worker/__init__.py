"""The worker: background tasks on the job queue, as its own process (``inkslot worker``),
also the one ``inkslot serve`` starts beside the API in the local profile. What each context
runs in the background is declared beside it, in ``entrypoints.worker.<context>``
(``entrypoints.worker.work``)."""

from entrypoints.worker.runner import run_worker

__all__ = ["run_worker"]
