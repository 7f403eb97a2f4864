"""One app for many API tests.

Building the Litestar app (every route's signature, dependencies and schema) costs about a
second of CPU; the core behind it (the adapters, the use cases) a few milliseconds. The shelf
builds an app once per kind of HTTP settings (``entrypoints.app.http_config``, and which of
the sandbox's bank app and the local stores' mount its routes have) and lends it to one test
at a time, serving that test's own core (``entrypoints.http.serving``): its database, clock,
settings and adapters. Each loan runs the app's real lifespan: the core's adapters open, its
relay and watches start, and all of it stops again when the test ends. The rate limits'
counts start afresh with each loan.

Apps the loans leave in doubt (a lifespan that failed) are not lent again.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from litestar import Litestar

from entrypoints.app import http_config
from entrypoints.bundles import Bundles
from entrypoints.container import Core, bundles, close_adapters, open_adapters
from entrypoints.http.app import RATE_LIMIT_STORES, HttpConfig, build_app
from entrypoints.http.serving import serving_of
from entrypoints.tracing import start_tracing

Kind = tuple[HttpConfig, bool, bool]
IDLE_APPS = 8  # apps kept for later loans (each holds ~20 MB); the least recently lent go


class _Shelved:
    """An app, and the core it serves while lent (opened and closed by its lifespan)."""

    def __init__(self, config: HttpConfig, served: Bundles) -> None:
        self.core: Core | None = None
        self.app = build_app(served, config, on_startup=[self.open], on_shutdown=[self.close])

    async def open(self) -> None:
        assert self.core is not None
        await open_adapters(self.core)

    async def close(self) -> None:
        assert self.core is not None
        await close_adapters(self.core)


class AppShelf:
    def __init__(self) -> None:
        self._idle: OrderedDict[Kind, list[_Shelved]] = OrderedDict()
        self.built = 0

    @asynccontextmanager
    async def serving(self, core: Core) -> AsyncIterator[Litestar]:
        """An app serving ``core`` for the block, its lifespan running."""
        served = bundles(core)
        config = http_config(
            core.settings,
            start_tracing(
                "inkslot-api", background_statements=core.settings.trace_background_statements
            ),
        )
        kind = (config, served.sandbox is not None, served.storage_server is not None)
        shelved = self._take(kind) or self._build(config, served)
        serving_of(shelved.app).serve(served)
        shelved.core = core
        for name in RATE_LIMIT_STORES:
            await shelved.app.stores.get(name).delete_all()
        async with shelved.app.lifespan():
            yield shelved.app
        shelved.core = None  # not reached when the lifespan failed: the app is dropped
        self._put_back(kind, shelved)

    def _take(self, kind: Kind) -> _Shelved | None:
        idle = self._idle.get(kind)
        return idle.pop() if idle else None

    def _build(self, config: HttpConfig, served: Bundles) -> _Shelved:
        shelved = _Shelved(config, served)
        self.built += 1
        return shelved

    def _put_back(self, kind: Kind, shelved: _Shelved) -> None:
        self._idle.setdefault(kind, []).append(shelved)
        self._idle.move_to_end(kind)
        while sum(len(apps) for apps in self._idle.values()) > IDLE_APPS:
            oldest = next(iter(self._idle))
            self._idle[oldest].pop(0)
            if not self._idle[oldest]:
                del self._idle[oldest]
