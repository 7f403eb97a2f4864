"""The console's settings of the artist's profile (docs/console.md, "Profile and
portfolio"):

- ``GET /console/settings/profile``: the profile's words (name, bio, styles, city, time
  zone, Instagram) in one form, and its avatar and cover;
- ``POST /console/settings/profile``: the words saved (``UpdateArtistProfile``, as the API's
  ``PATCH /artists/{id}``: the same rules, a refusal said on the page with what was typed
  kept, nothing changed);
- ``POST /console/settings/profile/{avatar|cover}``: a new picture (an upload finished here,
  ``settings_uploads``, then ``SetArtistImage``), or ``remove`` to clear it.

Only the signed-in artist's own profile: nothing in an address names an artist.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

from litestar import Request, get, post
from litestar.enums import MediaType
from litestar.params import FromPath
from litestar.response import Redirect, Template

from booking_domain.catalog import ArtistProfile
from booking_domain.catalog.use_cases import ArtistImageKind, ProfileFields
from booking_domain.shared import DomainError
from entrypoints.http.serving import serving_of
from entrypoints.web.catalog.settings_uploads import (
    CHOOSE_PICTURE,
    NoPictureError,
    finished_upload,
    upload_policy,
)
from entrypoints.web.shared.console import (
    CONSOLE,
    NO_SUCH_PAGE,
    Desk,
    artist_desk,
    artist_form,
    back_to,
    checked_form,
    console_page,
    refused_page,
)
from entrypoints.web.shared.console_forms import refusal_status, refusal_text
from entrypoints.web.shared.render import Lang
from entrypoints.web.shared.texts import translator

PROFILE: Final = f"{CONSOLE}/settings/profile"
_FIELDS: Final = ("display_name", "bio", "styles", "city", "time_zone", "instagram")
_MAX_FIELD: Final = 4000  # longer than any field the rules take: they refuse it whole


@dataclass(frozen=True, slots=True)
class ProfileDraft:
    """The form's values: the profile's, or what was typed."""

    display_name: str
    bio: str
    styles: str
    city: str
    time_zone: str
    instagram: str


def _draft(artist: ArtistProfile) -> ProfileDraft:
    return ProfileDraft(
        display_name=artist.display_name,
        bio=artist.bio,
        styles=", ".join(artist.styles),
        city=artist.city or "",
        time_zone=artist.time_zone,
        instagram=artist.instagram or "",
    )


async def _page(
    request: Request[Any, Any, Any],
    desk: Desk,
    *,
    draft: ProfileDraft | None = None,
    problem: str | None = None,
    status: int = 200,
    saved: bool = False,
) -> Template:
    catalog = serving_of(request.app).bundles.catalog
    artist = await catalog.own_artist_profile(desk.actor)
    images = catalog.artist_images(artist)
    return console_page(
        "console_settings_profile.html.j2",
        request,
        desk,
        status=status,
        tab="settings",
        policy=upload_policy(request),
        draft=draft or _draft(artist),
        avatar=_small(images.avatar),
        cover=_small(images.cover),
        problem=problem,
        saved=saved,
    )


def _small(images: tuple[Any, ...]) -> str | None:
    """The small variant's address (else any), for the page."""
    by_name = {image.name: image.url for image in images}
    return by_name.get("small") or next(iter(by_name.values()), None)


@get(PROFILE, include_in_schema=False, media_type=MediaType.HTML)
async def console_profile(
    request: Request[Any, Any, Any], lang: Lang = None, saved: Lang = None
) -> Template | Redirect:
    """The profile's form and pictures."""
    desk = await artist_desk(request, lang)
    if not isinstance(desk, Desk):
        return desk
    return await _page(request, desk, saved=saved == "1")


def _fields(form: dict[str, str]) -> tuple[ProfileDraft, ProfileFields]:
    typed = {name: form.get(name, "")[:_MAX_FIELD] for name in _FIELDS}
    draft = ProfileDraft(**typed)
    styles = tuple(s for s in (part.strip() for part in typed["styles"].split(",")) if s)
    return draft, ProfileFields(
        display_name=typed["display_name"],
        bio=typed["bio"],
        styles=styles,
        city=typed["city"],
        time_zone=typed["time_zone"].strip(),
        instagram=typed["instagram"].strip(),
    )


@post(PROFILE, include_in_schema=False, media_type=MediaType.HTML, status_code=303)
async def console_save_profile(request: Request[Any, Any, Any]) -> Template | Redirect:
    """The profile's words saved at once; a refusal keeps what was typed."""
    opened = await artist_form(request)
    if not isinstance(opened, tuple):
        return opened
    desk, form = opened
    assert desk.artist is not None  # artist_desk sent anyone without a profile elsewhere
    draft, fields = _fields(form)
    catalog = serving_of(request.app).bundles.catalog
    try:
        await catalog.update_artist(desk.actor, desk.artist.id, fields)
    except DomainError as refused:
        problem, status = refusal_text(desk.locale, refused), refusal_status(refused)
        return await _page(request, desk, draft=draft, problem=problem, status=status)
    return back_to(PROFILE, saved="1")


@post(
    f"{PROFILE}/{{kind:str}}", include_in_schema=False, media_type=MediaType.HTML, status_code=303
)
async def console_profile_image(
    request: Request[Any, Any, Any], kind: FromPath[str]
) -> Template | Redirect:
    """The avatar or the cover: a new picture, or none (``remove``)."""
    desk = await artist_desk(request, None)
    if not isinstance(desk, Desk):
        return desk
    if kind not in {k.value for k in ArtistImageKind}:
        return refused_page(desk.locale, NO_SUCH_PAGE, 404)
    form = await checked_form(request, desk)
    if isinstance(form, Template):
        return form
    assert desk.artist is not None
    catalog = serving_of(request.app).bundles.catalog
    try:
        upload = None if form.get("remove") else await finished_upload(request, desk, form, kind)
        await catalog.set_artist_image(desk.actor, desk.artist.id, ArtistImageKind(kind), upload)
    except NoPictureError:
        problem = translator(desk.locale)(CHOOSE_PICTURE)
        return await _page(request, desk, problem=problem, status=422)
    except DomainError as refused:
        problem, status = refusal_text(desk.locale, refused), refusal_status(refused)
        return await _page(request, desk, problem=problem, status=status)
    return back_to(PROFILE, saved="1")


PROFILE_PAGES: Final = (console_profile, console_save_profile, console_profile_image)
