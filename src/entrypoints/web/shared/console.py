"""The artist's console: its session, its forms' protection and how its pages are answered.

Rules (docs/console.md, "Sessions and safety"):
- signing in at the console opens a session of the account like any other (the same
  ``login`` use case: it is listed in the account's sessions, ends on sign-out, on a
  password change elsewhere, on a lock or a suspension);
- the session lives in two cookies, both ``HttpOnly`` (no script reads them), ``SameSite=Lax``
  (another site's form never carries them), ``Path=/console`` and ``Secure`` outside the
  local profile: the access token, checked on every request as the API checks its bearer
  token (so an ended session is refused at once), and the refresh token, traded for a new
  pair when the access token has run out;
- every form carries the session's form token (``IssueFormToken``); a POST without it, or
  with another session's, changes nothing and answers 403;
- every console answer is never kept (``no-store``), never framed (``frame-ancestors
  'none'``) and carries the pages' strict Content-Security-Policy.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Final, TypeVar
from urllib.parse import parse_qsl, quote, urlencode, urlsplit
from zoneinfo import ZoneInfo

from litestar import Request, Response
from litestar.datastructures import Cookie
from litestar.response import Redirect, Template

from booking_domain.accounts import AccessClaims, InvalidTokenError
from booking_domain.accounts.use_cases import AccountUseCases, SessionTokens
from booking_domain.catalog import ArtistProfile
from booking_domain.shared import Actor, DomainError, Role
from entrypoints.http.auth import client_address
from entrypoints.http.locale import SUPPORTED_LOCALES
from entrypoints.http.serving import SECURE_COOKIES, serving_of
from entrypoints.http.translations import translate
from entrypoints.web.shared.render import PAGE_HEADERS, render
from entrypoints.web.shared.texts import translator

ResponseT = TypeVar("ResponseT", bound=Response[Any])

CONSOLE: Final = "/console"
SIGN_IN: Final = f"{CONSOLE}/sign-in"
SIGN_OUT: Final = f"{CONSOLE}/sign-out"
ACCESS_COOKIE: Final = "inkslot_console"
REFRESH_COOKIE: Final = "inkslot_console_refresh"
# The language chosen at a page's foot (``?lang=``), kept for the console's next pages: a
# preference, not a secret (the account's own language stays as it is).
LANGUAGE_COOKIE: Final = "inkslot_console_lang"
_YEAR: Final = 365 * 24 * 3600
FORM_TOKEN: Final = "form_token"  # noqa: S105 (the form field's name, not a secret)
OUT_OF_DATE: Final = "This form is out of date. Go back, reload the page and try again."
URLENCODED: Final = "application/x-www-form-urlencoded"
NOT_TEXT: Final = "The form sent something that is not text. Go back and type it again."
NO_SUCH_PAGE: Final = "There is no such page."
CONSOLE_HEADERS: Final = {**PAGE_HEADERS, "Cache-Control": "no-store"}
# The console's own pages and the artist's, for a ``next`` address after signing in.
_NEXT_PREFIX: Final = CONSOLE


@dataclass(frozen=True, slots=True, order=True)
class Tab:
    """One of the console's tabs: a room's ``console.py`` lists its own in ``TABS``
    (``entrypoints.web.site.console_tabs`` gathers them), shown by ``order``; ``key`` is
    what its pages pass as ``tab`` to be marked current; ``label`` is English (its
    Mongolian in the room's catalogue); ``roles``: whose navigation shows it (the artist's
    by default; an operator's page names ``Role.ADMIN``)."""

    order: int
    key: str
    path: str
    label: str
    roles: frozenset[Role] = field(default=frozenset({Role.ARTIST}), compare=False)

    def shown_to(self, role: Role) -> bool:
        return role in self.roles


@dataclass(frozen=True, slots=True)
class Desk:
    """Who sits at the console on this request: their session's claims and form token,
    their artist profile (None for an account without one), the language the pages speak
    and, when the access token was renewed on this request, the new tokens to set."""

    claims: AccessClaims
    form_token: str
    artist: ArtistProfile | None
    locale: str
    renewed: SessionTokens | None = None

    @property
    def actor(self) -> Actor:
        return Actor(self.claims.user_id, self.claims.role)

    @property
    def zone(self) -> ZoneInfo:
        """The artist's time zone: every time the console shows is in it."""
        return ZoneInfo(self.artist.time_zone if self.artist is not None else "UTC")

    def local(self, moment: datetime) -> datetime:
        return moment.astimezone(self.zone)


def _cookie(request: Request[Any, Any, Any], key: str, value: str, max_age: int) -> Cookie:
    secure = bool(request.app.state.get(SECURE_COOKIES, True))
    return Cookie(
        key=key,
        value=value,
        path=CONSOLE,
        max_age=max_age,
        httponly=True,
        secure=secure,
        samesite="lax",
    )


def session_cookies(request: Request[Any, Any, Any], tokens: SessionTokens) -> list[Cookie]:
    """The two cookies of a session (opened or renewed), both kept as long as the refresh
    token lives (an access cookie whose token ran out is traded through the refresh one)."""
    now = serving_of(request.app).bundles.clock.now()
    lifetime = max(1, int((tokens.refresh_expires_at - now).total_seconds()))
    return [
        _cookie(request, ACCESS_COOKIE, tokens.access.token, lifetime),
        _cookie(request, REFRESH_COOKIE, tokens.refresh_token, lifetime),
    ]


def ended_cookies(request: Request[Any, Any, Any]) -> list[Cookie]:
    """Cookies that make the browser forget the session."""
    return [_cookie(request, name, "", 0) for name in (ACCESS_COOKIE, REFRESH_COOKIE)]


async def _claims(
    request: Request[Any, Any, Any], accounts: AccountUseCases
) -> tuple[AccessClaims, SessionTokens | None] | None:
    """The session's claims from the access cookie, else from a refresh of the refresh
    cookie (its new tokens beside them); None when there is no live session."""
    access = request.cookies.get(ACCESS_COOKIE)
    if access:
        try:
            return await accounts.authenticate(access), None
        except InvalidTokenError:
            pass
    refresh = request.cookies.get(REFRESH_COOKIE)
    if not refresh:
        return None
    try:
        renewed = await accounts.refresh_session(
            refresh_token=refresh,
            address=client_address(request),
            user_agent=request.headers.get("user-agent"),
        )
        return await accounts.authenticate(renewed.tokens.access.token), renewed.tokens
    except DomainError:  # spent, reused, revoked, expired, the account locked or gone
        return None


async def desk_of(request: Request[Any, Any, Any], lang: str | None) -> Desk | None:
    """Who is signed in at the console, or None."""
    bundles = serving_of(request.app).bundles
    found = await _claims(request, bundles.accounts)
    if found is None:
        return None
    claims, renewed = found
    actor = Actor(claims.user_id, claims.role)
    # Who is calling, for the access log (as the API's guard remembers it: http.auth).
    request.scope.setdefault("state", {})["actor"] = actor
    # The account's language and its artist profile, in one read (docs/performance.md).
    try:
        opened = await bundles.catalog.open_artist_desk(actor)
    except DomainError:  # the account is gone or disabled since its token was checked
        return None
    chosen = request.cookies.get(LANGUAGE_COOKIE)
    if lang in SUPPORTED_LOCALES:
        locale = lang
    elif chosen in SUPPORTED_LOCALES:
        locale = chosen
    else:
        locale = opened.locale
    token = bundles.accounts.issue_form_token(claims)
    return Desk(claims, token, opened.artist, locale, renewed)


async def artist_desk(
    request: Request[Any, Any, Any], lang: str | None
) -> Desk | Redirect | Template:
    """The artist at the desk; the sign-in page for nobody, and for an account without an
    artist profile the page that says to make one."""
    desk = await desk_of(request, lang)
    if desk is None:
        return to_sign_in(request)
    if desk.artist is None:
        return console_page("console_no_profile.html.j2", request, desk)
    return desk


async def admin_desk(
    request: Request[Any, Any, Any], lang: str | None
) -> Desk | Redirect | Template:
    """An admin at the desk (the operator's pages), the sign-in page for nobody, and "not
    found" (404) for anyone else: an artist never learns these pages are there."""
    desk = await desk_of(request, lang)
    if desk is None:
        return to_sign_in(request)
    if desk.claims.role is not Role.ADMIN:
        return refused_page(desk.locale, NO_SUCH_PAGE, 404)
    return desk


def safe_next(target: str | None) -> str:
    """Where to go after signing in: a console address of this site only (never another
    host, scheme or a ``//`` address a browser would take for one)."""
    if not target or not target.startswith(_NEXT_PREFIX) or target.startswith("//"):
        return CONSOLE
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or "\\" in target:
        return CONSOLE
    return target


def to_sign_in(request: Request[Any, Any, Any]) -> Redirect:
    """Away to the sign-in page, coming back here after (a GET's address only)."""
    here = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    target = here if request.method == "GET" else CONSOLE
    return Redirect(
        f"{SIGN_IN}?next={quote(safe_next(target), safe='')}",
        status_code=303,
        headers={"Cache-Control": "no-store"},
        cookies=ended_cookies(request),
    )


def console_page(
    name: str,
    request: Request[Any, Any, Any],
    desk: Desk,
    *,
    status: int = 200,
    tab: str = "",
    policy: str | None = None,
    **context: Any,
) -> Template:
    """A console page in the desk's language, with its form token (``form_token``), the
    tab it belongs to (``tab``: marked in the console's navigation) and, when the session
    was renewed on this request, its new cookies. ``policy``: the page's own
    Content-Security-Policy, for a page that needs more than the console's (an upload's)."""
    headers = dict(CONSOLE_HEADERS)
    if policy is not None:
        headers["Content-Security-Policy"] = policy
    page = render(
        name,
        desk.locale,
        status,
        headers,
        desk=desk,
        form_token=desk.form_token,
        tab=tab,
        languages=language_links(request),
        **context,
    )
    if request.query_params.get("lang") == desk.locale:  # chosen here: kept for the next pages
        secure = bool(request.app.state.get(SECURE_COOKIES, True))
        page.cookies.append(
            Cookie(
                key=LANGUAGE_COOKIE,
                value=desk.locale,
                path=CONSOLE,
                max_age=_YEAR,
                httponly=True,
                secure=secure,
                samesite="lax",
            )
        )
    return with_renewal(page, request, desk)


def language_links(request: Request[Any, Any, Any]) -> dict[str, str]:
    """This page's address in each language: its query kept, ``lang`` set."""
    query = {k: v for k, v in request.query_params.items() if k != "lang"}
    return {
        code: f"{request.url.path}?{urlencode({**query, 'lang': code})}"
        for code in SUPPORTED_LOCALES
    }


def with_renewal(response: ResponseT, request: Request[Any, Any, Any], desk: Desk) -> ResponseT:
    """``response`` carrying the session's new cookies when it was renewed on this request."""
    if desk.renewed is not None:
        response.cookies.extend(session_cookies(request, desk.renewed))
    return response


async def checked_form(request: Request[Any, Any, Any], desk: Desk) -> dict[str, str] | Template:
    """A form's fields (each once: the last value of a repeated one) when it carries this
    session's form token; else the 403 page, and nothing is done. A form whose text is not
    UTF-8 (a browser never sends one) is refused (400) rather than read with stand-ins for
    its bytes."""
    if not await _text_form(request):
        return refused_page(desk.locale, NOT_TEXT, 400)
    form = await request.form()
    fields = {key: value for key, value in form.items() if isinstance(value, str)}
    accounts = serving_of(request.app).bundles.accounts
    if accounts.check_form_token(desk.claims, fields.get(FORM_TOKEN, "")):
        return fields
    return refused_page(desk.locale, OUT_OF_DATE)


async def artist_form(
    request: Request[Any, Any, Any],
) -> tuple[Desk, dict[str, str]] | Template | Redirect:
    """An artist's desk and the checked form of a POST (``artist_desk``, ``checked_form``),
    or the answer to give instead: signed out, no profile, no valid form token, nothing
    done."""
    desk = await artist_desk(request, None)
    if not isinstance(desk, Desk):
        return desk
    form = await checked_form(request, desk)
    if isinstance(form, Template):
        return form
    return desk, form


async def _text_form(request: Request[Any, Any, Any]) -> bool:
    """Whether a URL-encoded form's fields are UTF-8, every byte of them (a multipart one's
    files are bytes by right; its fields are read by the framework)."""
    if not request.headers.get("content-type", "").startswith(URLENCODED):
        return True
    try:
        parse_qsl((await request.body()).decode("ascii"), keep_blank_values=True,
                  encoding="utf-8", errors="strict")  # fmt: skip
    except (UnicodeDecodeError, ValueError):
        return False
    return True


def refused_page(locale: str, message: str, status: int = 403) -> Template:
    """The console's page of a refusal: ``message`` (English, translated here)."""
    text = translator(locale)(message)
    return render("console_refused.html.j2", locale, status, dict(CONSOLE_HEADERS), message=text)


def problem_text(locale: str, error: DomainError) -> str:
    """A use case's refusal as the console shows it: the problem's words in the page's
    language (the API's problem catalogue)."""
    return translate(locale, error.message)


def back_to(path: str, **params: str) -> Redirect:
    """After a form: see the page again (303: the browser GETs it; a reload repeats
    nothing)."""
    query = "&".join(f"{k}={quote(v, safe='')}" for k, v in params.items() if v)
    return Redirect(path + (f"?{query}" if query else ""), status_code=303)


__all__ = [
    "ACCESS_COOKIE",
    "CONSOLE",
    "CONSOLE_HEADERS",
    "FORM_TOKEN",
    "LANGUAGE_COOKIE",
    "NO_SUCH_PAGE",
    "OUT_OF_DATE",
    "REFRESH_COOKIE",
    "SIGN_IN",
    "SIGN_OUT",
    "Desk",
    "Tab",
    "admin_desk",
    "artist_desk",
    "artist_form",
    "back_to",
    "checked_form",
    "console_page",
    "desk_of",
    "ended_cookies",
    "language_links",
    "problem_text",
    "refused_page",
    "safe_next",
    "session_cookies",
    "to_sign_in",
    "with_renewal",
]
