"""``GET /book/{token}``: the page of a booking link.

The page is rendered on the server from the catalogue's use cases (the link and its artist,
counted as a visit once per visitor and day, never for a ``HEAD``; the visit's ticket rides
in the page for its slot view; the artist's services and portfolio, studio and
cancellation policy) and the reviews' (the newest few, with their writers' shown names), so
all of it is read before paying. Everything after that (free slots, signing in, booking,
the deposit) the page's script (``book.js``) does through the public API, on this same
origin. A replaced link answers 410 and an unknown one 404, each as a page that names
nobody.

Security: the pages' Content-Security-Policy (``entrypoints.web.shared.render``), no
referrer (the address holds the token), no framing but by the artist's own site when they
listed its origins (``frame-ancestors 'self'`` and exactly those; ``'none'`` otherwise, and
on the 404 and 410 pages). The script keeps the access token in
``sessionStorage``, never in a cookie.
"""

from __future__ import annotations

from typing import Any, Final

from litestar import Request, get
from litestar.di import NamedDependency
from litestar.enums import MediaType
from litestar.params import FromPath
from litestar.response import Template

from booking_domain.catalog import VisitorFacts, frame_ancestors
from booking_domain.catalog.errors import BookingLinkGoneError, BookingLinkNotFoundError
from booking_domain.catalog.use_cases import CatalogUseCases
from booking_domain.reviews import ReviewUseCases
from booking_domain.shared.pages import PageRequest
from entrypoints.http.auth import client_address
from entrypoints.http.middleware import is_head
from entrypoints.web.catalog.admin import ADMIN_PAGES
from entrypoints.web.catalog.console import CONSOLE_PAGES
from entrypoints.web.catalog.flash_console import FLASH_PAGES
from entrypoints.web.catalog.link_console import LINK_PAGES
from entrypoints.web.catalog.portfolio_console import PORTFOLIO_PAGES
from entrypoints.web.catalog.profile_console import PROFILE_PAGES
from entrypoints.web.catalog.settings_console import SETTINGS_PAGES
from entrypoints.web.catalog.settings_uploads import UPLOAD_PAGES
from entrypoints.web.catalog.studio_console import STUDIO_PAGES
from entrypoints.web.catalog.texts import SCRIPT_TEXTS
from entrypoints.web.catalog.views import (
    page_data,
    picture_view,
    policy_view,
    preview_view,
)
from entrypoints.web.shared.render import PAGE_HEADERS, Lang, content_security_policy, render
from entrypoints.web.shared.texts import page_locale, script_texts, translator

PORTFOLIO_SHOWN: Final = 12
REVIEWS_SHOWN: Final = 3  # the newest few, before paying


def _page(
    name: str, locale: str, status: int, headers: dict[str, str] = PAGE_HEADERS, **context: Any
) -> Template:
    return render(name, locale, status, headers, **context)


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
    data = page_data(landing, services, token, locale, script_texts(locale, SCRIPT_TEXTS))
    shown = [e for e in portfolio.items if e.images]
    about = translator(locale)("Book a session with {name}.").replace("{name}", artist.display_name)
    # Framed by the artist's own site only when they listed it (catalog.embedding).
    policy = content_security_policy(frame_ancestors(artist.embed_origins))
    return _page(
        "book.html.j2",
        locale,
        200,
        {"Content-Security-Policy": policy},
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


# The catalogue's pages (entrypoints.web.site serves them beside the API, outside /api/v1).
PAGES: Final = (
    booking_page,
    *CONSOLE_PAGES,
    *LINK_PAGES,
    *STUDIO_PAGES,
    *ADMIN_PAGES,
    *PROFILE_PAGES,
    *PORTFOLIO_PAGES,
    *FLASH_PAGES,
    *UPLOAD_PAGES,
    *SETTINGS_PAGES,
)
