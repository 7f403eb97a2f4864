"""The worker: background tasks on the job queue, as its own process (``inkslot worker``) or
inside ``inkslot serve`` in the local profile. What each context runs in the background is
declared beside it, in ``entrypoints.worker.<context>`` (``entrypoints.worker.work``)."""

from entrypoints.worker.runner import run_worker, run_worker_until_cancelled

__all__ = ["run_worker", "run_worker_until_cancelled"]
