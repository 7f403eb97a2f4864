"""Routes outside every context: liveness and readiness probes (the documentation page is
``docs.py``'s)."""

from __future__ import annotations

from litestar import get
from litestar.di import NamedDependency

from booking_domain.shared import HealthProbe
from entrypoints.http.wire import View

HealthDep = NamedDependency[HealthProbe]


class HealthView(View, frozen=True):
    status: str


@get("/health/live", tags=["health"], summary="The process is up")
async def live() -> HealthView:
    return HealthView(status="ok")


@get("/health/ready", tags=["health"], summary="The process can serve: the database answers")
async def ready(health: HealthDep) -> HealthView:
    await health.check()
    return HealthView(status="ok")
