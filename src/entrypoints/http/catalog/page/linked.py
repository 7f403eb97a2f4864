"""The pages that emails and texts link to, served beside the booking page:

- ``GET /bookings/{id}`` (and its ``/reschedule``, ``/cancel``, ``/pay``, ``/review`` and
  ``/consent`` links): the visitor's own booking, its consent form included. The server
  knows nobody here (the access token lives in the tab's ``sessionStorage``), so the page
  is a shell: its script signs in and asks the API, which decides who may see and change
  the booking (and its consent); anyone else's booking is the API's 404.
- ``GET /requests/{id}``: a tattoo request (the ``commissions`` context), the link in its
  notifications: the same kind of shell, its script reading the request and its thread
  from the API, which shows them to the request's two parties (and admins) only.
- ``GET /loyalty``: one's points (the ``loyalty`` context), the link in the points
  messages: a shell whose script reads the visitor's own accounts and their latest entries
  from the API (``/me/loyalty``).
- ``GET /verify-email``, ``/reset-password``, ``/unlock``: the account emails' links. The
  ``token`` in their query string is read by the page's script and posted to the API; it
  is never written into the HTML, and the answer is ``no-store`` (the middleware adds
  ``Referrer-Policy: no-referrer`` to every response, and the page repeats it in a meta tag).

The same templates, style sheet, strict Content-Security-Policy and languages as
``GET /book/{token}`` (``page.py``).
"""

from __future__ import annotations

from typing import Annotated, Any, Final, Literal
from uuid import UUID

from litestar import Request, get
from litestar.enums import MediaType
from litestar.params import FromPath, QueryParameter
from litestar.response import Template

from entrypoints.http.catalog.page.dates import date_words
from entrypoints.http.catalog.page.linked_texts import (
    ACCOUNT_TEXTS,
    BOOKING_TEXTS,
    CONSENT_FORM_TEXTS,
    LOYALTY_TEXTS,
    REQUEST_TEXTS,
)
from entrypoints.http.catalog.page.page import CONTENT_SECURITY_POLICY
from entrypoints.http.catalog.page.texts import page_locale, script_texts, translator
from entrypoints.http.locale import SUPPORTED_LOCALES

# Nothing of these pages may be kept by a browser or a proxy: their addresses carry secrets
# (a link's token) or lead to a person's booking.
LINKED_HEADERS: Final = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "Cache-Control": "no-store",
}
# What a booking's links in messages add to its address (notifications/facts.py: Links).
BOOKING_ACTIONS: Final = ("reschedule", "cancel", "pay", "review", "consent")

Lang = Annotated[str | None, QueryParameter(max_length=8)]
Purpose = Literal["verify", "reset", "unlock"]


def _render(
    name: str, request: Request[Any, Any, Any], lang: str | None, status: int, **context: Any
) -> Template:
    locale = page_locale(lang, request.headers.get("accept-language"))
    return Template(
        template_name=name,
        context={"_": translator(locale), "lang": locale, **context},
        status_code=status,
        headers=LINKED_HEADERS,
        media_type=MediaType.HTML,
    )


def _booking(
    booking_id: str, action: str | None, request: Request[Any, Any, Any], lang: str | None
) -> Template:
    try:
        parsed = UUID(booking_id)
    except ValueError:
        return _render("missing.html.j2", request, lang, 404)
    locale = page_locale(lang, request.headers.get("accept-language"))
    data = {
        "bookingId": str(parsed),
        "action": action,
        "lang": locale,
        "texts": script_texts(locale, BOOKING_TEXTS),
        # A consent form's controls speak its language, whichever the page's is.
        "formTexts": {code: script_texts(code, CONSENT_FORM_TEXTS) for code in SUPPORTED_LOCALES},
        "dates": date_words(locale),
    }
    return _render("mine.html.j2", request, lang, 200, data=data)


@get("/bookings/{booking_id:str}", include_in_schema=False, media_type=MediaType.HTML)
async def booking_page(
    booking_id: FromPath[str], request: Request[Any, Any, Any], lang: Lang = None
) -> Template:
    """A booking's page; an address that cannot name a booking is the "not found" page."""
    return _booking(booking_id, None, request, lang)


@get("/bookings/{booking_id:str}/{action:str}", include_in_schema=False, media_type=MediaType.HTML)
async def booking_action_page(
    booking_id: FromPath[str],
    action: FromPath[str],
    request: Request[Any, Any, Any],
    lang: Lang = None,
) -> Template:
    """The booking's page opened at one of its actions (the messages' reschedule, cancel,
    pay, review and consent links); any other tail is "not found"."""
    if action not in BOOKING_ACTIONS:
        return _render("missing.html.j2", request, lang, 404)
    return _booking(booking_id, action, request, lang)


@get("/requests/{request_id:str}", include_in_schema=False, media_type=MediaType.HTML)
async def request_page(
    request_id: FromPath[str], request: Request[Any, Any, Any], lang: Lang = None
) -> Template:
    """A tattoo request's page (its notifications' link); an address that cannot name a
    request is the "not found" page."""
    try:
        parsed = UUID(request_id)
    except ValueError:
        return _render("missing.html.j2", request, lang, 404)
    locale = page_locale(lang, request.headers.get("accept-language"))
    data = {
        "requestId": str(parsed),
        "lang": locale,
        "texts": script_texts(locale, REQUEST_TEXTS),
        "dates": date_words(locale),
    }
    return _render("request.html.j2", request, lang, 200, data=data)


@get("/loyalty", include_in_schema=False, media_type=MediaType.HTML)
async def loyalty_page(request: Request[Any, Any, Any], lang: Lang = None) -> Template:
    """One's points (the points messages' link): whose they are is the API's to say."""
    locale = page_locale(lang, request.headers.get("accept-language"))
    texts = script_texts(locale, LOYALTY_TEXTS)
    data = {"lang": locale, "texts": texts, "dates": date_words(locale)}
    return _render("loyalty.html.j2", request, lang, 200, data=data)


def _account_page(purpose: Purpose, request: Request[Any, Any, Any], lang: str | None) -> Template:
    locale = page_locale(lang, request.headers.get("accept-language"))
    data = {
        "purpose": purpose,
        "lang": locale,
        "texts": script_texts(locale, ACCOUNT_TEXTS),
        "dates": date_words(locale),
    }
    return _render("account.html.j2", request, lang, 200, purpose=purpose, data=data)


# ``token`` is not a parameter of these handlers on purpose: the server never reads it.
@get("/verify-email", include_in_schema=False, media_type=MediaType.HTML)
async def verify_email_page(request: Request[Any, Any, Any], lang: Lang = None) -> Template:
    return _account_page("verify", request, lang)


@get("/reset-password", include_in_schema=False, media_type=MediaType.HTML)
async def reset_password_page(request: Request[Any, Any, Any], lang: Lang = None) -> Template:
    return _account_page("reset", request, lang)


@get("/unlock", include_in_schema=False, media_type=MediaType.HTML)
async def unlock_page(request: Request[Any, Any, Any], lang: Lang = None) -> Template:
    return _account_page("unlock", request, lang)


LINKED_ROUTES: Final = (
    booking_page,
    booking_action_page,
    request_page,
    loyalty_page,
    verify_email_page,
    reset_password_page,
    unlock_page,
)
