"""The console's settings of the artist's portfolio (docs/console.md, "Profile and
portfolio"):

- ``GET /console/settings/portfolio``: the pieces in their order (``ListPortfolio``), each
  with its picture, caption, style tags and place, fifty a page (``?page=``); and the form
  that adds one;
- ``POST /console/settings/portfolio``: a piece added (its picture finished here,
  ``settings_uploads``, then ``AddPortfolioItem``);
- ``POST /console/settings/portfolio/{id}``: its caption, tags and place changed
  (``UpdatePortfolioItem``); ``POST .../{id}/remove``: taken away (``DeletePortfolioItem``).

Another artist's piece is "not found" (404) on every action, nothing changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, Final
from uuid import UUID

from litestar import Request, get, post
from litestar.enums import MediaType
from litestar.params import FromPath, QueryParameter
from litestar.response import Redirect, Template

from booking_domain.catalog import PortfolioItemId
from booking_domain.shared import DomainError, NotFoundError, PermissionDeniedError
from booking_domain.shared.pages import PageRequest
from entrypoints.http.serving import serving_of
from entrypoints.web.catalog.settings_uploads import (
    CHOOSE_PICTURE,
    NoPictureError,
    finished_upload,
    upload_policy,
)
from entrypoints.web.shared.console import (
    CONSOLE,
    Desk,
    artist_desk,
    artist_form,
    back_to,
    console_page,
    refused_page,
)
from entrypoints.web.shared.console_forms import (
    NOT_A_NUMBER,
    BadFieldError,
    optional_number,
    refusal_status,
    refusal_text,
)
from entrypoints.web.shared.render import Lang
from entrypoints.web.shared.texts import translator

PORTFOLIO: Final = f"{CONSOLE}/settings/portfolio"
NOT_YOUR_PIECE: Final = "This piece is not in your portfolio."
PER_PAGE: Final = 50
_MAX_TEXT: Final = 4000  # longer than the rules take (2,000): they refuse it whole
_MAX_POSITION: Final = 1_000_000  # the API's bound
PageNumber = Annotated[int, QueryParameter(ge=1, le=1000)]


@dataclass(frozen=True, slots=True)
class PieceLine:
    id: str
    picture: str | None
    large: str | None
    description: str
    tags: str
    position: int


def _tags(text: str) -> tuple[str, ...]:
    return tuple(t for t in (part.strip() for part in text.split(",")) if t)


async def _page(
    request: Request[Any, Any, Any],
    desk: Desk,
    page: int = 1,
    *,
    problem: str | None = None,
    status: int = 200,
    draft: dict[str, str] | None = None,
) -> Template:
    assert desk.artist is not None  # artist_desk sent anyone without a profile elsewhere
    catalog = serving_of(request.app).bundles.catalog
    found = await catalog.list_portfolio(desk.actor, desk.artist.id, PageRequest(page, PER_PAGE))
    lines = []
    for entry in found.items:
        urls = {image.name: image.url for image in entry.images}
        item = entry.item
        lines.append(
            PieceLine(
                id=str(item.id),
                picture=urls.get("small") or urls.get("large"),
                large=urls.get("large"),
                description=item.description,
                tags=", ".join(item.style_tags),
                position=item.position,
            )
        )
    return console_page(
        "console_settings_portfolio.html.j2",
        request,
        desk,
        status=status,
        tab="settings",
        policy=upload_policy(request),
        lines=lines,
        page=page,
        more=found.total > page * PER_PAGE,
        problem=problem,
        draft=draft or {},
    )


@get(PORTFOLIO, include_in_schema=False, media_type=MediaType.HTML)
async def console_portfolio(
    request: Request[Any, Any, Any], lang: Lang = None, page: PageNumber = 1
) -> Template | Redirect:
    """The portfolio's pieces, and the form that adds one."""
    desk = await artist_desk(request, lang)
    if not isinstance(desk, Desk):
        return desk
    return await _page(request, desk, page)


@post(PORTFOLIO, include_in_schema=False, media_type=MediaType.HTML, status_code=303)
async def console_add_piece(request: Request[Any, Any, Any]) -> Template | Redirect:
    """A piece added, last in the order; a refusal keeps the caption and tags typed."""
    opened = await artist_form(request)
    if not isinstance(opened, tuple):
        return opened
    desk, form = opened
    description, tags = form.get("description", "")[:_MAX_TEXT], form.get("tags", "")[:_MAX_TEXT]
    draft = {"description": description, "tags": tags}
    catalog = serving_of(request.app).bundles.catalog
    try:
        upload = await finished_upload(request, desk, form, "portfolio")
        await catalog.add_portfolio_item(
            desk.actor, upload, description=description, style_tags=_tags(tags)
        )
    except NoPictureError:
        problem = translator(desk.locale)(CHOOSE_PICTURE)
        return await _page(request, desk, problem=problem, status=422, draft=draft)
    except DomainError as refused:
        problem, status = refusal_text(desk.locale, refused), refusal_status(refused)
        return await _page(request, desk, problem=problem, status=status, draft=draft)
    return back_to(PORTFOLIO)


def _piece_id(text: str) -> PortfolioItemId | None:
    try:
        return PortfolioItemId(UUID(text))
    except ValueError:
        return None


@post(
    f"{PORTFOLIO}/{{item_id:str}}",
    include_in_schema=False,
    media_type=MediaType.HTML,
    status_code=303,
)
async def console_change_piece(
    request: Request[Any, Any, Any], item_id: FromPath[str]
) -> Template | Redirect:
    """A piece's caption, tags and place in the order."""
    opened = await artist_form(request)
    if not isinstance(opened, tuple):
        return opened
    desk, form = opened
    parsed = _piece_id(item_id)
    if parsed is None:
        return refused_page(desk.locale, NOT_YOUR_PIECE, 404)
    catalog = serving_of(request.app).bundles.catalog
    try:
        position = optional_number(form.get("position"), 0, _MAX_POSITION)
        await catalog.update_portfolio_item(
            desk.actor,
            parsed,
            description=form.get("description", "")[:_MAX_TEXT],
            style_tags=_tags(form.get("tags", "")[:_MAX_TEXT]),
            position=position,
        )
    except BadFieldError:
        return await _page(request, desk, problem=translator(desk.locale)(NOT_A_NUMBER), status=422)
    except DomainError as refused:
        return await _refused(request, desk, refused)
    return back_to(PORTFOLIO)


async def _refused(request: Request[Any, Any, Any], desk: Desk, refused: DomainError) -> Template:
    if isinstance(refused, NotFoundError | PermissionDeniedError):  # another artist's piece
        return refused_page(desk.locale, NOT_YOUR_PIECE, 404)
    problem, status = refusal_text(desk.locale, refused), refusal_status(refused)
    return await _page(request, desk, problem=problem, status=status)


@post(
    f"{PORTFOLIO}/{{item_id:str}}/remove",
    include_in_schema=False,
    media_type=MediaType.HTML,
    status_code=303,
)
async def console_remove_piece(
    request: Request[Any, Any, Any], item_id: FromPath[str]
) -> Template | Redirect:
    """A piece taken away with its pictures."""
    opened = await artist_form(request)
    if not isinstance(opened, tuple):
        return opened
    desk, _ = opened
    parsed = _piece_id(item_id)
    if parsed is None:
        return refused_page(desk.locale, NOT_YOUR_PIECE, 404)
    catalog = serving_of(request.app).bundles.catalog
    try:
        await catalog.delete_portfolio_item(desk.actor, parsed)
    except DomainError as refused:
        return await _refused(request, desk, refused)
    return back_to(PORTFOLIO)


PORTFOLIO_PAGES: Final = (
    console_portfolio,
    console_add_piece,
    console_change_piece,
    console_remove_piece,
)
