"""The web room assembled: every registered context's pages, found by name as the API's
routes are (the ``PAGES`` of ``entrypoints.web.<name>.pages``, for each context of the
registry, ``entrypoints.contexts``, that has a room here), the static files they share, and
the templates' environment. ``entrypoints.http.app`` serves them beside the API, outside
``/api/v1`` and its schema.

A context without pages has no room here; a room whose name the registry does not hold is
served by nothing (a test refuses one).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from importlib import import_module
from importlib.util import find_spec

from litestar.handlers import HTTPRouteHandler

from entrypoints.contexts import registered
from entrypoints.web.shared.assets import static_asset
from entrypoints.web.shared.render import page_templates

Pages = Sequence[HTTPRouteHandler]

__all__ = ["Pages", "context_pages", "page_routes", "page_templates"]


def context_pages() -> Iterator[tuple[str, Pages]]:
    """Each registered context's name and ``PAGES``, in the registry's order, for the
    contexts that have a room here."""
    for entry in registered():
        room = f"{__package__}.{entry.name}"
        if find_spec(room) is None:
            continue
        pages: Pages = import_module(f"{room}.pages").PAGES
        yield entry.name, pages


def page_routes() -> list[HTTPRouteHandler]:
    """What the app serves of the web room: every context's pages and the static files."""
    return [*(page for _, pages in context_pages() for page in pages), static_asset]
