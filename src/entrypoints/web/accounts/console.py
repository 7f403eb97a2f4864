"""The console's door: ``GET``/``POST /console/sign-in`` and ``POST /console/sign-out``.

Signing in is the API's ``login`` (the same lockout of a guessed (email, address) pair, the
same session, listed with the account's others); the console keeps the tokens in its
cookies (``entrypoints.web.shared.console``). The sign-in form has no session yet to bind a
form token to, so a POST whose ``Origin`` is another site is refused (no one can sign a
visitor into an account of theirs). Only artists and admins have a console: a customer's
sign-in is ended at once and told so.
"""

from __future__ import annotations

from typing import Annotated, Any, Final

from litestar import Request, Response, get, post
from litestar.di import NamedDependency
from litestar.enums import MediaType
from litestar.params import QueryParameter
from litestar.response import Redirect, Template

from booking_domain.accounts.use_cases import AccountUseCases, SignedIn
from booking_domain.shared import DomainError, Role
from entrypoints.http.auth import client_address
from entrypoints.web.accounts.settings_console import SETTINGS_SECTIONS, TABS
from entrypoints.web.accounts.telegram_widget import WIDGET_POLICY, telegram_widget
from entrypoints.web.shared.console import (
    CONSOLE,
    CONSOLE_HEADERS,
    REFRESH_COOKIE,
    SIGN_IN,
    SIGN_OUT,
    checked_form,
    desk_of,
    ended_cookies,
    problem_text,
    safe_next,
    session_cookies,
    with_renewal,
)
from entrypoints.web.shared.render import Lang, render, request_locale
from entrypoints.web.shared.texts import translator

Next = Annotated[str | None, QueryParameter(name="next", max_length=500)]
ARTISTS_ONLY: Final = "The console is for artists and studios."
_MAX_FIELD = 1_000  # longer than any email or password the API takes


def sign_in_page(
    request: Request[Any, Any, Any],
    lang: str | None,
    target: str,
    *,
    status: int = 200,
    problem: str | None = None,
    email: str = "",
    phone: str = "",
) -> Template:
    """The sign-in page: email and password, a code texted to a phone, or Telegram's Login
    Widget when a bot is configured for it (``telegram_console``)."""
    locale = request_locale(request, lang)
    widget = telegram_widget(request, safe_next(target))
    headers = dict(CONSOLE_HEADERS)
    if widget is not None:
        headers["Content-Security-Policy"] = WIDGET_POLICY
    page = render(
        "console_sign_in.html.j2",
        locale,
        status,
        headers,
        next=safe_next(target),
        problem=problem,
        email=email,
        phone=phone,
        telegram=widget,
    )
    if widget is not None:
        page.cookies.append(widget.cookie)
    return page


@get(SIGN_IN, include_in_schema=False, media_type=MediaType.HTML)
async def console_sign_in_page(
    request: Request[Any, Any, Any], lang: Lang = None, target: Next = None
) -> Template | Redirect:
    """The sign-in form; someone already signed in goes straight on."""
    if await desk_of(request, lang) is not None:
        return Redirect(safe_next(target), status_code=303)
    return sign_in_page(request, lang, safe_next(target))


def same_origin(request: Request[Any, Any, Any]) -> bool:
    """A form of this site's own: the browser's ``Sec-Fetch-Site`` (no page's script can set
    it) says ``same-origin`` where it is sent, and the ``Origin`` is absent (an older
    browser, a test client) or this site's. Every page here has no referrer
    (``Referrer-Policy: no-referrer``), so a browser sends ``Origin: null`` with its own
    form's POST: believed only beside ``Sec-Fetch-Site: same-origin``."""
    site = request.headers.get("sec-fetch-site")
    if site is not None and site != "same-origin":
        return False
    origin = request.headers.get("origin")
    if origin is None or (origin == "null" and site == "same-origin"):
        return True
    return origin.partition("://")[2] == request.headers.get("host", "")


@post(SIGN_IN, include_in_schema=False, media_type=MediaType.HTML, status_code=200)
async def console_sign_in(
    request: Request[Any, Any, Any], accounts: NamedDependency[AccountUseCases], lang: Lang = None
) -> Template | Redirect:
    """Email and password, as the API's login takes them; back to ``next`` on success."""
    locale = request_locale(request, lang)
    form = await request.form()
    fields = {k: v for k, v in form.items() if isinstance(v, str)}
    target = safe_next(fields.get("next"))
    email = fields.get("email", "")[:_MAX_FIELD]
    password = fields.get("password", "")[:_MAX_FIELD]
    if not same_origin(request):
        return sign_in_page(request, lang, target, status=403, email=email)
    try:
        signed = await accounts.login(
            email=email,
            password=password,
            address=client_address(request),
            user_agent=request.headers.get("user-agent"),
        )
    except DomainError as refused:
        problem = problem_text(locale, refused)
        status = 429 if refused.code == "too_many_attempts" else 401
        return sign_in_page(request, lang, target, status=status, problem=problem, email=email)
    return await admit(request, accounts, signed, lang, target, email=email)


async def admit(
    request: Request[Any, Any, Any],
    accounts: AccountUseCases,
    signed: SignedIn,
    lang: str | None,
    target: str,
    *,
    email: str = "",
) -> Template | Redirect:
    """After a sign-in (any way in): on to ``target`` with the session's cookies; a
    customer's new session is ended at once and the sign-in page says the console is not
    theirs."""
    if signed.user.role is Role.CUSTOMER:
        await accounts.logout(refresh_token=signed.tokens.refresh_token)
        problem = translator(request_locale(request, lang))(ARTISTS_ONLY)
        return sign_in_page(request, lang, target, status=403, problem=problem, email=email)
    return Redirect(
        target,
        status_code=303,
        headers={"Cache-Control": "no-store"},
        cookies=session_cookies(request, signed.tokens),
    )


@post(SIGN_OUT, include_in_schema=False, status_code=303)
async def console_sign_out(
    request: Request[Any, Any, Any], accounts: NamedDependency[AccountUseCases]
) -> Redirect | Template:
    """End the session (its refresh token's family: every token of it stops at once)."""
    desk = await desk_of(request, None)
    if desk is not None:
        fields = await checked_form(request, desk)
        if isinstance(fields, Template):
            return fields
        refresh = desk.renewed.refresh_token if desk.renewed else None
        refresh = refresh or request.cookies.get(REFRESH_COOKIE, "")
        await accounts.logout(refresh_token=refresh)
    return Redirect(SIGN_IN, status_code=303, cookies=ended_cookies(request))


@get(f"{CONSOLE}/ticket", include_in_schema=False, media_type=MediaType.JSON)
async def console_stream_ticket(
    request: Request[Any, Any, Any], accounts: NamedDependency[AccountUseCases]
) -> Response[dict[str, str]]:
    """A one-minute ticket to open the event stream (``IssueStreamTicket``) for the
    console's session: the day's page opens its live updates with it. 401 when no session
    is open (the page then reloads into the sign-in)."""
    headers = {"Cache-Control": "no-store"}
    desk = await desk_of(request, None)
    if desk is None:
        return Response({"problem": "signed_out"}, status_code=401, headers=headers)
    issued = await accounts.issue_stream_ticket(desk.claims)
    return with_renewal(Response({"ticket": issued.token}, headers=headers), request, desk)


__all__ = [
    "ARTISTS_ONLY",
    "CONSOLE_PAGES",
    "SETTINGS_SECTIONS",
    "TABS",
    "Next",
    "admit",
    "same_origin",
    "sign_in_page",
]

CONSOLE_PAGES: Final = (
    console_sign_in_page,
    console_sign_in,
    console_sign_out,
    console_stream_ticket,
)
