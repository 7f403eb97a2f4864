"""``GET /book/{token}``: the page of a booking link, and its script and style sheet.

The page is rendered on the server from the catalogue's use cases (the link and its artist,
counted as a visit once per visitor and day, never for a ``HEAD``; the visit's ticket rides
in the page for its slot view; the artist's services and portfolio, studio and
cancellation policy) and the reviews' (the newest few, with their writers' shown names), so
all of it is read before paying. Everything after that (free slots, signing in, booking,
the deposit) the page's script does through the public API, on this same origin. A replaced
link answers 410 and an unknown one 404, each as a page that names nobody.

Security: a strict Content-Security-Policy (scripts and styles from this origin only, and
Telegram's Mini App script, which the page loads only when opened inside Telegram; no
inline script: the page's data rides in a JSON block the browser never runs), no referrer
(the address holds the token), no framing. The script keeps the access token in
``sessionStorage``, never in a cookie.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Final

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from litestar import Request, get
from litestar.di import NamedDependency
from litestar.enums import MediaType
from litestar.params import FromPath, QueryParameter
from litestar.plugins.jinja import JinjaTemplateEngine
from litestar.response import Template
from litestar.template.config import TemplateConfig

from booking_domain.catalog import VisitorFacts
from booking_domain.catalog.errors import BookingLinkGoneError, BookingLinkNotFoundError
from booking_domain.catalog.use_cases import CatalogUseCases
from booking_domain.reviews import ReviewUseCases
from booking_domain.shared.pages import PageRequest
from entrypoints.http.auth import client_address
from entrypoints.http.catalog.page.assets import asset_url, static_asset
from entrypoints.http.catalog.page.texts import page_locale, script_texts, translator
from entrypoints.http.catalog.page.views import (
    page_data,
    picture_view,
    policy_view,
    preview_view,
)
from entrypoints.http.middleware import is_head

HERE: Final = Path(__file__).parent
PORTFOLIO_SHOWN: Final = 12
REVIEWS_SHOWN: Final = 3  # the newest few, before paying

CONTENT_SECURITY_POLICY: Final = "; ".join(
    (
        "default-src 'none'",
        # Telegram's Mini App script, loaded only inside Telegram (common.js).
        "script-src 'self' https://telegram.org",
        "style-src 'self'",
        "connect-src 'self'",
        # Portfolio pictures come from the public store (this origin locally, a CDN in
        # production); the QR code is a data: image.
        "img-src 'self' data: https:",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)
# Beside what every response carries (no referrer: the address holds the token; nosniff;
# no framing: entrypoints/http/middleware.py), which keeps this policy instead of its own.
PAGE_HEADERS: Final = {"Content-Security-Policy": CONTENT_SECURITY_POLICY}

Lang = Annotated[str | None, QueryParameter(max_length=8)]


def page_templates() -> TemplateConfig[JinjaTemplateEngine]:
    """The Jinja2 environment of the page's templates (autoescaped, strict about names)."""
    environment = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        auto_reload=False,
    )
    environment.globals["asset"] = asset_url  # a static file's versioned address (assets.py)
    return TemplateConfig(instance=JinjaTemplateEngine.from_environment(environment))


def _page(name: str, locale: str, status: int, **context: Any) -> Template:
    return Template(
        template_name=name,
        context={"_": translator(locale), "lang": locale, **context},
        status_code=status,
        headers=PAGE_HEADERS,
        media_type=MediaType.HTML,
    )


@get("/book/{token:str}", include_in_schema=False, media_type=MediaType.HTML)
async def booking_page(
    token: FromPath[str],
    request: Request[Any, Any, Any],
    catalog: NamedDependency[CatalogUseCases],
    reviews: NamedDependency[ReviewUseCases],
    lang: Lang = None,
) -> Template:
    """The link's page (a visit of the link), or the page saying it was replaced (410) or
    is unknown (404)."""
    locale = page_locale(lang, request.headers.get("accept-language"))
    try:
        landing = await catalog.open_booking_link(token, _visitor(request))
    except BookingLinkGoneError:
        return _page("gone.html.j2", locale, 410)
    except BookingLinkNotFoundError:
        return _page("missing.html.j2", locale, 404)
    artist = landing.artist
    services = await catalog.list_services(None, artist.id)
    portfolio = await catalog.list_portfolio(None, artist.id, PageRequest(1, PORTFOLIO_SHOWN))
    images = catalog.artist_images(artist)
    studio = (
        None if artist.studio_id is None else (await catalog.get_studio(artist.studio_id)).studio
    )
    shown_reviews = await reviews.show_artist_reviews(artist.id, REVIEWS_SHOWN)
    data = page_data(landing, services, token, locale, script_texts(locale))
    shown = [e for e in portfolio.items if e.images]
    about = translator(locale)("Book a session with {name}.").replace("{name}", artist.display_name)
    return _page(
        "book.html.j2",
        locale,
        200,
        artist=artist,
        avatar=images.avatar[0].url if images.avatar else None,
        services=data["services"],
        portfolio=[(e.item, picture_view(e.images)) for e in shown],
        preview=preview_view(artist, [e.images for e in shown], about),
        studio=studio,
        policy=policy_view(artist.policy),
        reviews=shown_reviews,
        data=data,
        token=token,
    )


def _visitor(request: Request[Any, Any, Any]) -> VisitorFacts | None:
    """Who loads the page, for its visit; None for a ``HEAD``, which renders nothing and so
    is no visit."""
    if is_head(request.scope):
        return None
    return VisitorFacts(client_address(request), request.headers.get("user-agent", ""))


# What the app mounts beside the API (outside /api/v1 and its schema).
PAGE_ROUTES: Final = (booking_page, static_asset)
