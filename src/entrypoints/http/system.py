"""Routes outside every context: liveness and readiness probes (the documentation page is
``docs.py``'s)."""

from __future__ import annotations

from litestar import get
from litestar.di import NamedDependency

from booking_domain.shared import HealthProbe
from entrypoints.http.problem_docs import raises_exactly
from entrypoints.http.wire import View

HealthDep = NamedDependency[HealthProbe]
# The probes raise nothing of the domain: readiness answers 503 when the database does not
# (the code every operation documents).
PROBE_RAISES = raises_exactly()


class HealthView(View, frozen=True):
    status: str


@get("/health/live", tags=["health"], summary="The process is up", opt=PROBE_RAISES)
async def live() -> HealthView:
    return HealthView(status="ok")


@get(
    "/health/ready",
    tags=["health"],
    summary="The process can serve: the database answers",
    opt=PROBE_RAISES,
)
async def ready(health: HealthDep) -> HealthView:
    await health.check()
    return HealthView(status="ok")
