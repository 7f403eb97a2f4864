"""The consent context's pages: the console's consent forms (``console.py``: the list, a
new form and the one required; ``form_console.py``: one form, its preview and versions).
Its section of a booking's page is the booking's (``entrypoints.web.bookings``); its files
(``templates/``, ``static/``) are served with every room's."""

from __future__ import annotations

from typing import Final

from litestar.handlers import HTTPRouteHandler

from entrypoints.web.consent.console import CONSOLE_PAGES
from entrypoints.web.consent.form_console import FORM_PAGES

PAGES: Final[tuple[HTTPRouteHandler, ...]] = (*CONSOLE_PAGES, *FORM_PAGES)
