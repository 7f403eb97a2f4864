"""The console's settings: its index, and the account's own sections.

- ``GET /console/settings``: the settings' index, every room's sections
  (``entrypoints.web.site.console_settings``: each room's ``console.SETTINGS_SECTIONS``);
- ``GET``/``POST /console/settings/language``: the account's language (``UpdateProfile``
  with ``locale``, as the API's ``PATCH /me``): its messages' language and the console's;
- ``GET``/``POST /console/settings/channels``: the channels of booking updates and reminders
  (``GetPreferences``/``UpdatePreferences``, as ``/me/notification-preferences``);
- ``GET /console/settings/telegram``: the chat linked with the bot (``GetTelegramChat``);
  ``POST .../telegram/link``: a one-time deep link to the bot, as a link and a QR code
  (``StartTelegramChatLink``); ``POST .../telegram/unlink`` (``UnlinkTelegramChat``).

Each is the signed-in account's own: nothing in an address names an account, so nobody
else's settings can be reached. Every form carries the form token.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, Final

from litestar import Request, get, post
from litestar.datastructures import Cookie
from litestar.enums import MediaType
from litestar.params import QueryParameter
from litestar.response import Redirect, Template

from booking_domain.shared import DomainError
from entrypoints.http.locale import SUPPORTED_LOCALES
from entrypoints.http.serving import SECURE_COOKIES, serving_of
from entrypoints.web.shared.console import (
    CONSOLE,
    LANGUAGE_COOKIE,
    Desk,
    Tab,
    artist_desk,
    artist_form,
    back_to,
    console_page,
)
from entrypoints.web.shared.console_forms import refusal_status, refusal_text
from entrypoints.web.shared.qr import qr_svg
from entrypoints.web.shared.render import Lang
from entrypoints.web.shared.texts import translator

SETTINGS: Final = f"{CONSOLE}/settings"
LANGUAGE: Final = f"{SETTINGS}/language"
CHANNELS: Final = f"{SETTINGS}/channels"
TELEGRAM: Final = f"{SETTINGS}/telegram"
TABS: Final = (Tab(90, "settings", SETTINGS, "Settings"),)
SETTINGS_SECTIONS: Final = (
    Tab(30, "language", LANGUAGE, "Language"),
    Tab(40, "channels", CHANNELS, "Notification channels"),
    Tab(50, "telegram", TELEGRAM, "Telegram"),
)
NO_SUCH_LANGUAGE: Final = "Choose one of the languages shown."
TELEGRAM_OFF: Final = "Telegram is not available on this server."
CHANNEL_NAMES: Final = ("email", "sms", "in_app", "telegram")
_YEAR: Final = 365 * 24 * 3600
Saved = Annotated[str | None, QueryParameter(max_length=1)]


@dataclass(frozen=True, slots=True)
class _Opened:
    request: Request[Any, Any, Any]
    desk: Desk
    form: dict[str, str]


async def _opened(request: Request[Any, Any, Any]) -> _Opened | Template | Redirect:
    """The desk and the form of a POST, or the answer to give instead (nothing done)."""
    opened = await artist_form(request)
    if not isinstance(opened, tuple):
        return opened
    desk, form = opened
    return _Opened(request, desk, form)


@get(SETTINGS, include_in_schema=False, media_type=MediaType.HTML)
async def console_settings_index(
    request: Request[Any, Any, Any], lang: Lang = None
) -> Template | Redirect:
    """The settings' sections, each a link to its page."""
    desk = await artist_desk(request, lang)
    if not isinstance(desk, Desk):
        return desk
    return console_page("console_settings.html.j2", request, desk, tab="settings")


# --- language -------------------------------------------------------------------------------


def _language_page(
    request: Request[Any, Any, Any],
    desk: Desk,
    *,
    saved: bool = False,
    problem: str | None = None,
    status: int = 200,
) -> Template:
    return console_page(
        "console_settings_language.html.j2",
        request,
        desk,
        status=status,
        tab="settings",
        section="language",
        saved=saved,
        problem=problem,
    )


@get(LANGUAGE, include_in_schema=False, media_type=MediaType.HTML)
async def console_language(
    request: Request[Any, Any, Any], lang: Lang = None, saved: Saved = None
) -> Template | Redirect:
    """The account's language, with the form that changes it."""
    desk = await artist_desk(request, lang)
    if not isinstance(desk, Desk):
        return desk
    return _language_page(request, desk, saved=saved == "1")


@post(LANGUAGE, include_in_schema=False, media_type=MediaType.HTML, status_code=303)
async def console_save_language(request: Request[Any, Any, Any]) -> Template | Redirect:
    """The account's language saved (``UpdateProfile``); the console speaks it from now on
    (its language cookie follows the account's choice)."""
    opened = await _opened(request)
    if not isinstance(opened, _Opened):
        return opened
    desk, chosen = opened.desk, opened.form.get("locale", "")
    if chosen not in SUPPORTED_LOCALES:
        problem = _words(desk, NO_SUCH_LANGUAGE)
        return _language_page(request, desk, problem=problem, status=422)
    accounts = serving_of(request.app).bundles.accounts
    try:
        await accounts.update_profile(desk.actor, name=None, phone=None, locale=chosen)
    except DomainError as refused:
        problem = refusal_text(desk.locale, refused)
        return _language_page(request, desk, problem=problem, status=refusal_status(refused))
    answer = back_to(LANGUAGE, saved="1")
    secure = bool(request.app.state.get(SECURE_COOKIES, True))
    answer.cookies.append(
        Cookie(
            key=LANGUAGE_COOKIE,
            value=chosen,
            path=CONSOLE,
            max_age=_YEAR,
            httponly=True,
            secure=secure,
            samesite="lax",
        )
    )
    return answer


def _words(desk: Desk, text: str) -> str:
    return translator(desk.locale)(text)


# --- channels -------------------------------------------------------------------------------


async def _channels_page(
    request: Request[Any, Any, Any],
    desk: Desk,
    *,
    saved: bool = False,
    problem: str | None = None,
    status: int = 200,
) -> Template:
    bundles = serving_of(request.app).bundles
    chosen = await bundles.notifications.get_preferences(desk.actor)
    return console_page(
        "console_settings_channels.html.j2",
        request,
        desk,
        status=status,
        tab="settings",
        section="channels",
        chosen={name: bool(getattr(chosen, name)) for name in CHANNEL_NAMES},
        saved=saved,
        problem=problem,
    )


@get(CHANNELS, include_in_schema=False, media_type=MediaType.HTML)
async def console_channels(
    request: Request[Any, Any, Any], lang: Lang = None, saved: Saved = None
) -> Template | Redirect:
    """Which channels carry booking updates and reminders."""
    desk = await artist_desk(request, lang)
    if not isinstance(desk, Desk):
        return desk
    return await _channels_page(request, desk, saved=saved == "1")


@post(CHANNELS, include_in_schema=False, media_type=MediaType.HTML, status_code=303)
async def console_save_channels(request: Request[Any, Any, Any]) -> Template | Redirect:
    """Every channel set at once: a box ticked is on, one left empty is off (a browser sends
    nothing for an empty box, so the form says which boxes it had: ``channels``)."""
    opened = await _opened(request)
    if not isinstance(opened, _Opened):
        return opened
    form = opened.form
    on = {name: form.get(name) == "on" for name in CHANNEL_NAMES}
    notifications = serving_of(request.app).bundles.notifications
    try:
        await notifications.update_preferences(
            opened.desk.actor,
            email=on["email"],
            sms=on["sms"],
            in_app=on["in_app"],
            telegram=on["telegram"],
        )
    except DomainError as refused:
        problem = refusal_text(opened.desk.locale, refused)
        status = refusal_status(refused)
        return await _channels_page(request, opened.desk, problem=problem, status=status)
    return back_to(CHANNELS, saved="1")


# --- Telegram -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LinkOffer:
    url: str | None
    command: str
    qr: str | None
    expires_at: str


async def _telegram_page(
    request: Request[Any, Any, Any],
    desk: Desk,
    *,
    offer: LinkOffer | None = None,
    problem: str | None = None,
    status: int = 200,
) -> Template:
    notifications = serving_of(request.app).bundles.notifications
    chat, off = None, False
    try:
        chat = await notifications.get_telegram_chat(desk.actor)
    except DomainError as refused:
        off = refused.code == "telegram_off"
    return console_page(
        "console_settings_telegram.html.j2",
        request,
        desk,
        status=status,
        tab="settings",
        section="telegram",
        off=off,
        chat=chat,
        linked_at=None if chat is None else desk.local(chat.linked_at).strftime("%Y-%m-%d %H:%M"),
        offer=offer,
        problem=problem,
        saved=False,
    )


@get(TELEGRAM, include_in_schema=False, media_type=MediaType.HTML)
async def console_telegram(
    request: Request[Any, Any, Any], lang: Lang = None
) -> Template | Redirect:
    """The chat linked with the bot (or none), and how to link one."""
    desk = await artist_desk(request, lang)
    if not isinstance(desk, Desk):
        return desk
    return await _telegram_page(request, desk)


@post(f"{TELEGRAM}/link", include_in_schema=False, media_type=MediaType.HTML, status_code=200)
async def console_telegram_link(request: Request[Any, Any, Any]) -> Template | Redirect:
    """A fresh one-time deep link to the bot (replacing any earlier one), shown once: as a
    link, a QR code to scan with the phone, and the command to send instead."""
    opened = await _opened(request)
    if not isinstance(opened, _Opened):
        return opened
    desk = opened.desk
    notifications = serving_of(request.app).bundles.notifications
    try:
        made = await notifications.start_telegram_chat_link(desk.actor)
    except DomainError as refused:
        problem = refusal_text(desk.locale, refused)
        return await _telegram_page(request, desk, problem=problem, status=refusal_status(refused))
    offer = LinkOffer(
        url=made.url,
        command=made.command,
        qr=None if made.url is None else qr_svg(made.url),
        expires_at=desk.local(made.expires_at).strftime("%H:%M"),
    )
    return await _telegram_page(request, desk, offer=offer)


@post(f"{TELEGRAM}/unlink", include_in_schema=False, media_type=MediaType.HTML, status_code=303)
async def console_telegram_unlink(request: Request[Any, Any, Any]) -> Template | Redirect:
    """No more messages in the linked chat (``UnlinkTelegramChat``)."""
    opened = await _opened(request)
    if not isinstance(opened, _Opened):
        return opened
    desk = opened.desk
    notifications = serving_of(request.app).bundles.notifications
    try:
        await notifications.unlink_telegram_chat(desk.actor)
    except DomainError as refused:
        problem = refusal_text(desk.locale, refused)
        return await _telegram_page(request, desk, problem=problem, status=refusal_status(refused))
    return back_to(TELEGRAM)


SETTINGS_PAGES: Final = (
    console_settings_index,
    console_language,
    console_save_language,
    console_channels,
    console_save_channels,
    console_telegram,
    console_telegram_link,
    console_telegram_unlink,
)
