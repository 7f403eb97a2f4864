"""The console's services: what the artist offers, and at what terms.

- ``GET /console/services``: the artist's services (off offer ones too): name, duration,
  price, deposit, whether each booking waits for the artist's approval, and whether it is
  offered; with the form that adds one (``AddService``);
- ``GET /console/services/{id}``: one service's form (``GetService``);
- ``POST /console/services``: a service added; ``POST /console/services/{id}``: its terms
  changed (``UpdateService``); ``POST /console/services/{id}/offer``: taken off offer, or
  offered again (``UpdateService`` with ``active``).

Amounts are typed in whole units (``150000`` for MNT 150,000, as the pages write them) and
passed to the use cases in minor units, as the API takes them. Another artist's service is
"not found" (404), as it is in the API.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any, Final
from uuid import UUID

from litestar import Request, get, post
from litestar.di import NamedDependency
from litestar.enums import MediaType
from litestar.params import FromPath
from litestar.response import Redirect, Template

from booking_domain.catalog import FixedDeposit, PercentageDeposit, Service
from booking_domain.catalog.use_cases import CatalogUseCases, DepositChoice, ServiceFields
from booking_domain.shared import ArtistId, DomainError, Money, ServiceId
from entrypoints.web.catalog.admin import ADMIN_TABS
from entrypoints.web.catalog.flash_console import FLASH
from entrypoints.web.catalog.flash_console import TABS as FLASH_TABS
from entrypoints.web.catalog.link_console import TABS as LINK_TABS
from entrypoints.web.catalog.portfolio_console import PORTFOLIO
from entrypoints.web.catalog.profile_console import PROFILE
from entrypoints.web.catalog.settings_console import SETTINGS_SECTIONS as CARE_SECTIONS
from entrypoints.web.catalog.studio_console import TABS as STUDIO_TABS
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
    whole_units,
)
from entrypoints.web.shared.money import money_text
from entrypoints.web.shared.render import Lang
from entrypoints.web.shared.texts import translator

SERVICES: Final = f"{CONSOLE}/services"
TABS: Final = (  # flash_console.py, link_console.py, studio_console.py; the operator's: admin.py
    Tab(50, "services", SERVICES, "Services"),
    *FLASH_TABS,
    *LINK_TABS,
    *STUDIO_TABS,
    *ADMIN_TABS,
)
# The catalogue's sections of the console's settings (entrypoints.web.site.console_settings).
SETTINGS_SECTIONS: Final = (
    Tab(10, "profile", PROFILE, "Profile"),
    Tab(20, "portfolio", PORTFOLIO, "Portfolio"),
    *CARE_SECTIONS,  # the aftercare and reminders: settings_console.py
)
NO_SUCH_SERVICE: Final = "This service is not one of yours."
_MAX_MINOR: Final = 10**12  # the API's bound on an amount
_NAME_LENGTH: Final = 200  # the API's; the service keeps at most 120 characters
_MINUTES_IN_DAY: Final = 1440


@dataclass(frozen=True, slots=True)
class ServiceLine:
    """A service as the console lists it and fills its form: plain values."""

    id: str
    name: str
    duration: int
    buffer_before: int
    buffer_after: int
    price: str
    price_units: str
    currency: str
    deposit: str | None
    deposit_kind: str
    deposit_value: str
    needs_approval: bool
    active: bool
    flash: bool = False  # a size of a flash design: its page is the flash sheet's


def _line(service: Service) -> ServiceLine:
    minutes = timedelta(minutes=1)
    deposit = service.deposit
    kind, value, shown = "none", "", None
    if isinstance(deposit, FixedDeposit) and not deposit.amount.is_zero:
        kind, value = "amount", whole_units(deposit.amount.amount)
        shown = money_text(deposit.amount)
    elif isinstance(deposit, PercentageDeposit):
        percent = deposit.basis_points / 100
        kind, value = "percent", f"{percent:g}"
        shown = f"{money_text(service.deposit_amount)} ({percent:g} %)"
    return ServiceLine(
        id=str(service.id),
        name=service.name,
        duration=service.duration // minutes,
        buffer_before=service.buffer_before // minutes,
        buffer_after=service.buffer_after // minutes,
        price=money_text(service.price),
        price_units=whole_units(service.price.amount),
        currency=service.price.currency,
        deposit=shown,
        deposit_kind=kind,
        deposit_value=value,
        needs_approval=service.needs_approval,
        active=service.active,
        flash=service.flash is not None,
    )


@dataclass(frozen=True, slots=True)
class _Counter:
    request: Request[Any, Any, Any]
    desk: Desk
    catalog: CatalogUseCases

    @property
    def artist_id(self) -> ArtistId:
        assert self.desk.artist is not None  # artist_desk sent anyone without a profile elsewhere
        return self.desk.artist.id


async def _list_page(
    at: _Counter,
    *,
    problem: str | None = None,
    status: int = 200,
    draft: dict[str, str] | None = None,
) -> Template:
    services = await at.catalog.list_services(at.desk.actor, at.artist_id)
    return console_page(
        "console_services.html.j2",
        at.request,
        at.desk,
        status=status,
        tab="services",
        lines=[_line(s) for s in services],
        problem=problem,
        draft=draft or {},
    )


async def _service_page(
    at: _Counter,
    service_id: ServiceId,
    *,
    problem: str | None = None,
    status: int = 200,
) -> Template:
    try:
        service = await at.catalog.get_service(at.desk.actor, at.artist_id, service_id)
    except DomainError:
        return refused_page(at.desk.locale, NO_SUCH_SERVICE, 404)
    return console_page(
        "console_service.html.j2",
        at.request,
        at.desk,
        status=status,
        tab="services",
        line=_line(service),
        problem=problem,
    )


@get(SERVICES, include_in_schema=False, media_type=MediaType.HTML)
async def console_services(
    request: Request[Any, Any, Any],
    catalog: NamedDependency[CatalogUseCases],
    lang: Lang = None,
) -> Template | Redirect:
    """The artist's services and the form that adds one."""
    desk = await artist_desk(request, lang)
    if not isinstance(desk, Desk):
        return desk
    return await _list_page(_Counter(request, desk, catalog))


def _service_id(text: str) -> ServiceId | None:
    try:
        return ServiceId(UUID(text))
    except ValueError:
        return None


@get(f"{SERVICES}/{{service_id:str}}", include_in_schema=False, media_type=MediaType.HTML)
async def console_service(
    request: Request[Any, Any, Any],
    service_id: FromPath[str],
    catalog: NamedDependency[CatalogUseCases],
    lang: Lang = None,
) -> Template | Redirect:
    """One service's form; another artist's, or none, is "not found"."""
    desk = await artist_desk(request, lang)
    if not isinstance(desk, Desk):
        return desk
    parsed = _service_id(service_id)
    if parsed is None:
        return refused_page(desk.locale, NO_SUCH_SERVICE, 404)
    return await _service_page(_Counter(request, desk, catalog), parsed)


def _deposit(form: dict[str, str]) -> tuple[DepositChoice | None, bool]:
    """The deposit the form asks (an amount in whole units, or a whole percent), and
    whether it asks for none."""
    kind = form.get("deposit_kind", "none")
    if kind == "amount":
        return DepositChoice(amount=minor_units(form.get("deposit_value"), _MAX_MINOR)), False
    if kind == "percent":
        return DepositChoice(percent=whole_number(form.get("deposit_value"), 1, 100)), False
    return None, True


def _service_fields(form: dict[str, str]) -> ServiceFields:
    """The service the form describes (``BadFieldError`` for a number out of its bounds); the
    use case checks the rest (the name, the currency, a deposit above the price)."""
    minutes = timedelta(minutes=1)
    deposit, no_deposit = _deposit(form)
    currency = form.get("currency", "MNT").strip().upper()[:3]
    price = minor_units(form.get("price"), _MAX_MINOR)
    return ServiceFields(
        name=form.get("name", "")[:_NAME_LENGTH],
        duration=whole_number(form.get("duration"), 1, _MINUTES_IN_DAY) * minutes,
        buffer_before=whole_number(form.get("buffer_before") or "0", 0, _MINUTES_IN_DAY) * minutes,
        buffer_after=whole_number(form.get("buffer_after") or "0", 0, _MINUTES_IN_DAY) * minutes,
        price=Money(price, currency),
        deposit=deposit,
        clear_deposit=no_deposit,
        needs_approval=form.get("needs_approval") == "yes",
    )


async def _form_of(
    request: Request[Any, Any, Any], catalog: CatalogUseCases
) -> tuple[_Counter, dict[str, str]] | Template | Redirect:
    """The desk and the form of a POST, or the answer to give instead (nothing done)."""
    opened = await artist_form(request)
    if not isinstance(opened, tuple):
        return opened
    desk, form = opened
    return _Counter(request, desk, catalog), form


@post(SERVICES, include_in_schema=False, media_type=MediaType.HTML, status_code=303)
async def console_add_service(
    request: Request[Any, Any, Any], catalog: NamedDependency[CatalogUseCases]
) -> Template | Redirect:
    """A new service (``AddService``); a refusal keeps what was typed."""
    opened = await _form_of(request, catalog)
    if not isinstance(opened, tuple):
        return opened
    at, form = opened
    try:
        fields = _service_fields(form)
        await catalog.add_service(at.desk.actor, at.artist_id, fields)
    except BadFieldError:
        problem = translator(at.desk.locale)(NOT_A_NUMBER)
        return await _list_page(at, problem=problem, status=422, draft=form)
    except DomainError as refused:
        problem = refusal_text(at.desk.locale, refused)
        return await _list_page(at, problem=problem, status=refusal_status(refused), draft=form)
    return back_to(SERVICES)


async def _change(
    at: _Counter, service_id: ServiceId, fields: ServiceFields, back: str
) -> Template | Redirect:
    try:
        await at.catalog.update_service(at.desk.actor, at.artist_id, service_id, fields)
    except DomainError as refused:
        problem, status = refusal_text(at.desk.locale, refused), refusal_status(refused)
        if status == 404:
            return refused_page(at.desk.locale, NO_SUCH_SERVICE, 404)
        return await _service_page(at, service_id, problem=problem, status=status)
    return back_to(back)


@post(
    f"{SERVICES}/{{service_id:str}}",
    include_in_schema=False,
    media_type=MediaType.HTML,
    status_code=303,
)
async def console_change_service(
    request: Request[Any, Any, Any],
    service_id: FromPath[str],
    catalog: NamedDependency[CatalogUseCases],
) -> Template | Redirect:
    """A service's terms changed (``UpdateService``), back to the list (a flash size's form,
    ``back=flash``: back to the flash sheet)."""
    opened = await _form_of(request, catalog)
    if not isinstance(opened, tuple):
        return opened
    at, form = opened
    parsed = _service_id(service_id)
    if parsed is None:
        return refused_page(at.desk.locale, NO_SUCH_SERVICE, 404)
    try:
        fields = _service_fields(form)
    except BadFieldError:
        problem = translator(at.desk.locale)(NOT_A_NUMBER)
        return await _service_page(at, parsed, problem=problem, status=422)
    except DomainError as refused:  # a currency that is none
        problem, status = refusal_text(at.desk.locale, refused), refusal_status(refused)
        return await _service_page(at, parsed, problem=problem, status=status)
    return await _change(at, parsed, fields, FLASH if form.get("back") == "flash" else SERVICES)


@post(
    f"{SERVICES}/{{service_id:str}}/offer",
    include_in_schema=False,
    media_type=MediaType.HTML,
    status_code=303,
)
async def console_offer_service(
    request: Request[Any, Any, Any],
    service_id: FromPath[str],
    catalog: NamedDependency[CatalogUseCases],
) -> Template | Redirect:
    """A service taken off offer (``active=no``: kept for its bookings, not bookable) or
    offered again (``active=yes``)."""
    opened = await _form_of(request, catalog)
    if not isinstance(opened, tuple):
        return opened
    at, form = opened
    parsed = _service_id(service_id)
    if parsed is None:
        return refused_page(at.desk.locale, NO_SUCH_SERVICE, 404)
    active = ServiceFields(active=form.get("active") == "yes")
    return await _change(at, parsed, active, FLASH if form.get("back") == "flash" else SERVICES)


CONSOLE_PAGES: Final = (
    console_services,
    console_service,
    console_add_service,
    console_change_service,
    console_offer_service,
)
