"""The one interactive documentation page: Swagger UI over ``/schema/openapi.json``, served
at ``/schema`` from files vendored into this package (``docs_assets``), so it works offline
and trusts no CDN.

Litestar's own Swagger page embeds the schema in an inline script and loads its favicon from
a CDN. This page has no inline script or style at all, so its Content-Security-Policy (set by
``middleware.py`` for ``/schema``) can allow this origin only.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from litestar import Request, Router, get
from litestar.datastructures import CacheControlHeader
from litestar.openapi.plugins import SwaggerRenderPlugin
from litestar.response import Redirect
from litestar.static_files import create_static_files_router

SWAGGER_UI_VERSION = "5.35.0"  # npm swagger-ui-dist; see docs_assets/README.md
ASSETS = Path(__file__).parent / "docs_assets"
SCHEMA_PATH = "/schema"
_ASSETS_URL = f"{SCHEMA_PATH}/assets"


class OfflineSwaggerUI(SwaggerRenderPlugin):
    """Swagger UI from ``/schema/assets``; the page itself is static."""

    def __init__(self) -> None:
        super().__init__(
            version=SWAGGER_UI_VERSION,
            js_url=f"{_ASSETS_URL}/swagger-ui-bundle.js",
            css_url=f"{_ASSETS_URL}/swagger-ui.css",
            standalone_preset_js_url="",  # the base layout: no top bar to load other documents
            favicon=f'<link rel="icon" type="image/png" href="{_ASSETS_URL}/favicon-32x32.png">',
            path="/",
        )

    def render(self, request: Request[Any, Any, Any], openapi_schema: dict[str, Any]) -> bytes:
        title = html.escape(str(openapi_schema.get("info", {}).get("title", "API")))
        return f"""<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{title}</title>
  {self.favicon}
  <link rel="stylesheet" href="{self.css_url}">
</head>
<body>
  <noscript>The interactive documentation needs JavaScript; the OpenAPI document itself is at
  <a href="{SCHEMA_PATH}/openapi.json">{SCHEMA_PATH}/openapi.json</a>.</noscript>
  <div id="swagger-ui"></div>
  <script src="{self.js_url}"></script>
  <script src="{_ASSETS_URL}/inkslot-docs.js"></script>
</body>
</html>
""".encode()

    def receive_router(self, router: Router) -> None:
        """Serve the vendored files beside the page (under the OpenAPI router's path)."""
        router.register(
            create_static_files_router(
                path="/assets",
                directories=[ASSETS],
                cache_control=CacheControlHeader(public=True, max_age=24 * 3600),
                include_in_schema=False,
                name="docs-assets",
            )
        )


@get("/docs", include_in_schema=False, sync_to_thread=False)
def docs_redirect() -> Redirect:
    """The address the README and ``inkslot serve`` print: it leads to the page."""
    return Redirect(SCHEMA_PATH)
