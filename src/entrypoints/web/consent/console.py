"""The console's consent section: the artist's consent forms (docs/consent.md).

- ``GET /console/settings/consent``: the active forms (``ListConsentForms``), which one the
  artist requires (``GetConsentRequirement``), the choice of it and the form that writes a
  new one; ``POST .../consent``: a form made, version 1 (``CreateConsentForm``);
- ``POST .../consent/requirement``: the form required for the artist's bookings, or none
  (``SetConsentRequirement``);
- ``GET .../consent/{id}``: one form: what a customer reads and signs on it (its current
  version, or ``?version=n``: ``GetFormVersion``), its versions, and its words to edit;
  ``POST .../consent/{id}``: the next version published (``ReviseConsentForm``: earlier
  versions and what was signed on them stay); ``POST .../consent/{id}/retire``
  (``RetireConsentForm``: not while required).

Another artist's form is "not found" (404) on its page and every action, as in the API.
"""

from __future__ import annotations

from typing import Any, Final
from uuid import UUID

from litestar import Request, get, post
from litestar.di import NamedDependency
from litestar.enums import MediaType
from litestar.response import Redirect, Template

from booking_domain.consent import (
    LOCALES,
    MAX_FORMS,
    MAX_STATEMENT,
    MAX_TITLE,
    ConsentFormNotFoundError,
    ConsentUseCases,
    FormId,
)
from booking_domain.shared import DomainError
from entrypoints.web.consent.console_views import (
    draft_of,
    field_labels,
    kind_choices,
    problem_label,
    rows_of,
    rows_typed,
)
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
from entrypoints.web.shared.settings_forms import FieldProblemError, named_refusal
from entrypoints.web.shared.texts import translator

CONSENT: Final = f"{CONSOLE}/settings/consent"
SETTINGS_SECTIONS: Final = (Tab(60, "consent", CONSENT, "Consent forms"),)
NOT_ONE: Final = "Not one we offer."


def form_id_of(text: str) -> FormId | None:
    try:
        return FormId(UUID(text))
    except ValueError:
        return None


def form_context(desk: Desk) -> dict[str, Any]:
    """What a page with a consent form's fields shows them with."""
    translate = translator(desk.locale)
    return {
        "kinds": kind_choices(desk.locale, translate),
        "locales": LOCALES,
        "max_title": MAX_TITLE,
        "max_statement": MAX_STATEMENT,
    }


async def _list_page(
    request: Request[Any, Any, Any],
    desk: Desk,
    consent: ConsentUseCases,
    *,
    problem: str | None = None,
    status: int = 200,
    draft: dict[str, str] | None = None,
) -> Template:
    assert desk.artist is not None  # artist_desk sent anyone without a profile elsewhere
    forms = await consent.list_forms(desk.actor, desk.artist.id)
    required = await consent.get_requirement(desk.actor, desk.artist.id)
    typed = draft or {}
    return console_page(
        "console_settings_consent.html.j2",
        request,
        desk,
        status=status,
        tab="settings",
        problem=problem,
        forms=forms,
        required_id=required.requirement.form_id if required.requirement else None,
        full=len(forms) >= MAX_FORMS,
        most=MAX_FORMS,
        new={
            "title": typed.get("title", "")[: MAX_TITLE + 1],
            "locale": typed.get("locale", desk.locale),
            "statement": typed.get("statement", "")[: MAX_STATEMENT + 1],
            "rows": rows_typed(typed) if draft is not None else rows_of(None),
        },
        **form_context(desk),
    )


@get(CONSENT, include_in_schema=False, media_type=MediaType.HTML)
async def console_consent(
    request: Request[Any, Any, Any], consent: NamedDependency[ConsentUseCases], lang: Lang = None
) -> Template | Redirect:
    """The artist's consent forms, the one required, and a new one's form."""
    desk = await artist_desk(request, lang)
    if not isinstance(desk, Desk):
        return desk
    return await _list_page(request, desk, consent)


@post(CONSENT, include_in_schema=False, media_type=MediaType.HTML, status_code=303)
async def console_create_consent(
    request: Request[Any, Any, Any], consent: NamedDependency[ConsentUseCases]
) -> Template | Redirect:
    """A new form, version 1 (``CreateConsentForm``); then its own page."""
    opened = await artist_form(request)
    if not isinstance(opened, tuple):
        return opened
    desk, form = opened
    assert desk.artist is not None
    translate = translator(desk.locale)
    try:
        draft, rows = draft_of(form)
    except FieldProblemError as bad:
        words = f"{problem_label(bad.field, translate)}: {translate(NOT_ONE)}"
        return await _list_page(request, desk, consent, problem=words, status=422, draft=form)
    try:
        made = await consent.create_form(desk.actor, desk.artist.id, draft)
    except DomainError as refused:
        words = named_refusal(desk.locale, refused, field_labels(rows, translate))
        status = refusal_status(refused)
        return await _list_page(request, desk, consent, problem=words, status=status, draft=form)
    return back_to(f"{CONSENT}/{made.form.id}", saved="1")


@post(f"{CONSENT}/requirement", include_in_schema=False, media_type=MediaType.HTML, status_code=303)
async def console_require_consent(
    request: Request[Any, Any, Any], consent: NamedDependency[ConsentUseCases]
) -> Template | Redirect:
    """The form required for the artist's bookings (``form_id``), or none (empty)."""
    opened = await artist_form(request)
    if not isinstance(opened, tuple):
        return opened
    desk, form = opened
    assert desk.artist is not None
    chosen = form.get("form_id", "")
    form_id = form_id_of(chosen) if chosen else None
    try:
        if chosen and form_id is None:
            raise ConsentFormNotFoundError()
        await consent.set_requirement(desk.actor, desk.artist.id, form_id)
    except DomainError as refused:
        words = named_refusal(desk.locale, refused, {})
        return await _list_page(
            request, desk, consent, problem=words, status=refusal_status(refused)
        )
    return back_to(CONSENT)


CONSOLE_PAGES: Final = (console_consent, console_create_consent, console_require_consent)
