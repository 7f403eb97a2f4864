"""Leaving a load balancer before stopping: on SIGTERM an API process first says it is not
ready, then stops.

For ``seconds`` after the first SIGTERM the process goes on serving every request, but
``/health/ready`` answers 503 (a load balancer polling it takes the process out of its
rotation) and every response says ``Connection: close`` (no client keeps a connection it
would find closed later). Then the server's own graceful stop runs, as a SIGTERM without a
drain would: it stops listening, lets the requests in flight finish and closes. A second
SIGTERM stops at once. With ``seconds`` at 0 nothing changes (the local profile's default:
Ctrl-C stops ``make run`` at once).

The drain takes the place of the server's SIGTERM handler from the app's start-up, in the
process that serves (each of ``--workers N`` processes has its own), and hands the signal to
that handler when its time is up.
"""

from __future__ import annotations

import asyncio
import logging
import signal
import threading
from types import FrameType

from booking_domain.shared import HealthProbe, ServiceUnavailableError

_log = logging.getLogger("inkslot.http")


class Drain:
    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.draining = False

    async def install(self) -> None:
        """Take over SIGTERM from the server (an on_startup hook: the server's handler is in
        place by then). Nothing to do without a drain, or off the main thread (where
        signals cannot be handled: an app inside a test client)."""
        if self.seconds <= 0 or threading.current_thread() is not threading.main_thread():
            return
        server_handler = signal.getsignal(signal.SIGTERM)
        if not callable(server_handler):
            return
        loop = asyncio.get_running_loop()

        def on_sigterm(signum: int, frame: FrameType | None) -> None:
            if self.draining:  # a second SIGTERM: no more waiting
                server_handler(signum, frame)
                return
            self.draining = True
            _log.info("SIGTERM: not ready for %.1f s, then stopping", self.seconds)
            loop.call_soon_threadsafe(loop.call_later, self.seconds, server_handler, signum, frame)

        signal.signal(signal.SIGTERM, on_sigterm)


class DrainingProbe(HealthProbe):
    """Readiness: not ready while draining, else what ``probe`` says."""

    def __init__(self, probe: HealthProbe, drain: Drain) -> None:
        self._probe = probe
        self._drain = drain

    async def check(self) -> None:
        if self._drain.draining:
            raise ServiceUnavailableError("This process is shutting down.")
        await self._probe.check()
