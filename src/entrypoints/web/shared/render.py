"""Rendering a page: the templates' environment, the headers every page answers with, and
the language it speaks.

Security (docs/booking-page.md): a strict Content-Security-Policy on every page (scripts and
styles from this origin only, and Telegram's Mini App script, which a page loads only when
opened inside Telegram; no inline script: a page's data rides in a JSON block the browser
never runs), no referrer (an address may hold a token), no framing. The pages that emails
and texts link to are never kept by a browser or a proxy (``no-store``): their addresses
carry secrets (a link's token) or lead to a person's booking.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Annotated, Any, Final

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from litestar import Request
from litestar.enums import MediaType
from litestar.params import QueryParameter
from litestar.plugins.jinja import JinjaTemplateEngine
from litestar.response import Template
from litestar.template.config import TemplateConfig

from entrypoints.web.shared.assets import asset_url
from entrypoints.web.shared.dates import date_words
from entrypoints.web.shared.folders import files, folders
from entrypoints.web.shared.texts import page_locale, script_texts, translator


def content_security_policy(
    frame_ancestors: str = "'none'",
    *,
    connect: Sequence[str] = (),
    frames: Sequence[str] = (),
) -> str:
    """The pages' policy; ``frame_ancestors`` is who may frame the page (``'none'``, or a
    booking page's ``'self'`` and its artist's own origins: ``catalog.frame_ancestors``);
    ``connect``: origins a page's script may reach besides this one (the store a console
    page uploads to); ``frames``: origins the page may frame (the Telegram Login Widget's,
    on the console's sign-in when it is offered)."""
    return "; ".join(
        (
            "default-src 'none'",
            # Telegram's Mini App script, loaded only inside Telegram (common.js), and its
            # Login Widget's, only where the console's sign-in offers it.
            "script-src 'self' https://telegram.org",
            "style-src 'self'",
            " ".join(("connect-src 'self'", *connect)),
            *((" ".join(("frame-src", *frames)),) if frames else ()),
            # Portfolio pictures come from the public store (this origin locally, a CDN in
            # production); the QR code is a data: image.
            "img-src 'self' data: https:",
            "base-uri 'none'",
            "form-action 'self'",
            f"frame-ancestors {frame_ancestors}",
        )
    )


CONTENT_SECURITY_POLICY: Final = content_security_policy()
# Beside what every response carries (no referrer: the address holds the token; nosniff;
# no framing: entrypoints/http/middleware.py), which keeps this policy instead of its own
# (and leaves out its ``X-Frame-Options`` where the policy lets the page be framed).
PAGE_HEADERS: Final = {"Content-Security-Policy": CONTENT_SECURITY_POLICY}
# The pages emails and texts link to: nothing of them may be kept.
LINKED_HEADERS: Final = {**PAGE_HEADERS, "Cache-Control": "no-store"}

# ``?lang=``: a page's language, before what the browser prefers (texts.page_locale).
Lang = Annotated[str | None, QueryParameter(max_length=8)]


def page_templates() -> TemplateConfig[JinjaTemplateEngine]:
    """The Jinja2 environment of every room's templates (autoescaped, strict about names),
    each named without its room (folders.py)."""
    files("templates")  # two rooms with one template's name stop the start
    environment = Environment(
        loader=FileSystemLoader(folders("templates")),
        autoescape=True,
        undefined=StrictUndefined,
        auto_reload=False,
    )
    environment.globals["asset"] = asset_url  # a static file's versioned address (assets.py)
    return TemplateConfig(instance=JinjaTemplateEngine.from_environment(environment))


def render(
    name: str, locale: str, status: int, headers: dict[str, str], **context: Any
) -> Template:
    """The template ``name`` in ``locale`` (its ``_()`` and ``lang``), with ``headers``."""
    return Template(
        template_name=name,
        context={"_": translator(locale), "lang": locale, **context},
        status_code=status,
        headers=headers,
        media_type=MediaType.HTML,
    )


def request_locale(request: Request[Any, Any, Any], lang: str | None) -> str:
    """The page's language: ``?lang=`` when it names one of ours, else ``Accept-Language``."""
    return page_locale(lang, request.headers.get("accept-language"))


def linked_page(
    name: str, request: Request[Any, Any, Any], lang: str | None, status: int, **context: Any
) -> Template:
    """A page that emails and texts link to (``no-store``), in the visitor's language."""
    return render(name, request_locale(request, lang), status, LINKED_HEADERS, **context)


def shell_page(
    name: str,
    request: Request[Any, Any, Any],
    lang: str | None,
    texts: Mapping[str, str],
    *,
    fields: Mapping[str, object] | None = None,
    **context: Any,
) -> Template:
    """A linked page whose script does the work through the API: its ``data`` block holds
    ``fields``, the language, the script's ``texts`` in it and its date words."""
    locale = request_locale(request, lang)
    data = {
        **(fields or {}),
        "lang": locale,
        "texts": script_texts(locale, texts),
        "dates": date_words(locale),
    }
    return render(name, locale, 200, LINKED_HEADERS, data=data, **context)


def missing_page(request: Request[Any, Any, Any], lang: str | None) -> Template:
    """The "not found" page (404) of an address that names nothing: it names nobody."""
    return linked_page("missing.html.j2", request, lang, 404)
