"""The console's flash sheet (docs/console.md, "Flash"; the rules: docs/flash.md):

- ``GET /console/flash``: the artist's designs (``ListFlashSheet``, as ``GET
  /artists/{id}/flash`` reads them, twenty a page, ``?page=``): each with its pictures, tags,
  one-off and taken state and its sizes (switched off ones too); and the form that adds one;
- ``POST /console/flash``: a design added (its picture finished here, ``settings_uploads``,
  then ``CreateFlashDesign``), with 1-6 sizes typed in rows;
- ``POST /console/flash/{id}``: its title and tags changed (``UpdateFlashDesign``; a size's
  price, deposit and duration are its service's: the services' form changes them);
- ``GET /console/flash/{id}/remove`` asks first; ``POST`` takes it off the sheet
  (``RemoveFlashDesign``).

Amounts are typed in whole units, as on the services' page. Another artist's design is
"not found" (404) on every action, nothing changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Annotated, Any, Final
from uuid import UUID

from litestar import Request, get, post
from litestar.enums import MediaType
from litestar.params import FromPath, QueryParameter
from litestar.response import Redirect, Template

from booking_domain.catalog import FixedDeposit, FlashDesignId, PercentageDeposit, Service
from booking_domain.catalog.flash import MAX_VARIANTS
from booking_domain.catalog.use_cases import (
    DepositChoice,
    FlashDesignFields,
    FlashEntry,
    VariantFields,
)
from booking_domain.media import UploadId
from booking_domain.shared import DomainError, Money, NotFoundError, PermissionDeniedError
from booking_domain.shared.pages import Page, PageRequest
from entrypoints.http.serving import serving_of
from entrypoints.web.catalog.settings_uploads import (
    CHOOSE_PICTURE,
    NoPictureError,
    finished_upload,
    upload_policy,
)
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
from entrypoints.web.shared.console_forms import (
    NOT_A_NUMBER,
    BadFieldError,
    minor_units,
    refusal_status,
    refusal_text,
    whole_number,
)
from entrypoints.web.shared.money import money_text
from entrypoints.web.shared.render import Lang
from entrypoints.web.shared.texts import translator

FLASH: Final = f"{CONSOLE}/flash"
TABS: Final = (Tab(55, "flash", FLASH, "Flash"),)
NOT_YOUR_DESIGN: Final = "This design is not on your flash sheet."
PER_PAGE: Final = 20  # the API's default page
ROWS: Final = tuple(range(1, MAX_VARIANTS + 1))  # the add form's size rows
SIZE_FIELDS: Final = ("label", "cm", "minutes", "price", "deposit")
_MAX_MINOR: Final = 10**12  # the API's bound on an amount
_MINUTES_IN_DAY: Final = 1440
_MAX_CM: Final = 10_000  # wider than the rule (1-200): the domain refuses it, named
_MAX_TEXT: Final = 1000  # longer than the rules take: they refuse it whole
PageNumber = Annotated[int, QueryParameter(ge=1, le=1000)]


@dataclass(frozen=True, slots=True)
class SizeLine:
    id: str
    label: str
    cm: int | None
    minutes: int
    price: str
    deposit: str | None
    active: bool


@dataclass(frozen=True, slots=True)
class DesignLine:
    id: str
    title: str
    tags: str
    one_off: bool
    taken: bool
    pictures: tuple[tuple[str, str], ...]  # (small, large) of each picture
    sizes: tuple[SizeLine, ...]


def _deposit_text(service: Service) -> str | None:
    deposit = service.deposit
    if isinstance(deposit, FixedDeposit) and not deposit.amount.is_zero:
        return money_text(deposit.amount)
    if isinstance(deposit, PercentageDeposit):
        return f"{money_text(service.deposit_amount)} ({deposit.basis_points / 100:g} %)"
    return None


def _size(service: Service) -> SizeLine:
    offer = service.flash
    return SizeLine(
        id=str(service.id),
        label=offer.size_label if offer else service.name,
        cm=offer.size_cm if offer else None,
        minutes=service.duration // timedelta(minutes=1),
        price=money_text(service.price),
        deposit=_deposit_text(service),
        active=service.active,
    )


def _design(entry: FlashEntry) -> DesignLine:
    design = entry.design
    urls = {image.name: image.url for image in entry.images}
    small = urls.get("small") or urls.get("large")
    pictures = ((small, urls.get("large") or small),) if small else ()
    return DesignLine(
        id=str(design.id),
        title=design.title,
        tags=", ".join(design.tags),
        one_off=design.one_off,
        taken=design.taken,
        pictures=pictures,
        sizes=tuple(_size(v) for v in entry.variants),
    )


async def _sheet(request: Request[Any, Any, Any], desk: Desk) -> tuple[FlashEntry, ...]:
    assert desk.artist is not None  # artist_desk sent anyone without a profile elsewhere
    catalog = serving_of(request.app).bundles.catalog
    return await catalog.list_flash_sheet(desk.actor, desk.artist.id)


async def _page(
    request: Request[Any, Any, Any],
    desk: Desk,
    page: int = 1,
    *,
    problem: str | None = None,
    status: int = 200,
    draft: dict[str, str] | None = None,
) -> Template:
    found = Page.of_whole(await _sheet(request, desk), PageRequest(page, PER_PAGE))
    draft = draft or {}
    return console_page(
        "console_flash.html.j2",
        request,
        desk,
        status=status,
        tab="flash",
        policy=upload_policy(request),
        lines=[_design(e) for e in found.items],
        page=page,
        more=found.total > page * PER_PAGE,
        problem=problem,
        draft=draft,
        rows=ROWS,
        more_rows=any(draft.get(f"{f}_{i}") for i in ROWS[1:] for f in SIZE_FIELDS),
    )


@get(FLASH, include_in_schema=False, media_type=MediaType.HTML)
async def console_flash(
    request: Request[Any, Any, Any], lang: Lang = None, page: PageNumber = 1
) -> Template | Redirect:
    """The flash sheet, and the form that adds a design."""
    desk = await artist_desk(request, lang)
    if not isinstance(desk, Desk):
        return desk
    return await _page(request, desk, page)


def _tags(text: str) -> tuple[str, ...]:
    return tuple(t for t in (part.strip() for part in text[:_MAX_TEXT].split(",")) if t)


def _deposit(text: str) -> DepositChoice | None:
    """``20 %`` a share of the price; ``30000`` an amount in whole units; empty: none."""
    cleaned = text.strip()
    if not cleaned:
        return None
    if cleaned.endswith("%"):
        return DepositChoice(percent=whole_number(cleaned[:-1], 1, 100))
    amount = minor_units(cleaned, _MAX_MINOR)
    if amount < 1:
        raise BadFieldError
    return DepositChoice(amount=amount)


def _variants(form: dict[str, str], currency: str) -> tuple[VariantFields, ...]:
    """The size rows the artist filled (an empty row is no size); ``BadFieldError`` for a
    number out of its bounds. The domain checks the rest (labels, how many, the cm)."""
    sizes = []
    for row in ROWS:
        typed = {f: form.get(f"{f}_{row}", "")[:_MAX_TEXT] for f in SIZE_FIELDS}
        if not any(v.strip() for v in typed.values()):
            continue
        cm = typed["cm"].strip()
        sizes.append(
            VariantFields(
                size_label=typed["label"],
                duration=timedelta(minutes=whole_number(typed["minutes"], 1, _MINUTES_IN_DAY)),
                price=Money(minor_units(typed["price"], _MAX_MINOR), currency),
                size_cm=whole_number(cm, 0, _MAX_CM) if cm else None,
                deposit=_deposit(typed["deposit"]),
            )
        )
    return tuple(sizes)


def _draft(form: dict[str, str]) -> dict[str, str]:
    """What was typed, shown again after a refusal (never the picture: chosen again)."""
    keys = ["title", "tags", "one_off", "currency"]
    keys += [f"{f}_{row}" for row in ROWS for f in SIZE_FIELDS]
    return {k: form[k][:_MAX_TEXT] for k in keys if k in form}


@post(FLASH, include_in_schema=False, media_type=MediaType.HTML, status_code=303)
async def console_add_design(request: Request[Any, Any, Any]) -> Template | Redirect:
    """A design added to the sheet; a refusal keeps what was typed (422, the field named)."""
    opened = await artist_form(request)
    if not isinstance(opened, tuple):
        return opened
    desk, form = opened
    draft = _draft(form)
    catalog = serving_of(request.app).bundles.catalog
    say = translator(desk.locale)
    try:
        currency = form.get("currency", "MNT").strip().upper()[:3]
        variants = _variants(form, currency)
        upload = await finished_upload(request, desk, form, "portfolio")
        fields = FlashDesignFields(
            upload_id=UploadId(upload),
            title=form.get("title", "")[:_MAX_TEXT],
            variants=variants,
            tags=_tags(form.get("tags", "")),
            one_off=form.get("one_off") == "yes",
        )
        await catalog.create_flash_design(desk.actor, fields)
    except BadFieldError:
        return await _page(request, desk, problem=say(NOT_A_NUMBER), status=422, draft=draft)
    except NoPictureError:
        return await _page(request, desk, problem=say(CHOOSE_PICTURE), status=422, draft=draft)
    except DomainError as refused:
        problem, status = refusal_text(desk.locale, refused), refusal_status(refused)
        return await _page(request, desk, problem=problem, status=status, draft=draft)
    return back_to(FLASH)


def _design_id(text: str) -> FlashDesignId | None:
    try:
        return FlashDesignId(UUID(text))
    except ValueError:
        return None


async def _refused(request: Request[Any, Any, Any], desk: Desk, refused: DomainError) -> Template:
    if isinstance(refused, NotFoundError | PermissionDeniedError):  # another artist's design
        return refused_page(desk.locale, NOT_YOUR_DESIGN, 404)
    problem, status = refusal_text(desk.locale, refused), refusal_status(refused)
    return await _page(request, desk, problem=problem, status=status)


@post(
    f"{FLASH}/{{design_id:str}}",
    include_in_schema=False,
    media_type=MediaType.HTML,
    status_code=303,
)
async def console_change_design(
    request: Request[Any, Any, Any], design_id: FromPath[str]
) -> Template | Redirect:
    """A design's title and tags (a new title renames its sizes)."""
    opened = await artist_form(request)
    if not isinstance(opened, tuple):
        return opened
    desk, form = opened
    parsed = _design_id(design_id)
    if parsed is None:
        return refused_page(desk.locale, NOT_YOUR_DESIGN, 404)
    catalog = serving_of(request.app).bundles.catalog
    try:
        await catalog.update_flash_design(
            desk.actor,
            parsed,
            title=form.get("title", "")[:_MAX_TEXT],
            tags=_tags(form.get("tags", "")),
        )
    except DomainError as refused:
        return await _refused(request, desk, refused)
    return back_to(FLASH)


@get(f"{FLASH}/{{design_id:str}}/remove", include_in_schema=False, media_type=MediaType.HTML)
async def console_remove_design_ask(
    request: Request[Any, Any, Any], design_id: FromPath[str], lang: Lang = None
) -> Template | Redirect:
    """Asks first, saying what happens to its sizes and their bookings."""
    desk = await artist_desk(request, lang)
    if not isinstance(desk, Desk):
        return desk
    parsed = _design_id(design_id)
    found = [e for e in await _sheet(request, desk) if e.design.id == parsed]
    if not found:
        return refused_page(desk.locale, NOT_YOUR_DESIGN, 404)
    return console_page(
        "console_flash_remove.html.j2", request, desk, tab="flash", line=_design(found[0])
    )


@post(
    f"{FLASH}/{{design_id:str}}/remove",
    include_in_schema=False,
    media_type=MediaType.HTML,
    status_code=303,
)
async def console_remove_design(
    request: Request[Any, Any, Any], design_id: FromPath[str]
) -> Template | Redirect:
    """The design off the sheet, its sizes switched off (bookings made keep them)."""
    opened = await artist_form(request)
    if not isinstance(opened, tuple):
        return opened
    desk, _ = opened
    parsed = _design_id(design_id)
    if parsed is None:
        return refused_page(desk.locale, NOT_YOUR_DESIGN, 404)
    catalog = serving_of(request.app).bundles.catalog
    try:
        await catalog.remove_flash_design(desk.actor, parsed)
    except DomainError as refused:
        return await _refused(request, desk, refused)
    return back_to(FLASH)


FLASH_PAGES: Final = (
    console_flash,
    console_add_design,
    console_change_design,
    console_remove_design_ask,
    console_remove_design,
)
