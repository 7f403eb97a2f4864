"""The console's loyalty section: the artist's own program.

- ``GET /console/settings/loyalty``: whether the program is on, its rates and tiers, and
  what a customer earns with them, worked out by the domain (``loyalty.explain``) on the
  price of the artist's first service in the program's currency;
- ``POST /console/settings/loyalty``: the program set at once (``SetArtistProgram``, the
  API's ``PUT /artists/{id}/loyalty-program``: a new version; the ledger is untouched).

Amounts are typed in whole units and passed in minor units; bounds are the domain's
(``RATE_BOUNDS``, ``TIER_BOUNDS``): a field out of them is refused naming it (422), nothing
called; the domain's own refusals (an unknown currency, tiers out of order) are said on the
page with the fields they name. The page reads and sets the signed-in artist's own program
only: nothing in its address names an artist.
"""

from __future__ import annotations

from typing import Any, Final

from litestar import Request, get, post
from litestar.di import NamedDependency
from litestar.enums import MediaType
from litestar.response import Redirect, Template

from booking_domain.catalog import ArtistProfile, CatalogUseCases
from booking_domain.loyalty import Program, ProgramNotFoundError, explain
from booking_domain.loyalty.use_cases import LoyaltyUseCases
from booking_domain.shared import DomainError
from entrypoints.web.loyalty.views import (
    api_labels,
    bound_words,
    draft_values,
    earning_lines,
    field_label,
    form_values,
    program_settings,
)
from entrypoints.web.shared.console import (
    CONSOLE,
    Desk,
    Tab,
    artist_desk,
    back_to,
    checked_form,
    console_page,
)
from entrypoints.web.shared.console_forms import refusal_status
from entrypoints.web.shared.render import Lang
from entrypoints.web.shared.settings_forms import (
    FieldProblemError,
    bounds_problem,
    named_refusal,
)
from entrypoints.web.shared.texts import translator

LOYALTY: Final = f"{CONSOLE}/settings/loyalty"
SETTINGS_SECTIONS: Final = (Tab(90, "loyalty", LOYALTY, "Loyalty program"),)
BOUNDED: Final = (
    "spend_per_point",
    "point_value",
    "review_points",
    "max_share_percent",
    "expiry_days",
    "tier_threshold",
    "tier_multiplier_percent",
)


async def _own_program(
    loyalty: LoyaltyUseCases, desk: Desk, artist: ArtistProfile
) -> Program | None:
    try:
        return await loyalty.get_artist_program(desk.actor, artist.id)
    except ProgramNotFoundError:  # never set: the form starts empty
        return None


async def _example_price(
    catalog: CatalogUseCases, desk: Desk, artist: ArtistProfile, currency: str
) -> int | None:
    """The price of the artist's first offered service in the program's currency."""
    services = await catalog.list_services(desk.actor, artist.id)
    return next(
        (s.price.amount for s in services if s.active and s.price.currency == currency), None
    )


async def _page(
    request: Request[Any, Any, Any],
    desk: Desk,
    loyalty: LoyaltyUseCases,
    catalog: CatalogUseCases,
    *,
    problem: str | None = None,
    status: int = 200,
    draft: dict[str, str] | None = None,
) -> Template:
    artist = desk.artist
    assert artist is not None  # artist_desk sent anyone without a profile elsewhere
    program = await _own_program(loyalty, desk, artist)
    translate = translator(desk.locale)
    earning = None
    if program is not None:
        price = await _example_price(catalog, desk, artist, program.rates.currency)
        earning = earning_lines(explain(program.rates, price), translate)
    return console_page(
        "console_settings_loyalty.html.j2",
        request,
        desk,
        status=status,
        tab="settings",
        problem=problem,
        program=program,
        values=draft_values(draft) if draft is not None else form_values(program),
        earning=earning,
        saved=request.query_params.get("saved") == "1",
        bounds={name: bound_words(name) for name in BOUNDED},
    )


@get(LOYALTY, include_in_schema=False, media_type=MediaType.HTML)
async def console_loyalty(
    request: Request[Any, Any, Any],
    loyalty: NamedDependency[LoyaltyUseCases],
    catalog: NamedDependency[CatalogUseCases],
    lang: Lang = None,
) -> Template | Redirect:
    """The artist's own program, what it earns a customer, and the form that sets it."""
    desk = await artist_desk(request, lang)
    if not isinstance(desk, Desk):
        return desk
    return await _page(request, desk, loyalty, catalog)


@post(LOYALTY, include_in_schema=False, media_type=MediaType.HTML, status_code=303)
async def console_set_loyalty(
    request: Request[Any, Any, Any],
    loyalty: NamedDependency[LoyaltyUseCases],
    catalog: NamedDependency[CatalogUseCases],
) -> Template | Redirect:
    """The program on or off with its rates and tiers, at once (``SetArtistProgram``)."""
    desk = await artist_desk(request, None)
    if not isinstance(desk, Desk):
        return desk
    form = await checked_form(request, desk)
    if isinstance(form, Template):
        return form
    assert desk.artist is not None
    translate = translator(desk.locale)
    try:
        settings = program_settings(form)
    except FieldProblemError as bad:
        low, high = bound_words(bad.field)
        words = bounds_problem(translate, field_label(bad.field, translate), low, high)
        return await _page(request, desk, loyalty, catalog, problem=words, status=422, draft=form)
    try:
        await loyalty.set_artist_program(desk.actor, desk.artist.id, settings)
    except DomainError as refused:
        words = named_refusal(desk.locale, refused, api_labels(translate))
        status = refusal_status(refused)
        return await _page(
            request, desk, loyalty, catalog, problem=words, status=status, draft=form
        )
    return back_to(LOYALTY, saved="1")


CONSOLE_PAGES: Final = (console_loyalty, console_set_loyalty)
