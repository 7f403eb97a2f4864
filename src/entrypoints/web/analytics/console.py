"""The console's insights: the artist's own figures over time (``ArtistAnalytics``, the
API's ``GET /artists/{id}/analytics``).

- ``GET /console/insights`` (``?period=4w|3m|12m``, or ``?from=&to=``, and ``?by=day|week|
  month``): money received, bookings, utilisation, cancellations and no-shows per period,
  each as a chart drawn on the server (inline SVG) with its numbers in a table; the range's
  totals, customers and top services;
- ``GET /console/insights.csv`` (the same query): the figures as a spreadsheet file (the
  API's CSV is for bearer tokens; this one is the console session's).

A range the use case refuses (reversed, too long for its grouping, off the calendar), or a
date that is no date, is said on the page (422) and nothing is read. Every handler: who is
at the desk, one use case, the page (docs/console.md).
"""

from __future__ import annotations

from typing import Annotated, Any, Final

from litestar import Request, Response, get
from litestar.di import NamedDependency
from litestar.enums import MediaType
from litestar.params import QueryParameter
from litestar.response import Redirect, Template

from booking_domain.analytics import ArtistReport, DateRange
from booking_domain.analytics.use_cases import AnalyticsUseCases
from booking_domain.shared import Clock, DomainError
from entrypoints.web.analytics.views import (
    GROUPINGS,
    PRESETS,
    Choice,
    choice_of,
    insights_of,
    insights_rows,
)
from entrypoints.web.shared.console import (
    CONSOLE,
    Desk,
    Tab,
    artist_desk,
    console_page,
    refused_page,
    with_renewal,
)
from entrypoints.web.shared.console_forms import refusal_status, refusal_text
from entrypoints.web.shared.render import Lang
from entrypoints.web.shared.spreadsheet import spreadsheet, spreadsheet_answer
from entrypoints.web.shared.texts import translator

INSIGHTS: Final = f"{CONSOLE}/insights"
TABS: Final = (Tab(80, "insights", INSIGHTS, "Insights"),)
BAD_DATES: Final = "Enter both dates as YYYY-MM-DD."
BAD_RANGE: Final = "These dates cannot be shown: choose them again on the insights page."
Short = Annotated[str | None, QueryParameter(max_length=20)]
First = Annotated[str | None, QueryParameter(name="from", max_length=20)]
Last = Annotated[str | None, QueryParameter(name="to", max_length=20)]


async def _report(
    analytics: AnalyticsUseCases, desk: Desk, choice: Choice
) -> ArtistReport | DomainError:
    """The artist's figures over the chosen range, or the use case's refusal of it."""
    assert desk.artist is not None  # artist_desk sent anyone without a profile elsewhere
    try:
        span = DateRange(choice.first, choice.last, choice.by)
        return await analytics.artist_analytics(desk.actor, desk.artist.id, span)
    except DomainError as refused:
        return refused


def _page(
    request: Request[Any, Any, Any],
    desk: Desk,
    choice: Choice | None,
    asked: dict[str, str],
    report: ArtistReport | None = None,
    *,
    problem: str | None = None,
    status: int = 200,
) -> Template:
    query = (
        None
        if choice is None
        else f"from={choice.first.isoformat()}&to={choice.last.isoformat()}&by={choice.by.value}"
    )
    return console_page(
        "console_insights.html.j2", request, desk, status=status, tab="insights",
        choice=choice, asked=asked, presets=PRESETS, groupings=GROUPINGS, query=query,
        insights=None if report is None else insights_of(report),
        zone=desk.zone.key, problem=problem,
    )  # fmt: skip


@get(INSIGHTS, include_in_schema=False, media_type=MediaType.HTML)
async def console_insights(
    request: Request[Any, Any, Any],
    analytics: NamedDependency[AnalyticsUseCases],
    clock: NamedDependency[Clock],
    lang: Lang = None,
    period: Short = None,
    first: First = None,
    last: Last = None,
    by: Short = None,
) -> Template | Redirect:
    """The artist's figures over a range, as charts and tables."""
    desk = await artist_desk(request, lang)
    if not isinstance(desk, Desk):
        return desk
    asked = {"from": first or "", "to": last or "", "by": by or ""}
    choice = choice_of(period, first, last, by, desk.local(clock.now()).date())
    if choice is None:
        problem = translator(desk.locale)(BAD_DATES)
        return _page(request, desk, None, asked, problem=problem, status=422)
    found = await _report(analytics, desk, choice)
    if isinstance(found, DomainError):
        problem = refusal_text(desk.locale, found)
        return _page(request, desk, choice, asked, problem=problem, status=refusal_status(found))
    return _page(request, desk, choice, asked, found)


@get(f"{INSIGHTS}.csv", include_in_schema=False)
async def console_insights_csv(
    request: Request[Any, Any, Any],
    analytics: NamedDependency[AnalyticsUseCases],
    clock: NamedDependency[Clock],
    lang: Lang = None,
    period: Short = None,
    first: First = None,
    last: Last = None,
    by: Short = None,
) -> Response[bytes] | Template | Redirect:
    """The same figures as a spreadsheet file (``insights-<from>-<to>.csv``, never kept)."""
    desk = await artist_desk(request, lang)
    if not isinstance(desk, Desk):
        return desk
    choice = choice_of(period, first, last, by, desk.local(clock.now()).date())
    if choice is None:
        return refused_page(desk.locale, BAD_DATES, 422)
    found = await _report(analytics, desk, choice)
    if isinstance(found, DomainError):
        return refused_page(desk.locale, BAD_RANGE, refusal_status(found))
    name = f"insights-{choice.first.isoformat()}-{choice.last.isoformat()}.csv"
    body = spreadsheet(insights_rows(found, translator(desk.locale)))
    return with_renewal(spreadsheet_answer(body, name), request, desk)


CONSOLE_PAGES: Final = (console_insights, console_insights_csv)
