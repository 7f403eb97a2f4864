"""Liveness and readiness probes."""

from __future__ import annotations

from litestar import get
from litestar.di import NamedDependency

from entrypoints.http.dto import HealthView
from entrypoints.http.services import ApiServices


@get("/health/live", tags=["health"], summary="The process is up")
async def live() -> HealthView:
    return HealthView(status="ok")


@get("/health/ready", tags=["health"], summary="The process can serve: the database answers")
async def ready(services: NamedDependency[ApiServices]) -> HealthView:
    await services.health.check()
    return HealthView(status="ok")
