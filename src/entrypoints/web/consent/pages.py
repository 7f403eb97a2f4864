"""The consent context's pages: none of its own. Its section is part of a booking's page
(``entrypoints.web.bookings``); its files (``templates/``, ``static/``) are served with
every room's."""

from __future__ import annotations

from typing import Final

from litestar.handlers import HTTPRouteHandler

PAGES: Final[tuple[HTTPRouteHandler, ...]] = ()
