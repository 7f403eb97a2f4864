"""Routes outside every context: liveness and readiness probes (the documentation page is
``docs.py``'s)."""

from __future__ import annotations

from litestar import get

from entrypoints.http.deps import HealthDep
from entrypoints.http.wire import View


class HealthView(View, frozen=True):
    status: str


@get("/health/live", tags=["health"], summary="The process is up")
async def live() -> HealthView:
    return HealthView(status="ok")


@get("/health/ready", tags=["health"], summary="The process can serve: the database answers")
async def ready(health: HealthDep) -> HealthView:
    await health.check()
    return HealthView(status="ok")
