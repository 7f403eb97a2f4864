"""Telegram's Login Widget on the console's sign-in page, when a bot is configured for it.

How it is offered (docs/console.md, "Signing in with Telegram"): the widget is Telegram's
own script (``https://telegram.org/js/telegram-widget.js``, which the pages' policy allows
already for the Mini App) and its frame (``https://oauth.telegram.org``, allowed on this page
only: ``frame-src``). Once the person confirms in Telegram, the widget sends the browser to
``/console/sign-in/telegram`` with Telegram's signed fields in the address; that page
checks them with the same use case as the API's ``POST /auth/telegram``. No script of ours
runs: the widget's redirect (``data-auth-url``) needs none.

The page also leaves a short-lived cookie (``PENDING_COOKIE``, only sent to that address)
holding a random state and where to go after; the widget's address carries the same state
(``?state=``) and nothing else of ours (where to go may hold a token, an invite's: Telegram
is never shown it). A proof is taken only with a state equal to the cookie's: one arriving
in a browser that did not open this sign-in page (a link someone sent, to sign the reader
into the sender's account: the cookie alone could be planted by sending the browser to the
sign-in page first) is refused.
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass
from typing import Any, Final
from urllib.parse import quote, unquote

from litestar import Request
from litestar.datastructures import Cookie

from entrypoints.http.serving import SECURE_COOKIES, TELEGRAM_LOGIN_BOT
from entrypoints.web.shared.console import SIGN_IN
from entrypoints.web.shared.render import content_security_policy

TELEGRAM_SIGN_IN: Final = f"{SIGN_IN}/telegram"
PENDING_COOKIE: Final = "inkslot_console_telegram"
PENDING_SECONDS: Final = 30 * 60
_STATE_LENGTH: Final = 32  # hex characters of the random state
WIDGET_SCRIPT: Final = "https://telegram.org/js/telegram-widget.js?22"
WIDGET_POLICY: Final = content_security_policy(frames=("https://oauth.telegram.org",))


@dataclass(frozen=True, slots=True)
class Widget:
    """What the sign-in page needs to show the widget: the bot, where it sends the browser
    back, its script, and the cookie that marks this browser as one that asked."""

    bot: str
    auth_url: str
    script: str
    cookie: Cookie


def _secure(request: Request[Any, Any, Any]) -> bool:
    return bool(request.app.state.get(SECURE_COOKIES, True))


def telegram_widget(request: Request[Any, Any, Any], target: str) -> Widget | None:
    """The widget of the configured bot (None without one), coming back to ``target``."""
    bot = request.app.state.get(TELEGRAM_LOGIN_BOT)
    if not bot:
        return None
    origin = f"{request.url.scheme}://{request.url.netloc}"
    state = secrets.token_hex(16)
    auth_url = f"{origin}{TELEGRAM_SIGN_IN}?state={state}"
    cookie = Cookie(
        key=PENDING_COOKIE,
        value=f"{state}.{quote(target, safe='')}",
        path=TELEGRAM_SIGN_IN,
        max_age=PENDING_SECONDS,
        httponly=True,
        secure=_secure(request),
        samesite="lax",
    )
    return Widget(str(bot), auth_url, WIDGET_SCRIPT, cookie)


def pending_of(request: Request[Any, Any, Any]) -> tuple[str, str] | None:
    """The state and the target the sign-in page left (None: no cookie, or not one we
    make)."""
    state, dot, target = request.cookies.get(PENDING_COOKIE, "").partition(".")
    if not dot or len(state) != _STATE_LENGTH:
        return None
    return state, unquote(target)


def state_matches(request: Request[Any, Any, Any], state: str | None) -> str | None:
    """Where to go after, when the widget's ``state`` is the one the cookie holds (compared
    in constant time); None otherwise."""
    pending = pending_of(request)
    if pending is None or state is None or not state.isascii():
        return None
    if not hmac.compare_digest(state.encode(), pending[0].encode()):
        return None
    return pending[1]


def pending_ended(request: Request[Any, Any, Any]) -> Cookie:
    """The cookie that forgets the widget's mark (after a sign-in, or a refusal)."""
    return Cookie(
        key=PENDING_COOKIE,
        value="",
        path=TELEGRAM_SIGN_IN,
        max_age=0,
        httponly=True,
        secure=_secure(request),
        samesite="lax",
    )


__all__ = [
    "PENDING_COOKIE",
    "TELEGRAM_SIGN_IN",
    "WIDGET_POLICY",
    "WIDGET_SCRIPT",
    "Widget",
    "pending_ended",
    "pending_of",
    "state_matches",
    "telegram_widget",
]
