"""``GET /verify-email``, ``/reset-password``, ``/unlock``: the account emails' links.

The ``token`` in their query string is read by the page's script and posted to the API; it
is never written into the HTML, and the answer is ``no-store`` (the middleware adds
``Referrer-Policy: no-referrer`` to every response, and the page repeats it in a meta tag).
"""

from __future__ import annotations

from typing import Any, Final, Literal

from litestar import Request, get
from litestar.enums import MediaType
from litestar.response import Template

from entrypoints.web.accounts.console import CONSOLE_PAGES
from entrypoints.web.accounts.phone_console import PHONE_PAGES
from entrypoints.web.accounts.settings_console import SETTINGS_PAGES
from entrypoints.web.accounts.telegram_console import TELEGRAM_PAGES
from entrypoints.web.accounts.texts import ACCOUNT_TEXTS
from entrypoints.web.shared.render import Lang, shell_page

Purpose = Literal["verify", "reset", "unlock"]


def _account_page(purpose: Purpose, request: Request[Any, Any, Any], lang: str | None) -> Template:
    return shell_page(
        "account.html.j2",
        request,
        lang,
        ACCOUNT_TEXTS,
        fields={"purpose": purpose},
        purpose=purpose,
    )


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


PAGES: Final = (
    verify_email_page,
    reset_password_page,
    unlock_page,
    *CONSOLE_PAGES,
    *PHONE_PAGES,
    *SETTINGS_PAGES,
    *TELEGRAM_PAGES,
)
