"""A booking's own page, the link of every booking notification:

- ``GET /bookings/{id}`` (and its ``/reschedule``, ``/cancel``, ``/pay``, ``/review`` and
  ``/consent`` links): the visitor's own booking, its consent form included. The server
  knows nobody here (the access token lives in the tab's ``sessionStorage``), so the page
  is a shell: its script signs in and asks the API, which decides who may see and change
  the booking (and its consent); anyone else's booking is the API's 404.

The pages' templates, style sheet, strict Content-Security-Policy and languages
(``entrypoints.web.shared``); never kept (``no-store``).
"""

from __future__ import annotations

from functools import cache
from typing import Any, Final
from uuid import UUID

from litestar import Request, get
from litestar.enums import MediaType
from litestar.params import FromPath
from litestar.response import Template

from entrypoints.http.locale import SUPPORTED_LOCALES
from entrypoints.web.bookings.booking_page import BOOKING_PAGES
from entrypoints.web.bookings.clients import CLIENT_PAGES
from entrypoints.web.bookings.console import CONSOLE_PAGES
from entrypoints.web.bookings.move import MOVE_PAGES
from entrypoints.web.bookings.studio_day import STUDIO_DAY_PAGES
from entrypoints.web.bookings.studio_pages import STUDIO_PAGES
from entrypoints.web.bookings.suspension import SUSPENSION_PAGES
from entrypoints.web.bookings.texts import BOOKING_TEXTS
from entrypoints.web.bookings.week import WEEK_PAGES
from entrypoints.web.consent import CONSENT_FORM_TEXTS
from entrypoints.web.shared.render import Lang, missing_page, shell_page
from entrypoints.web.shared.texts import script_texts

# What a booking's links in messages add to its address (notifications/facts.py: Links).
BOOKING_ACTIONS: Final = ("reschedule", "cancel", "pay", "review", "consent")


def _booking(
    booking_id: str, action: str | None, request: Request[Any, Any, Any], lang: str | None
) -> Template:
    try:
        parsed = UUID(booking_id)
    except ValueError:
        return missing_page(request, lang)
    # A consent form's controls speak its language, whichever the page's is.
    fields = {"bookingId": str(parsed), "action": action, "formTexts": _form_texts()}
    return shell_page("mine.html.j2", request, lang, BOOKING_TEXTS, fields=fields)


@cache
def _form_texts() -> dict[str, dict[str, str]]:
    """The consent form's words in every language (the same for every request)."""
    return {code: script_texts(code, CONSENT_FORM_TEXTS) for code in SUPPORTED_LOCALES}


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
        return missing_page(request, lang)
    return _booking(booking_id, action, request, lang)


PAGES: Final = (
    booking_page,
    booking_action_page,
    *CONSOLE_PAGES,
    *STUDIO_DAY_PAGES,
    *BOOKING_PAGES,
    *STUDIO_PAGES,
    *WEEK_PAGES,
    *MOVE_PAGES,
    *CLIENT_PAGES,
    *SUSPENSION_PAGES,
)
