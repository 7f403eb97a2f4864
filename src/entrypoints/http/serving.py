"""What an app serves: one core's use cases, and the tasks that run beside its requests.

The app reads every context's bundle through its ``Serving`` on each request (the handlers'
dependencies, the guards, the local stores' mount), and the tasks that belong to the core
(the event relay, the pool gauges) start and stop with the app's lifespan. So the framework
side of an app (its routes, signatures and schema, built once: about a second of CPU) is
bound to a core only while its lifespan runs, and :meth:`Serving.serve` gives it another core
between a stop and the next start. A server process serves one core for its lifetime; the API
tests build one app per kind of settings and serve each test's own core with it.
"""

from __future__ import annotations

from collections.abc import Collection

from litestar import Litestar

from booking_domain.accounts import SessionFamilyId
from entrypoints.bundles import Bundles
from entrypoints.http.lifespan import LifespanTask, bounded
from entrypoints.http.metrics import PoolWatch
from entrypoints.http.stream.relay import Channels, RelayTask
from entrypoints.http.stream.sessions import SessionWatch, Watched

SERVING = "serving"  # the app's state key of its Serving
SECURE_COOKIES = "secure_cookies"  # the app's state key: its cookies are HTTPS-only
# The app's state keys of what the console's pages say to the browser about other sites:
# the origins a browser uploads to (the store's signed PUT URLs: the settings' pages allow
# them in ``connect-src``), and the bot whose Login Widget signs into the console (None:
# no "Sign in with Telegram").
UPLOAD_ORIGINS = "upload_origins"
TELEGRAM_LOGIN_BOT = "telegram_login_bot"


def serving_of(app: Litestar) -> Serving:
    """The core ``app`` serves."""
    serving: Serving = app.state[SERVING]
    return serving


class ServingError(RuntimeError):
    """A core the app cannot serve now (running), or was not built for (other routes)."""


class Serving:
    """The core an app serves; one per app (``build_app`` makes it, :func:`serving_of`
    finds it)."""

    def __init__(self, bundles: Bundles, channels: Channels) -> None:
        self._bundles = bundles
        self._channels = channels
        self._tasks: list[LifespanTask] = []
        self._running = False
        # One watch for the app's life: the streams it watches belong to the requests in
        # flight, and it asks the sessions of whichever core is served.
        self.session_watch = SessionWatch(self._ended_sessions)

    @property
    def bundles(self) -> Bundles:
        return self._bundles

    def serve(self, bundles: Bundles) -> None:
        """Serve another core from the next start. The routes were built for the first one:
        the sandbox's bank app and the local stores' mount exist only where it had them, so
        the new core must have (or lack) them too."""
        if self._running:
            raise ServingError("an app serves another core only between a stop and a start")
        if _routed(bundles) != _routed(self._bundles):
            raise ServingError("this app's routes were built for a core with other parts")
        self._bundles = bundles

    async def start(self) -> None:
        """Start the served core's tasks (after its adapters are open)."""
        bundles = self._bundles
        channels = self._channels
        self._tasks = [
            RelayTask(bundles.relay, channels.plugin, channels.listeners),
            self.session_watch,
            PoolWatch(bundles.operations),
        ]
        for task in self._tasks:
            await task.start()
        self._running = True

    async def stop(self) -> None:
        """Stop the tasks, newest first, each within its bounded time (before the adapters
        close)."""
        for task in reversed(self._tasks):
            await bounded(task.stop)()
        self._tasks = []
        self._running = False

    async def _ended_sessions(self, watched: Collection[Watched]) -> frozenset[SessionFamilyId]:
        return await self._bundles.accounts.ended_sessions(watched)


def _routed(bundles: Bundles) -> tuple[bool, bool]:
    """What of a core decides the app's routes."""
    return bundles.sandbox is not None, bundles.storage_server is not None
