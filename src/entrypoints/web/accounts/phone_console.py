"""The console's sign-in by a code texted to a phone (the API's phone-code sign-in):

- ``POST /console/sign-in/code``: text a sign-in code to the number (``SendPhoneCode``: the
  same limits per number, prefix and address, the same regions served), then the page that
  asks for it;
- ``POST /console/sign-in/phone``: the number and its code (``SignInWithPhoneCode``); a
  number no account has proved makes an artist's account, named by the form's name, as the
  API's does with ``role: artist``.

Both are refused from another site, as the password form is (``same_origin``).
"""

from __future__ import annotations

from typing import Any, Final

from litestar import Request, post
from litestar.di import NamedDependency
from litestar.enums import MediaType
from litestar.response import Redirect, Template

from booking_domain.accounts.phone_codes import CodePurpose
from booking_domain.accounts.use_cases import AccountUseCases
from booking_domain.shared import DomainError, Role
from entrypoints.http.auth import client_address
from entrypoints.web.accounts.console import admit, same_origin, sign_in_page
from entrypoints.web.shared.console import CONSOLE_HEADERS, SIGN_IN, problem_text, safe_next
from entrypoints.web.shared.render import Lang, render, request_locale

SEND_CODE: Final = f"{SIGN_IN}/code"
WITH_CODE: Final = f"{SIGN_IN}/phone"
_PHONE_LENGTH: Final = 40  # as the API's phone field
_CODE_LENGTH: Final = 12
_NAME_LENGTH: Final = 200


def _fields(form: Any) -> dict[str, str]:
    return {k: v for k, v in form.items() if isinstance(v, str)}


def _code_page(
    request: Request[Any, Any, Any],
    lang: str | None,
    target: str,
    phone: str,
    *,
    status: int = 200,
    problem: str | None = None,
) -> Template:
    return render(
        "console_sign_in_code.html.j2",
        request_locale(request, lang),
        status,
        dict(CONSOLE_HEADERS),
        next=safe_next(target),
        phone=phone,
        problem=problem,
    )


@post(SEND_CODE, include_in_schema=False, media_type=MediaType.HTML, status_code=200)
async def console_send_code(
    request: Request[Any, Any, Any], accounts: NamedDependency[AccountUseCases], lang: Lang = None
) -> Template:
    """Text a sign-in code to the number; the page asking for it (or the refusal)."""
    locale = request_locale(request, lang)
    fields = _fields(await request.form())
    target = safe_next(fields.get("next"))
    phone = fields.get("phone", "")[:_PHONE_LENGTH]
    if not same_origin(request):
        return sign_in_page(request, lang, target, status=403, phone=phone)
    try:
        await accounts.send_phone_code(
            phone=phone,
            purpose=CodePurpose.SIGN_IN,
            address=client_address(request),
            locale=locale,
        )
    except DomainError as refused:
        problem = problem_text(locale, refused)
        status = 429 if "too_many" in refused.code else 422
        return sign_in_page(request, lang, target, status=status, problem=problem, phone=phone)
    return _code_page(request, lang, target, phone)


@post(WITH_CODE, include_in_schema=False, media_type=MediaType.HTML, status_code=200)
async def console_sign_in_with_code(
    request: Request[Any, Any, Any], accounts: NamedDependency[AccountUseCases], lang: Lang = None
) -> Template | Redirect:
    """The number and the code texted to it; on to ``next`` signed in."""
    locale = request_locale(request, lang)
    fields = _fields(await request.form())
    target = safe_next(fields.get("next"))
    phone = fields.get("phone", "")[:_PHONE_LENGTH]
    if not same_origin(request):
        return sign_in_page(request, lang, target, status=403, phone=phone)
    name = fields.get("name", "").strip()[:_NAME_LENGTH] or None
    try:
        signed = await accounts.sign_in_with_phone_code(
            phone=phone,
            code=fields.get("code", "").strip()[:_CODE_LENGTH],
            address=client_address(request),
            name=name,
            role=Role.ARTIST,
            locale=locale,
            user_agent=request.headers.get("user-agent"),
        )
    except DomainError as refused:
        problem = problem_text(locale, refused)
        status = 429 if "too_many" in refused.code else 422
        return _code_page(request, lang, target, phone, status=status, problem=problem)
    return await admit(request, accounts, signed, lang, target)


PHONE_PAGES: Final = (console_send_code, console_sign_in_with_code)
