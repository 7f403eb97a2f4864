"""``GET /console/sign-in/telegram``: where Telegram's Login Widget sends the browser back
(``telegram_widget``), with Telegram's signed fields in the address.

The fields are checked by the same use case as the API's ``POST /auth/telegram``
(``SignInWithTelegram``: the hash under the bot token, at most a day old, each proof once),
and the sign-in goes on as any other (``admit``: an account that is no artist's or admin's
is told the console is not theirs, and its new session ends at once). A Telegram account
that no Inkslot account has linked yet makes a customer's account, as it does in the API:
an artist links Telegram to their account first (the app, ``POST /me/telegram``). A forged,
stale or reused proof, or one that reaches a browser that never opened the sign-in page,
signs nobody in.
"""

from __future__ import annotations

from typing import Annotated, Any, Final

from litestar import Request, get
from litestar.di import NamedDependency
from litestar.enums import MediaType
from litestar.params import QueryParameter
from litestar.response import Redirect, Template

from booking_domain.accounts.use_cases import AccountUseCases
from booking_domain.shared import DomainError
from entrypoints.http.auth import client_address
from entrypoints.web.accounts.console import admit, sign_in_page
from entrypoints.web.accounts.telegram_widget import (
    TELEGRAM_SIGN_IN,
    pending_ended,
    state_matches,
)
from entrypoints.web.shared.console import problem_text, safe_next
from entrypoints.web.shared.render import Lang, request_locale
from entrypoints.web.shared.texts import translator

ASK_AGAIN: Final = "Open the sign-in page and press the Telegram button again."
_OURS: Final = frozenset({"next", "lang", "state"})  # the page's own, not Telegram's
_MAX_FIELDS: Final = 12
_MAX_VALUE: Final = 512
WidgetState = Annotated[str | None, QueryParameter(name="state", max_length=64)]
_STATUS: Final = {
    "telegram_off": 404,
    "account_disabled": 403,
    "account_locked": 423,
    "too_many_attempts": 429,
}


def _telegram_fields(request: Request[Any, Any, Any]) -> dict[str, str] | None:
    """Every field Telegram sent (its proof signs them all), or None for an address no
    widget makes (too many fields, a field too long, a repeated one)."""
    items = [(k, v) for k, v in request.query_params.multi_items() if k not in _OURS]
    fields = dict(items)
    if not fields or len(items) != len(fields) or len(fields) > _MAX_FIELDS:
        return None
    if any(len(k) > _MAX_VALUE or len(v) > _MAX_VALUE for k, v in fields.items()):
        return None
    return fields


@get(TELEGRAM_SIGN_IN, include_in_schema=False, media_type=MediaType.HTML)
async def console_sign_in_with_telegram(
    request: Request[Any, Any, Any],
    accounts: NamedDependency[AccountUseCases],
    lang: Lang = None,
    widget_state: WidgetState = None,
) -> Template | Redirect:
    """Signed in with Telegram's proof, on to where the sign-in page was going (its
    cookie's); else the sign-in page says why. The widget's ``state`` must be the one this
    browser's sign-in page left (``state_matches``), or nothing is checked."""
    locale = request_locale(request, lang)
    target = state_matches(request, widget_state)
    where = safe_next(target)
    fields = _telegram_fields(request)
    if fields is None or target is None:
        problem = translator(locale)(ASK_AGAIN)
        return _refused(request, lang, where, problem, 401 if fields is None else 403)
    try:
        signed = await accounts.sign_in_with_telegram(
            fields=fields,
            address=client_address(request),
            user_agent=request.headers.get("user-agent"),
        )
    except DomainError as refused:
        status = _STATUS.get(refused.code, 401)
        return _refused(request, lang, where, problem_text(locale, refused), status)
    answer = await admit(request, accounts, signed, lang, where)
    answer.cookies.append(pending_ended(request))
    return answer


def _refused(
    request: Request[Any, Any, Any], lang: str | None, where: str, problem: str, status: int
) -> Template:
    return sign_in_page(request, lang, where, status=status, problem=problem)


TELEGRAM_PAGES: Final = (console_sign_in_with_telegram,)
