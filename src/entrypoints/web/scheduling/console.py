"""The console's availability: when the artist works, and what that offers.

- ``GET /console/availability``: the weekly hours by day (Monday first), the time off and
  other date overrides from today on, the scheduling settings, and a preview: the free
  starts of the artist's first active service over the next 7 days in the artist's zone
  (``FindFreeSlots``, the API's slots);
- ``POST /console/availability/rules`` (``AddWeeklyRule``) and
  ``.../rules/{id}/remove`` (``RemoveWeeklyRule``);
- ``POST /console/availability/overrides`` (``PutDateOverride``: a closed day, or one
  window that replaces the weekly hours of that date) and ``.../overrides/{id}/remove``
  (``RemoveDateOverride``);
- ``POST /console/availability/settings`` (``UpdateSchedulingPolicy``; an empty field keeps
  its value).

Every handler: who is at the desk, the form's token, one use case, back to the page; a
refusal is said on the page (docs/console.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any, Final
from uuid import UUID

from litestar import Request, get, post
from litestar.di import NamedDependency
from litestar.enums import MediaType
from litestar.params import FromPath
from litestar.response import Redirect, Template

from booking_domain.catalog import CatalogUseCases, Service
from booking_domain.scheduling.use_cases import (
    MAX_SLOTS_PER_QUERY,
    RuleFields,
    SchedulingUseCases,
)
from booking_domain.shared import Clock, DomainError
from entrypoints.web.scheduling.views import (
    SETTING_BOUNDS,
    clock_of,
    override_fields,
    override_of,
    policy_fields,
    settings_of,
    week_of,
)
from entrypoints.web.shared.console import (
    CONSOLE,
    Desk,
    Tab,
    artist_desk,
    back_to,
    checked_form,
    console_page,
    refused_page,
)
from entrypoints.web.shared.console_forms import (
    NOT_A_NUMBER,
    BadFieldError,
    refusal_status,
    refusal_text,
    whole_number,
)
from entrypoints.web.shared.render import Lang
from entrypoints.web.shared.texts import translator

AVAILABILITY: Final = f"{CONSOLE}/availability"
TABS: Final = (Tab(40, "availability", AVAILABILITY, "Availability"),)
NOT_THERE: Final = "These hours are not there any more."
BAD_DATE: Final = "Enter a date as YYYY-MM-DD."
PREVIEW_DAYS: Final = 7


@dataclass(frozen=True, slots=True)
class _Counter:
    """What a handler of this page works with."""

    request: Request[Any, Any, Any]
    desk: Desk
    scheduling: SchedulingUseCases
    catalog: CatalogUseCases
    clock: Clock


async def _preview(at: _Counter, services: tuple[Service, ...]) -> dict[str, Any] | None:
    """The free starts of the first active service over the next days, by local date; None
    when the artist offers no service."""
    desk, artist = at.desk, at.desk.artist
    service = next((s for s in services if s.active), None)
    if service is None or artist is None:
        return None
    today = desk.local(at.clock.now()).date()
    start = datetime.combine(today, time(), desk.zone)
    end = datetime.combine(today + timedelta(days=PREVIEW_DAYS), time(), desk.zone)
    days = [today + timedelta(days=n) for n in range(PREVIEW_DAYS)]
    by_day: dict[date, list[str]] = {day: [] for day in days}
    try:
        found = await at.scheduling.find_free_slots(
            desk.actor, artist.id, service.id, start, end, MAX_SLOTS_PER_QUERY
        )
    except DomainError as refused:
        return {"service": service.name, "days": [], "problem": refusal_text(desk.locale, refused)}
    for moment in found.starts:
        local = desk.local(moment)
        by_day.setdefault(local.date(), []).append(local.strftime("%H:%M"))
    return {
        "service": service.name,
        "days": [
            {"date": day.isoformat(), "weekday": day.isoweekday() % 7, "starts": by_day[day]}
            for day in days
        ],
        "more": found.next_from is not None,
        "problem": None,
    }


async def _page(at: _Counter, *, problem: str | None = None, status: int = 200) -> Template:
    desk = at.desk
    assert desk.artist is not None  # artist_desk sent anyone without a profile elsewhere
    availability = await at.scheduling.get_availability(desk.actor, desk.artist.id)
    services = await at.catalog.list_services(desk.actor, desk.artist.id)
    artist = availability.artist
    return console_page(
        "console_availability.html.j2",
        at.request,
        desk,
        status=status,
        tab="availability",
        problem=problem,
        zone=artist.time_zone,
        week=week_of(availability.rules),
        overrides=[override_of(o) for o in availability.overrides],
        settings=settings_of(artist.policy),
        bounds=SETTING_BOUNDS,
        preview=await _preview(at, services),
        today=desk.local(at.clock.now()).date().isoformat(),
    )


async def _refused(at: _Counter, refused: DomainError) -> Template:
    problem = refusal_text(at.desk.locale, refused)
    return await _page(at, problem=problem, status=refusal_status(refused))


async def _bad_form(at: _Counter, message: str) -> Template:
    return await _page(at, problem=translator(at.desk.locale)(message), status=422)


@get(AVAILABILITY, include_in_schema=False, media_type=MediaType.HTML)
async def console_availability(
    request: Request[Any, Any, Any],
    scheduling: NamedDependency[SchedulingUseCases],
    catalog: NamedDependency[CatalogUseCases],
    clock: NamedDependency[Clock],
    lang: Lang = None,
) -> Template | Redirect:
    """The weekly hours, the date overrides, the settings and the next days' free starts."""
    desk = await artist_desk(request, lang)
    if not isinstance(desk, Desk):
        return desk
    return await _page(_Counter(request, desk, scheduling, catalog, clock))


async def _counter(
    request: Request[Any, Any, Any],
    scheduling: SchedulingUseCases,
    catalog: CatalogUseCases,
    clock: Clock,
) -> tuple[_Counter, dict[str, str]] | Template | Redirect:
    """The desk and the form of a POST, or the answer to give instead (signed out, no
    profile, no valid form token: nothing is done)."""
    desk = await artist_desk(request, None)
    if not isinstance(desk, Desk):
        return desk
    form = await checked_form(request, desk)
    if isinstance(form, Template):
        return form
    return _Counter(request, desk, scheduling, catalog, clock), form


@post(f"{AVAILABILITY}/rules", include_in_schema=False, media_type=MediaType.HTML, status_code=303)
async def console_add_rule(
    request: Request[Any, Any, Any],
    scheduling: NamedDependency[SchedulingUseCases],
    catalog: NamedDependency[CatalogUseCases],
    clock: NamedDependency[Clock],
) -> Template | Redirect:
    """A window of weekly hours on one day (``day`` 0 = Sunday .. 6, ``start``, ``end``)."""
    opened = await _counter(request, scheduling, catalog, clock)
    if not isinstance(opened, tuple):
        return opened
    at, form = opened
    try:
        day = whole_number(form.get("day"), 0, 6)
    except BadFieldError:
        return await _bad_form(at, NOT_A_NUMBER)
    fields = RuleFields(day, clock_of(form.get("start")), clock_of(form.get("end")))
    try:
        await scheduling.add_weekly_rule(at.desk.actor, fields)
    except DomainError as refused:
        return await _refused(at, refused)
    return back_to(AVAILABILITY)


def _uuid(text: str) -> UUID | None:
    try:
        return UUID(text)
    except ValueError:
        return None


@post(
    f"{AVAILABILITY}/rules/{{rule_id:str}}/remove",
    include_in_schema=False,
    media_type=MediaType.HTML,
    status_code=303,
)
async def console_remove_rule(
    request: Request[Any, Any, Any],
    rule_id: FromPath[str],
    scheduling: NamedDependency[SchedulingUseCases],
    catalog: NamedDependency[CatalogUseCases],
    clock: NamedDependency[Clock],
) -> Template | Redirect:
    """One window of the weekly hours removed; another artist's is "not found"."""
    opened = await _counter(request, scheduling, catalog, clock)
    if not isinstance(opened, tuple):
        return opened
    at, _ = opened
    parsed = _uuid(rule_id)
    if parsed is None:
        return refused_page(at.desk.locale, NOT_THERE, 404)
    try:
        await scheduling.remove_weekly_rule(at.desk.actor, parsed)
    except DomainError as refused:
        return await _refused(at, refused)
    return back_to(AVAILABILITY)


@post(
    f"{AVAILABILITY}/overrides",
    include_in_schema=False,
    media_type=MediaType.HTML,
    status_code=303,
)
async def console_put_override(
    request: Request[Any, Any, Any],
    scheduling: NamedDependency[SchedulingUseCases],
    catalog: NamedDependency[CatalogUseCases],
    clock: NamedDependency[Clock],
) -> Template | Redirect:
    """A date closed (``kind=closed``: time off) or open in its own window (``kind=open``,
    ``start``, ``end``), replacing that date's override."""
    opened = await _counter(request, scheduling, catalog, clock)
    if not isinstance(opened, tuple):
        return opened
    at, form = opened
    fields = override_fields(form)
    if fields is None:
        return await _bad_form(at, BAD_DATE)
    try:
        await scheduling.put_date_override(at.desk.actor, fields)
    except DomainError as refused:
        return await _refused(at, refused)
    return back_to(AVAILABILITY)


@post(
    f"{AVAILABILITY}/overrides/{{override_id:str}}/remove",
    include_in_schema=False,
    media_type=MediaType.HTML,
    status_code=303,
)
async def console_remove_override(
    request: Request[Any, Any, Any],
    override_id: FromPath[str],
    scheduling: NamedDependency[SchedulingUseCases],
    catalog: NamedDependency[CatalogUseCases],
    clock: NamedDependency[Clock],
) -> Template | Redirect:
    """A date override removed (the date follows the weekly hours again)."""
    opened = await _counter(request, scheduling, catalog, clock)
    if not isinstance(opened, tuple):
        return opened
    at, _ = opened
    parsed = _uuid(override_id)
    if parsed is None:
        return refused_page(at.desk.locale, NOT_THERE, 404)
    try:
        await scheduling.remove_date_override(at.desk.actor, parsed)
    except DomainError as refused:
        return await _refused(at, refused)
    return back_to(AVAILABILITY)


@post(
    f"{AVAILABILITY}/settings",
    include_in_schema=False,
    media_type=MediaType.HTML,
    status_code=303,
)
async def console_settings(
    request: Request[Any, Any, Any],
    scheduling: NamedDependency[SchedulingUseCases],
    catalog: NamedDependency[CatalogUseCases],
    clock: NamedDependency[Clock],
) -> Template | Redirect:
    """The scheduling settings changed at once (``UpdateSchedulingPolicy``)."""
    opened = await _counter(request, scheduling, catalog, clock)
    if not isinstance(opened, tuple):
        return opened
    at, form = opened
    assert at.desk.artist is not None
    try:
        changes = policy_fields(form)
    except BadFieldError:
        return await _bad_form(at, NOT_A_NUMBER)
    try:
        await scheduling.update_policy(at.desk.actor, at.desk.artist.id, changes)
    except DomainError as refused:
        return await _refused(at, refused)
    return back_to(AVAILABILITY)


CONSOLE_PAGES: Final = (
    console_availability,
    console_add_rule,
    console_remove_rule,
    console_put_override,
    console_remove_override,
    console_settings,
)
