"""The console's studio: the studio an artist owns or works in, its members and invites,
and the page that accepts an invite.

- ``GET /console/studio``: for an owner, their studio (``?studio=`` picks one of several
  they own): the members (each with **Remove…**, which asks first; the owner's own profile
  stays), the open invites (each with **Withdraw**) and **Make an invite link**, whose
  answer shows the new link (to copy) and its QR code this once; a link to the studio's
  day (the bookings room's ``/console/studio/day``). For a member, the studio they work in
  and **Leave…**; for anyone else, **Create a studio** (which they join when in none);
- ``GET /console/studio-invites/{token}``: what the invite is (its studio, its expiry, and
  the studio accepting leaves), with **Join** (one form); signed out, the sign-in page
  first, coming back here after;
- every form: one use case with the desk's actor (``CatalogUseCases``), a refusal said on
  the page, nothing changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final
from uuid import UUID

from litestar import Request, get, post
from litestar.di import NamedDependency
from litestar.enums import MediaType
from litestar.params import FromPath
from litestar.response import Redirect, Template

from booking_domain.catalog import ArtistProfile, Studio, StudioInvite, StudioInviteId
from booking_domain.catalog.use_cases import (
    CatalogUseCases,
    MadeInvite,
    ProfileFields,
    StudioFields,
)
from booking_domain.shared import ArtistId, DomainError, StudioId
from entrypoints.web.shared.console import (
    CONSOLE,
    Desk,
    Tab,
    artist_desk,
    artist_form,
    back_to,
    console_page,
    refused_page,
)
from entrypoints.web.shared.console_forms import refusal_status, refusal_text
from entrypoints.web.shared.dates import full_date
from entrypoints.web.shared.qr import qr_svg
from entrypoints.web.shared.render import Lang

STUDIO: Final = f"{CONSOLE}/studio"
INVITES: Final = f"{CONSOLE}/studio-invites"
TABS: Final = (Tab(65, "studio", STUDIO, "Studio"),)
NO_SUCH_STUDIO: Final = "This studio is not one of yours."
_TYPED: Final = 400  # characters of a form's text field read (the rules take fewer)


@dataclass(frozen=True, slots=True)
class InviteLine:
    id: str
    note: str
    expires: str


@dataclass(frozen=True, slots=True)
class MadeLine:
    url: str
    qr: str


@dataclass(frozen=True, slots=True)
class _At:
    request: Request[Any, Any, Any]
    desk: Desk
    catalog: CatalogUseCases

    @property
    def artist(self) -> ArtistProfile:
        assert self.desk.artist is not None  # artist_desk sent anyone without one elsewhere
        return self.desk.artist


def _uuid(text: str) -> UUID | None:
    try:
        return UUID(text[:64])
    except ValueError:
        return None


def _invite_line(invite: StudioInvite, desk: Desk) -> InviteLine:
    expires = desk.local(invite.expires_at)
    when = f"{full_date(expires.date(), desk.locale)} {expires:%H:%M}"
    return InviteLine(str(invite.id), invite.note, when)


async def _shown_studio(at: _At, owned: tuple[Studio, ...], asked: str | None) -> Studio | None:
    """The owned studio the page shows: the one asked for, else the first."""
    wanted = None if asked is None else _uuid(asked)
    return next((s for s in owned if wanted is None or s.id == wanted), None)


async def _page(
    at: _At,
    *,
    asked: str | None = None,
    made: MadeInvite | None = None,
    problem: str | None = None,
    status: int = 200,
) -> Template:
    artist = at.artist
    owned = await at.catalog.owned_studios(at.desk.actor)
    studio = await _shown_studio(at, owned, asked)
    members: tuple[ArtistProfile, ...] = ()
    invites: list[InviteLine] = []
    if studio is not None:
        members = await at.catalog.list_studio_members(at.desk.actor, studio.id)
        found = await at.catalog.list_studio_invites(at.desk.actor, studio.id)
        invites = [_invite_line(i, at.desk) for i in found]
    mine = None
    if artist.studio_id is not None and artist.studio_id not in {s.id for s in owned}:
        mine = (await at.catalog.get_studio(artist.studio_id)).studio
    return console_page(
        "console_studio.html.j2",
        at.request,
        at.desk,
        status=status,
        tab="studio",
        owned=owned,
        studio=studio,
        members=members,
        invites=invites,
        made=None if made is None else MadeLine(made.url, qr_svg(made.url)),
        mine=mine,
        problem=problem,
    )


@get(STUDIO, include_in_schema=False, media_type=MediaType.HTML)
async def console_studio(
    request: Request[Any, Any, Any],
    catalog: NamedDependency[CatalogUseCases],
    lang: Lang = None,
    studio: str | None = None,
) -> Template | Redirect:
    """The studio the artist owns (its members and invites) or works in, or a new one."""
    desk = await artist_desk(request, lang)
    if not isinstance(desk, Desk):
        return desk
    return await _page(_At(request, desk, catalog), asked=studio)


async def _opened(
    request: Request[Any, Any, Any], catalog: CatalogUseCases
) -> tuple[_At, dict[str, str]] | Template | Redirect:
    opened = await artist_form(request)
    if not isinstance(opened, tuple):
        return opened
    desk, form = opened
    return _At(request, desk, catalog), form


async def _refused(at: _At, refused: DomainError, asked: str | None = None) -> Template:
    if refusal_status(refused) == 404:
        return refused_page(at.desk.locale, NO_SUCH_STUDIO, 404)
    problem = refusal_text(at.desk.locale, refused)
    return await _page(at, asked=asked, problem=problem, status=refusal_status(refused))


@post(f"{STUDIO}/new", include_in_schema=False, media_type=MediaType.HTML, status_code=303)
async def console_new_studio(
    request: Request[Any, Any, Any], catalog: NamedDependency[CatalogUseCases]
) -> Template | Redirect:
    """A studio the artist owns (``CreateStudio``), which they join when in none."""
    opened = await _opened(request, catalog)
    if not isinstance(opened, tuple):
        return opened
    at, form = opened
    fields = StudioFields(
        name=form.get("name", "")[:_TYPED],
        address=form.get("address", "")[:_TYPED],
        city=form.get("city", "")[:_TYPED],
    )
    try:
        made = await catalog.create_studio(at.desk.actor, fields)
        if at.artist.studio_id is None:
            await catalog.update_artist(
                at.desk.actor, at.artist.id, ProfileFields(studio_id=made.id)
            )
    except DomainError as refused:
        return await _refused(at, refused)
    return back_to(STUDIO, studio=str(made.id))


@post(
    f"{STUDIO}/{{studio_id:str}}/invites",
    include_in_schema=False,
    media_type=MediaType.HTML,
    status_code=200,
)
async def console_new_invite(
    request: Request[Any, Any, Any],
    studio_id: FromPath[str],
    catalog: NamedDependency[CatalogUseCases],
) -> Template | Redirect:
    """An invite link (``CreateStudioInvite``), shown on the page this once with its QR."""
    opened = await _opened(request, catalog)
    if not isinstance(opened, tuple):
        return opened
    at, form = opened
    parsed = _uuid(studio_id)
    if parsed is None:
        return refused_page(at.desk.locale, NO_SUCH_STUDIO, 404)
    try:
        made = await catalog.create_studio_invite(
            at.desk.actor, StudioId(parsed), form.get("note", "")[:_TYPED]
        )
    except DomainError as refused:
        return await _refused(at, refused, studio_id)
    return await _page(at, asked=studio_id, made=made)


@post(
    f"{STUDIO}/{{studio_id:str}}/invites/{{invite_id:str}}/revoke",
    include_in_schema=False,
    media_type=MediaType.HTML,
    status_code=303,
)
async def console_revoke_invite(
    request: Request[Any, Any, Any],
    studio_id: FromPath[str],
    invite_id: FromPath[str],
    catalog: NamedDependency[CatalogUseCases],
) -> Template | Redirect:
    """An open invite withdrawn (``RevokeStudioInvite``)."""
    opened = await _opened(request, catalog)
    if not isinstance(opened, tuple):
        return opened
    at, _ = opened
    studio, invite = _uuid(studio_id), _uuid(invite_id)
    if studio is None or invite is None:
        return refused_page(at.desk.locale, NO_SUCH_STUDIO, 404)
    try:
        await catalog.revoke_studio_invite(at.desk.actor, StudioId(studio), StudioInviteId(invite))
    except DomainError as refused:
        return await _refused(at, refused, studio_id)
    return back_to(STUDIO, studio=studio_id)


def _member_path(studio_id: str, artist_id: str) -> str:
    return f"{STUDIO}/{studio_id}/members/{artist_id}/remove"


@get(
    f"{STUDIO}/{{studio_id:str}}/members/{{artist_id:str}}/remove",
    include_in_schema=False,
    media_type=MediaType.HTML,
)
async def console_remove_member_ask(
    request: Request[Any, Any, Any],
    studio_id: FromPath[str],
    artist_id: FromPath[str],
    catalog: NamedDependency[CatalogUseCases],
    lang: Lang = None,
) -> Template | Redirect:
    """Asks first: remove this member (the owner), or leave (the member themself)."""
    desk = await artist_desk(request, lang)
    if not isinstance(desk, Desk):
        return desk
    studio, artist = _uuid(studio_id), _uuid(artist_id)
    if studio is None or artist is None:
        return refused_page(desk.locale, NO_SUCH_STUDIO, 404)
    leaving = desk.artist is not None and desk.artist.id == artist
    try:
        shown = (await catalog.get_studio(StudioId(studio))).studio
        members = (
            (desk.artist,)
            if leaving and desk.artist is not None
            else await catalog.list_studio_members(desk.actor, shown.id)
        )
    except DomainError:
        return refused_page(desk.locale, NO_SUCH_STUDIO, 404)
    member = next((m for m in members if m.id == artist and m.studio_id == shown.id), None)
    if member is None:
        return refused_page(desk.locale, NO_SUCH_STUDIO, 404)
    return console_page(
        "console_studio_remove.html.j2",
        request,
        desk,
        tab="studio",
        studio=shown,
        member=member,
        leaving=leaving,
        action=_member_path(studio_id, artist_id),
    )


@post(
    f"{STUDIO}/{{studio_id:str}}/members/{{artist_id:str}}/remove",
    include_in_schema=False,
    media_type=MediaType.HTML,
    status_code=303,
)
async def console_remove_member(
    request: Request[Any, Any, Any],
    studio_id: FromPath[str],
    artist_id: FromPath[str],
    catalog: NamedDependency[CatalogUseCases],
) -> Template | Redirect:
    """The member taken out of the studio, or the artist leaving (``RemoveStudioMember``)."""
    opened = await _opened(request, catalog)
    if not isinstance(opened, tuple):
        return opened
    at, _ = opened
    studio, artist = _uuid(studio_id), _uuid(artist_id)
    if studio is None or artist is None:
        return refused_page(at.desk.locale, NO_SUCH_STUDIO, 404)
    try:
        await catalog.remove_studio_member(at.desk.actor, StudioId(studio), ArtistId(artist))
    except DomainError as refused:
        return await _refused(at, refused, studio_id)
    return back_to(STUDIO, studio=studio_id if ArtistId(artist) != at.artist.id else "")


async def _invite_page(
    at: _At, token: str, *, problem: str | None = None, status: int = 200
) -> Template:
    try:
        landing = await at.catalog.show_studio_invite(at.desk.actor, token)
    except DomainError as refused:
        return console_page(
            "console_studio_invite.html.j2",
            at.request,
            at.desk,
            status=refusal_status(refused),
            landing=None,
            problem=refusal_text(at.desk.locale, refused),
        )
    expires = at.desk.local(landing.invite.expires_at)
    return console_page(
        "console_studio_invite.html.j2",
        at.request,
        at.desk,
        status=status,
        landing=landing,
        expires=f"{full_date(expires.date(), at.desk.locale)} {expires:%H:%M}",
        action=f"{INVITES}/{token}",
        problem=problem,
    )


@get(f"{INVITES}/{{token:str}}", include_in_schema=False, media_type=MediaType.HTML)
async def console_studio_invite(
    request: Request[Any, Any, Any],
    token: FromPath[str],
    catalog: NamedDependency[CatalogUseCases],
    lang: Lang = None,
) -> Template | Redirect:
    """What the invite is, with **Join**; signed out: signing in first, then back here."""
    desk = await artist_desk(request, lang)
    if not isinstance(desk, Desk):
        return desk
    return await _invite_page(_At(request, desk, catalog), token[:200])


@post(
    f"{INVITES}/{{token:str}}", include_in_schema=False, media_type=MediaType.HTML, status_code=303
)
async def console_accept_invite(
    request: Request[Any, Any, Any],
    token: FromPath[str],
    catalog: NamedDependency[CatalogUseCases],
) -> Template | Redirect:
    """The artist joins the invite's studio (``AcceptStudioInvite``)."""
    opened = await _opened(request, catalog)
    if not isinstance(opened, tuple):
        return opened
    at, _ = opened
    try:
        await catalog.accept_studio_invite(at.desk.actor, token[:200])
    except DomainError as refused:
        problem = refusal_text(at.desk.locale, refused)
        return await _invite_page(at, token[:200], problem=problem, status=refusal_status(refused))
    return back_to(STUDIO)


STUDIO_PAGES: Final = (
    console_studio,
    console_new_studio,
    console_new_invite,
    console_revoke_invite,
    console_remove_member_ask,
    console_remove_member,
    console_studio_invite,
    console_accept_invite,
)
