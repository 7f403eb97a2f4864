"""One consent form in the console (``/console/settings/consent/{id}``): what a customer
reads and signs on it, its versions, and its words to edit, each change a new version
(``GetConsentForm``, ``GetFormVersion``, ``ReviseConsentForm``, ``RetireConsentForm``).
Another artist's form is "not found" (404), as in the API."""

from __future__ import annotations

from typing import Any, Final

from litestar import Request, get, post
from litestar.di import NamedDependency
from litestar.enums import MediaType
from litestar.params import FromPath
from litestar.response import Redirect, Template

from booking_domain.consent import ConsentFormNotFoundError, ConsentUseCases, FormId
from booking_domain.shared import DomainError
from entrypoints.web.consent.console import (
    CONSENT,
    NOT_ONE,
    form_context,
    form_id_of,
)
from entrypoints.web.consent.console_views import (
    draft_of,
    field_labels,
    preview_of,
    problem_label,
    rows_of,
    rows_typed,
)
from entrypoints.web.shared.console import (
    Desk,
    artist_desk,
    artist_form,
    back_to,
    console_page,
    refused_page,
)
from entrypoints.web.shared.console_forms import refusal_status, refusal_text
from entrypoints.web.shared.render import Lang
from entrypoints.web.shared.settings_forms import FieldProblemError, named_refusal
from entrypoints.web.shared.texts import translator

NO_SUCH_FORM: Final = "This consent form is not one of yours."
_MAX_VERSION: Final = 10**6


def _version(text: str | None) -> int | None:
    """``?version=``: a whole number, else None (the current one)."""
    cleaned = (text or "").strip()
    if cleaned.isascii() and cleaned.isdigit() and 0 < int(cleaned[:7]) <= _MAX_VERSION:
        return int(cleaned)
    return None


async def _form_page(
    request: Request[Any, Any, Any],
    desk: Desk,
    consent: ConsentUseCases,
    form_id: FormId,
    *,
    problem: str | None = None,
    status: int = 200,
    draft: dict[str, str] | None = None,
) -> Template:
    """The form's page (``ConsentFormNotFoundError`` for another artist's, or none)."""
    detail = await consent.get_form(desk.actor, form_id)
    form = detail.form
    shown = _version(request.query_params.get("version"))
    if shown not in detail.versions:  # no such version: the current one
        shown = None
    content = form.content
    if shown is not None and shown != form.version:
        content = (await consent.get_form_version(desk.actor, form_id, shown)).content
    translate = translator(desk.locale)
    typed = draft or {}
    return console_page(
        "console_settings_consent_form.html.j2",
        request,
        desk,
        status=status,
        tab="settings",
        problem=problem,
        saved=request.query_params.get("saved") == "1",
        form=form,
        versions=detail.versions,
        shown=shown or form.version,
        required=detail.required,
        preview=preview_of(content, translate),
        edit={
            "title": typed.get("title", form.content.title),
            "locale": typed.get("locale", form.content.locale),
            "statement": typed.get("statement", form.content.statement),
            "rows": rows_typed(typed) if draft is not None else rows_of(form.content),
        },
        **form_context(desk),
    )


async def _not_found(desk: Desk) -> Template:
    return refused_page(desk.locale, NO_SUCH_FORM, 404)


@get(f"{CONSENT}/{{form_id:str}}", include_in_schema=False, media_type=MediaType.HTML)
async def console_consent_form(
    request: Request[Any, Any, Any],
    form_id: FromPath[str],
    consent: NamedDependency[ConsentUseCases],
    lang: Lang = None,
) -> Template | Redirect:
    """One form: its preview (a version of it), its versions, its words to edit."""
    desk = await artist_desk(request, lang)
    if not isinstance(desk, Desk):
        return desk
    parsed = form_id_of(form_id)
    if parsed is None:
        return await _not_found(desk)
    try:
        return await _form_page(request, desk, consent, parsed)
    except ConsentFormNotFoundError:
        return await _not_found(desk)


@post(
    f"{CONSENT}/{{form_id:str}}",
    include_in_schema=False,
    media_type=MediaType.HTML,
    status_code=303,
)
async def console_revise_consent(
    request: Request[Any, Any, Any],
    form_id: FromPath[str],
    consent: NamedDependency[ConsentUseCases],
) -> Template | Redirect:
    """The form's next version, with the words given (``ReviseConsentForm``)."""
    opened = await artist_form(request)
    if not isinstance(opened, tuple):
        return opened
    desk, fields = opened
    parsed = form_id_of(form_id)
    if parsed is None:
        return await _not_found(desk)
    translate = translator(desk.locale)
    try:
        draft, rows = draft_of(fields)
    except FieldProblemError as bad:
        words = f"{problem_label(bad.field, translate)}: {translate(NOT_ONE)}"
        return await _answer(request, desk, consent, parsed, words, 422, fields)
    try:
        await consent.revise_form(desk.actor, parsed, draft)
    except DomainError as refused:
        words = named_refusal(desk.locale, refused, field_labels(rows, translate))
        return await _answer(request, desk, consent, parsed, words, refusal_status(refused), fields)
    return back_to(f"{CONSENT}/{parsed}", saved="1")


async def _answer(
    request: Request[Any, Any, Any],
    desk: Desk,
    consent: ConsentUseCases,
    form_id: FormId,
    problem: str,
    status: int,
    draft: dict[str, str] | None = None,
) -> Template:
    """The form's page with a refusal, or "not found" for a form that is not the artist's."""
    try:
        return await _form_page(
            request, desk, consent, form_id, problem=problem, status=status, draft=draft
        )
    except ConsentFormNotFoundError:
        return await _not_found(desk)


@post(
    f"{CONSENT}/{{form_id:str}}/retire",
    include_in_schema=False,
    media_type=MediaType.HTML,
    status_code=303,
)
async def console_retire_consent(
    request: Request[Any, Any, Any],
    form_id: FromPath[str],
    consent: NamedDependency[ConsentUseCases],
) -> Template | Redirect:
    """The form retired (``RetireConsentForm``): not while it is the one required."""
    opened = await artist_form(request)
    if not isinstance(opened, tuple):
        return opened
    desk, _ = opened
    parsed = form_id_of(form_id)
    if parsed is None:
        return await _not_found(desk)
    try:
        await consent.retire_form(desk.actor, parsed)
    except DomainError as refused:
        words = refusal_text(desk.locale, refused)
        return await _answer(request, desk, consent, parsed, words, refusal_status(refused))
    return back_to(CONSENT)


FORM_PAGES: Final = (console_consent_form, console_revise_consent, console_retire_consent)
