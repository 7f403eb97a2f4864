"""The booking page a booking link opens (``GET /book/{token}``): server-rendered HTML in
English or Mongolian, with a little script of its own that talks to the public API; and the
pages that emails and texts link to (``linked.py``: a booking, the account links)."""

from typing import Final

from entrypoints.http.catalog.page.linked import LINKED_ROUTES
from entrypoints.http.catalog.page.page import PAGE_ROUTES as BOOK_ROUTES
from entrypoints.http.catalog.page.page import page_templates

PAGE_ROUTES: Final = (*BOOK_ROUTES, *LINKED_ROUTES)

__all__ = ["PAGE_ROUTES", "page_templates"]
