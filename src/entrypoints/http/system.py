"""Routes outside every context: liveness and readiness probes, and the docs page over the
OpenAPI document at ``/schema/openapi.json``."""

from __future__ import annotations

from litestar import MediaType, get

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


_PAGE = """<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Inkslot API</title>
  <link rel="stylesheet" href="https://cdn.jsdelivr.net/npm/swagger-ui-dist@5/swagger-ui.css">
</head>
<body>
  <noscript>The interactive documentation needs JavaScript; the raw OpenAPI document is at
  <a href="/schema/openapi.json">/schema/openapi.json</a>.</noscript>
  <div id="swagger-ui"></div>
  <script src="https://cdn.jsdelivr.net/npm/swagger-ui-dist@5/swagger-ui-bundle.js"></script>
  <script>
    window.ui = SwaggerUIBundle({url: "/schema/openapi.json", dom_id: "#swagger-ui",
                                 deepLinking: true, persistAuthorization: true});
  </script>
</body>
</html>
"""


@get("/docs", media_type=MediaType.HTML, include_in_schema=False, sync_to_thread=False)
def docs_page() -> str:
    return _PAGE
