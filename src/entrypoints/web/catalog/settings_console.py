"""The console's settings of what follows a session and what comes before one.

- ``GET``/``POST /console/settings/aftercare``: the aftercare text, when it is sent, when
  the review request is sent, and how long a free touch-up may be booked (``GetAftercare``,
  ``SetAftercare``: the API's ``/artists/{id}/aftercare``);
- ``GET /console/settings/reminders``: how long before an appointment its parties are
  reminded (``GetReminderOffsets``); ``POST .../reminders`` adds one, ``.../remove`` takes
  one away, ``.../off`` turns them all off (``SetReminderOffsets``: the API's
  ``/artists/{id}/reminders``).

Bounds are the domain's (``AFTERCARE_BOUNDS``, ``OFFSET_MINUTES_BOUNDS``, ``MAX_OFFSETS``);
a field out of them is refused on the page naming it (422), nothing called; the use cases'
own refusals are said on the page with the fields they name. Reminders live in
notifications, their page here beside the aftercare settings (both are the artist's
messages around a session).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

from litestar import Request, get, post
from litestar.di import NamedDependency
from litestar.enums import MediaType
from litestar.response import Redirect, Template

from booking_domain.catalog import AFTERCARE_BOUNDS, MAX_AFTERCARE_TEXT
from booking_domain.catalog.use_cases import AftercareChoice, CatalogUseCases
from booking_domain.notifications import MAX_OFFSETS, OFFSET_MINUTES_BOUNDS, NotificationUseCases
from booking_domain.shared import ArtistId, DomainError
from entrypoints.web.shared.console import (
    CONSOLE,
    Desk,
    Tab,
    artist_desk,
    artist_form,
    back_to,
    console_page,
)
from entrypoints.web.shared.console_forms import refusal_status
from entrypoints.web.shared.render import Lang
from entrypoints.web.shared.settings_forms import (
    FieldProblemError,
    bounded_number,
    bounds_problem,
    joined_minutes,
    minutes_words,
    named_refusal,
    split_minutes,
)
from entrypoints.web.shared.texts import translator

SETTINGS: Final = f"{CONSOLE}/settings"
AFTERCARE: Final = f"{SETTINGS}/aftercare"
REMINDERS: Final = f"{SETTINGS}/reminders"
SETTINGS_SECTIONS: Final = (
    Tab(70, "aftercare", AFTERCARE, "Aftercare"),
    Tab(80, "reminders", REMINDERS, "Reminders"),
)
# The aftercare form's fields, their labels, and the API's names of them (its refusals').
AFTERCARE_LABELS: Final = {
    "text": "Aftercare text",
    "aftercare_delay_minutes": "Send the aftercare after",
    "review_delay_minutes": "Ask for a review after",
    "touch_up_days": "Free touch-ups within (days)",
}
_API_FIELDS: Final = {
    "text": "text",
    "aftercareDelayMinutes": "aftercare_delay_minutes",
    "reviewDelayMinutes": "review_delay_minutes",
    "touchUpDays": "touch_up_days",
}
OFFSET_LABEL: Final = "Remind before the appointment"


@dataclass(frozen=True, slots=True)
class _At:
    request: Request[Any, Any, Any]
    desk: Desk

    @property
    def artist_id(self) -> ArtistId:
        assert self.desk.artist is not None  # artist_desk sent anyone without one elsewhere
        return self.desk.artist.id


async def _opened(
    request: Request[Any, Any, Any],
) -> tuple[_At, dict[str, str]] | Template | Redirect:
    """The desk and the form of a POST, or the answer to give instead (signed out, no
    profile, no valid form token: nothing is done)."""
    opened = await artist_form(request)
    if not isinstance(opened, tuple):
        return opened
    desk, form = opened
    return _At(request, desk), form


def _bound_words(at: _At, name: str) -> tuple[str, str]:
    translate = translator(at.desk.locale)
    low, high = AFTERCARE_BOUNDS[name]
    if name == "touch_up_days":
        return f"{low:,}", f"{high:,}"
    return minutes_words(low, translate), minutes_words(high, translate)


async def _aftercare_page(
    at: _At,
    catalog: CatalogUseCases,
    *,
    problem: str | None = None,
    status: int = 200,
    draft: dict[str, str] | None = None,
) -> Template:
    settings = await catalog.get_aftercare(at.desk.actor, at.artist_id)
    translate = translator(at.desk.locale)
    values = {
        "text": settings.text,
        "aftercare_delay_minutes": split_minutes(settings.aftercare_minutes),
        "review_delay_minutes": split_minutes(settings.review_minutes),
        "touch_up_days": settings.touch_up_days,
    }
    return console_page(
        "console_settings_aftercare.html.j2",
        at.request,
        at.desk,
        status=status,
        tab="settings",
        problem=problem,
        values=values,
        draft=draft or {},
        labels=AFTERCARE_LABELS,
        bounds=AFTERCARE_BOUNDS,
        bound_words={name: _bound_words(at, name) for name in AFTERCARE_BOUNDS},
        max_text=MAX_AFTERCARE_TEXT,
        saved=at.request.query_params.get("saved") == "1",
        chosen=settings.updated_at is not None,
        sent_after=minutes_words(settings.aftercare_minutes, translate),
        review_after=minutes_words(settings.review_minutes, translate),
    )


@get(AFTERCARE, include_in_schema=False, media_type=MediaType.HTML)
async def console_aftercare(
    request: Request[Any, Any, Any], catalog: NamedDependency[CatalogUseCases], lang: Lang = None
) -> Template | Redirect:
    """The artist's aftercare settings and the form that sets them all at once."""
    desk = await artist_desk(request, lang)
    if not isinstance(desk, Desk):
        return desk
    return await _aftercare_page(_At(request, desk), catalog)


def _aftercare_choice(form: dict[str, str]) -> AftercareChoice:
    """The form's choice (``FieldProblemError`` for a number out of its bounds)."""
    text = form.get("text", "")
    if len(text) > MAX_AFTERCARE_TEXT * 2:  # far past the limit: refused before anything
        raise FieldProblemError("text")
    bounds = AFTERCARE_BOUNDS
    return AftercareChoice(
        text=text,
        aftercare_delay_minutes=joined_minutes(
            form, "aftercare_delay_minutes", bounds["aftercare_delay_minutes"]
        ),
        review_delay_minutes=joined_minutes(
            form, "review_delay_minutes", bounds["review_delay_minutes"]
        ),
        touch_up_days=bounded_number(form, "touch_up_days", bounds["touch_up_days"]),
    )


@post(AFTERCARE, include_in_schema=False, media_type=MediaType.HTML, status_code=303)
async def console_set_aftercare(
    request: Request[Any, Any, Any], catalog: NamedDependency[CatalogUseCases]
) -> Template | Redirect:
    """Every aftercare setting at once (``SetAftercare``)."""
    opened = await _opened(request)
    if not isinstance(opened, tuple):
        return opened
    at, form = opened
    try:
        choice = _aftercare_choice(form)
    except FieldProblemError as bad:
        low, high = (
            _bound_words(at, bad.field) if bad.field != "text" else ("0", f"{MAX_AFTERCARE_TEXT:,}")
        )
        words = bounds_problem(translator(at.desk.locale), AFTERCARE_LABELS[bad.field], low, high)
        return await _aftercare_page(at, catalog, problem=words, status=422, draft=form)
    try:
        await catalog.set_aftercare(at.desk.actor, at.artist_id, choice)
    except DomainError as refused:
        said = translator(at.desk.locale)
        labels = {api: said(AFTERCARE_LABELS[name]) for api, name in _API_FIELDS.items()}
        words = named_refusal(at.desk.locale, refused, labels)
        return await _aftercare_page(
            at, catalog, problem=words, status=refusal_status(refused), draft=form
        )
    return back_to(AFTERCARE, saved="1")


async def _reminders_page(
    at: _At, notifications: NotificationUseCases, *, problem: str | None = None, status: int = 200
) -> Template:
    offsets = await notifications.get_reminder_offsets(at.desk.actor, at.artist_id)
    translate = translator(at.desk.locale)
    low, high = OFFSET_MINUTES_BOUNDS
    return console_page(
        "console_settings_reminders.html.j2",
        at.request,
        at.desk,
        status=status,
        tab="settings",
        problem=problem,
        offsets=[{"minutes": m, "words": minutes_words(m, translate)} for m in offsets.minutes],
        full=len(offsets.minutes) >= MAX_OFFSETS,
        most=MAX_OFFSETS,
        low_words=minutes_words(low, translate),
        high_words=minutes_words(high, translate),
        high=high,
    )


@get(REMINDERS, include_in_schema=False, media_type=MediaType.HTML)
async def console_reminders(
    request: Request[Any, Any, Any],
    notifications: NamedDependency[NotificationUseCases],
    lang: Lang = None,
) -> Template | Redirect:
    """The artist's reminders, longest before first, and the forms that change them."""
    desk = await artist_desk(request, lang)
    if not isinstance(desk, Desk):
        return desk
    return await _reminders_page(_At(request, desk), notifications)


async def _set_offsets(
    at: _At, notifications: NotificationUseCases, minutes: list[int]
) -> Template | Redirect:
    try:
        await notifications.set_reminder_offsets(at.desk.actor, at.artist_id, minutes)
    except DomainError as refused:
        words = named_refusal(at.desk.locale, refused, {})
        return await _reminders_page(
            at, notifications, problem=words, status=refusal_status(refused)
        )
    return back_to(REMINDERS)


@post(REMINDERS, include_in_schema=False, media_type=MediaType.HTML, status_code=303)
async def console_add_reminder(
    request: Request[Any, Any, Any], notifications: NamedDependency[NotificationUseCases]
) -> Template | Redirect:
    """One more reminder (``offset`` and ``offset_unit``), beside the ones there are."""
    opened = await _opened(request)
    if not isinstance(opened, tuple):
        return opened
    at, form = opened
    translate = translator(at.desk.locale)
    try:
        added = joined_minutes(form, "offset", OFFSET_MINUTES_BOUNDS)
    except FieldProblemError:
        low, high = (minutes_words(m, translate) for m in OFFSET_MINUTES_BOUNDS)
        words = bounds_problem(translate, OFFSET_LABEL, low, high)
        return await _reminders_page(at, notifications, problem=words, status=422)
    current = (await notifications.get_reminder_offsets(at.desk.actor, at.artist_id)).minutes
    return await _set_offsets(at, notifications, [*current, added])


@post(f"{REMINDERS}/remove", include_in_schema=False, media_type=MediaType.HTML, status_code=303)
async def console_remove_reminder(
    request: Request[Any, Any, Any], notifications: NamedDependency[NotificationUseCases]
) -> Template | Redirect:
    """The reminder of ``minutes`` taken away (one that is not there changes nothing)."""
    opened = await _opened(request)
    if not isinstance(opened, tuple):
        return opened
    at, form = opened
    try:
        gone = bounded_number(form, "minutes", OFFSET_MINUTES_BOUNDS)
    except FieldProblemError:
        translate = translator(at.desk.locale)
        low, high = (minutes_words(m, translate) for m in OFFSET_MINUTES_BOUNDS)
        words = bounds_problem(translate, OFFSET_LABEL, low, high)
        return await _reminders_page(at, notifications, problem=words, status=422)
    current = (await notifications.get_reminder_offsets(at.desk.actor, at.artist_id)).minutes
    return await _set_offsets(at, notifications, [m for m in current if m != gone])


@post(f"{REMINDERS}/off", include_in_schema=False, media_type=MediaType.HTML, status_code=303)
async def console_reminders_off(
    request: Request[Any, Any, Any], notifications: NamedDependency[NotificationUseCases]
) -> Template | Redirect:
    """No reminders at all (an empty list, as the API's ``[]``)."""
    opened = await _opened(request)
    if not isinstance(opened, tuple):
        return opened
    at, _ = opened
    return await _set_offsets(at, notifications, [])


SETTINGS_PAGES: Final = (
    console_aftercare,
    console_set_aftercare,
    console_reminders,
    console_add_reminder,
    console_remove_reminder,
    console_reminders_off,
)
