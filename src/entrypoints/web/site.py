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
from litestar.plugins.jinja import JinjaTemplateEngine
from litestar.template.config import TemplateConfig

from entrypoints.contexts import registered
from entrypoints.web.shared.assets import static_asset
from entrypoints.web.shared.console import Tab
from entrypoints.web.shared.render import page_templates as room_templates

Pages = Sequence[HTTPRouteHandler]

__all__ = [
    "Pages",
    "console_settings",
    "console_tabs",
    "context_pages",
    "page_routes",
    "page_templates",
]


def _rooms() -> Iterator[tuple[str, str]]:
    """Each registered context's name and web room, for the contexts that have one."""
    for entry in registered():
        room = f"{__package__}.{entry.name}"
        if find_spec(room) is not None:
            yield entry.name, room


def context_pages() -> Iterator[tuple[str, Pages]]:
    """Each registered context's name and ``PAGES``, in the registry's order, for the
    contexts that have a room here."""
    for name, room in _rooms():
        pages: Pages = import_module(f"{room}.pages").PAGES
        yield name, pages


def _gathered(name: str) -> list[Tab]:
    """Every room's ``console.<name>`` (a sequence of ``Tab``), by their order."""
    tabs = [
        tab
        for _, room in _rooms()
        if find_spec(f"{room}.console") is not None
        for tab in getattr(import_module(f"{room}.console"), name, ())
    ]
    return sorted(tabs)


def console_tabs() -> list[Tab]:
    """The console's tabs: every room's ``console.TABS``, by their order."""
    return _gathered("TABS")


def console_settings() -> list[Tab]:
    """The sections of the console's settings (``/console/settings/<key>``): every room's
    ``console.SETTINGS_SECTIONS``, by their order (the settings' index lists them)."""
    return _gathered("SETTINGS_SECTIONS")


def page_templates() -> TemplateConfig[JinjaTemplateEngine]:
    """The rooms' templates (``render.page_templates``), the console's tabs known to them
    (``console_tabs``: the console's navigation) and its settings' sections
    (``console_settings``: the settings' index)."""
    config = room_templates()
    assert config.instance is not None
    config.instance.engine.globals["console_tabs"] = console_tabs()
    config.instance.engine.globals["settings_sections"] = console_settings()
    return config


def page_routes() -> list[HTTPRouteHandler]:
    """What the app serves of the web room: every context's pages and the static files."""
    return [*(page for _, pages in context_pages() for page in pages), static_asset]
