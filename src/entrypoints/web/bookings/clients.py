"""The console's clients:

- ``GET /console/clients`` (``?q=&page=``): the artist's roster (``ListClients``): everyone
  the artist booked, latest last booking first, searched by name or phone, with how their
  bookings went; a search that is no clean text is said on the page (422);
- ``GET /console/clients/{kind}/{id}`` (``customer`` or ``client``, ``?page=``): one
  person and their bookings with this artist (``GetClientHistory``), each linking to its
  page; anyone the artist never booked is "not found" (404), whoever they are;
- ``GET /console/clients.csv``: the whole roster as a spreadsheet file (UTF-8 with a byte
  order mark, so spreadsheet apps read Cyrillic; never kept; cells a spreadsheet would take
  for a formula start with ``'``).

Every handler: who is at the desk, one use case, the page (docs/console.md).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Annotated, Any, Final
from urllib.parse import urlencode
from uuid import UUID

from litestar import Request, Response, get
from litestar.di import NamedDependency
from litestar.enums import MediaType
from litestar.params import FromPath, QueryParameter
from litestar.response import Redirect, Template

from booking_domain.bookings import BookedFor, ClientId, NamedBooking, RosterEntry
from booking_domain.bookings.use_cases import BookingUseCases
from booking_domain.shared import (
    MAX_PAGE,
    MAX_PAGE_SIZE,
    Clock,
    DomainError,
    NotFoundError,
    Page,
    PageRequest,
    UserId,
)
from entrypoints.web.bookings.console import bookings_desk
from entrypoints.web.shared.console import (
    CONSOLE,
    Desk,
    console_page,
    problem_text,
    refused_page,
    with_renewal,
)
from entrypoints.web.shared.render import Lang
from entrypoints.web.shared.spreadsheet import spreadsheet, spreadsheet_answer
from entrypoints.web.shared.texts import translator

CLIENTS: Final = f"{CONSOLE}/clients"
PAGE_SIZE: Final = 20
NOT_YOUR_CLIENT: Final = "This person is not one of your clients."
# The spreadsheet's column headings (English; Mongolian in this room's catalogue).
CSV_HEADINGS: Final = (
    "Name", "Phone", "Kind", "Bookings", "Completed", "No-shows", "Cancelled",
    "First booking", "Last booking",
)  # fmt: skip
CUSTOMER_KIND: Final = "Customer account"
CLIENT_KIND: Final = "Client record"
_KINDS: Final = ("customer", "client")
Text = Annotated[str | None, QueryParameter(max_length=2_000)]
PageNumber = Annotated[str | None, QueryParameter(max_length=20)]


@dataclass(frozen=True, slots=True)
class ClientLine:
    """A person as the console shows them: plain values, dates in the artist's zone."""

    kind: str
    id: str
    name: str
    phone: str | None
    bookings: int
    completed: int
    no_shows: int
    cancelled: int
    first: str
    last: str


def _line(entry: RosterEntry, desk: Desk) -> ClientLine:
    customer = entry.customer_id is not None
    person = entry.customer_id if customer else entry.client_id
    return ClientLine(
        kind=_KINDS[0] if customer else _KINDS[1], id=str(person), name=entry.name,
        phone=entry.phone, bookings=entry.bookings, completed=entry.completed,
        no_shows=entry.no_shows, cancelled=entry.cancelled,
        first=desk.local(entry.first_start).date().isoformat(),
        last=desk.local(entry.last_start).date().isoformat(),
    )  # fmt: skip


def _page_number(text: str | None) -> int:
    """The page asked for, else the first (a number the list cannot have too)."""
    try:
        number = int(text or "1")
    except ValueError:
        return 1
    return number if 1 <= number <= MAX_PAGE else 1


def _pager(page: Page[Any], **params: str) -> dict[str, str | None]:
    """The query strings of the pages before and after this one (None where there is none)."""
    shown = {k: v for k, v in params.items() if v}
    number = page.request.page

    def at(n: int) -> str:
        return urlencode({**shown, "page": str(n)})

    return {
        "previous": at(number - 1) if number > 1 else None,
        "next": at(number + 1) if page.has_next else None,
    }


@get(CLIENTS, include_in_schema=False, media_type=MediaType.HTML)
async def console_clients(
    request: Request[Any, Any, Any],
    bookings: NamedDependency[BookingUseCases],
    lang: Lang = None,
    q: Text = None,
    page: PageNumber = None,
) -> Template | Redirect:
    """The artist's clients, latest last booking first, searched by ``q``."""
    desk = await bookings_desk(request, lang)
    if not isinstance(desk, Desk):
        return desk
    text = q or ""
    try:
        found = await bookings.list_clients(
            desk.actor, text, PageRequest(_page_number(page), PAGE_SIZE)
        )
    except DomainError as refused:
        return console_page(
            "console_clients.html.j2", request, desk, status=422, tab="clients",
            q=text, lines=[], total=0, problem=problem_text(desk.locale, refused), pager=None,
        )  # fmt: skip
    return console_page(
        "console_clients.html.j2", request, desk, tab="clients", q=text,
        lines=[_line(e, desk) for e in found.items], total=found.total, problem=None,
        pager=_pager(found, q=text),
    )  # fmt: skip


def _person(kind: str, text: str) -> BookedFor | None:
    try:
        parsed = UUID(text)
    except ValueError:
        return None
    if kind == _KINDS[0]:
        return BookedFor(customer_id=UserId(parsed))
    return BookedFor(client_id=ClientId(parsed)) if kind == _KINDS[1] else None


@dataclass(frozen=True, slots=True)
class VisitLine:
    """One of the person's bookings: its day, time, service and state."""

    id: str
    day: str
    start: str
    service: str
    status: str


def _visit(named: NamedBooking, desk: Desk) -> VisitLine:
    start = desk.local(named.booking.start)
    return VisitLine(
        id=str(named.booking.id), day=start.date().isoformat(), start=start.strftime("%H:%M"),
        service=named.names.service or "", status=named.booking.status.value,
    )  # fmt: skip


@get(
    f"{CLIENTS}/{{kind:str}}/{{person_id:str}}", include_in_schema=False, media_type=MediaType.HTML
)
async def console_client(
    request: Request[Any, Any, Any],
    kind: FromPath[str],
    person_id: FromPath[str],
    bookings: NamedDependency[BookingUseCases],
    lang: Lang = None,
    page: PageNumber = None,
) -> Template | Redirect:
    """One of the artist's clients and their bookings with the artist; anyone else is "not
    found"."""
    desk = await bookings_desk(request, lang)
    if not isinstance(desk, Desk):
        return desk
    person = _person(kind, person_id)
    if person is None:
        return refused_page(desk.locale, NOT_YOUR_CLIENT, 404)
    try:
        history = await bookings.client_history(
            desk.actor, person, PageRequest(_page_number(page), PAGE_SIZE)
        )
    except NotFoundError:
        return refused_page(desk.locale, NOT_YOUR_CLIENT, 404)
    return console_page(
        "console_client.html.j2", request, desk, tab="clients", kind=kind,
        line=_line(history.entry, desk), total=history.bookings.total,
        visits=[_visit(n, desk) for n in history.bookings.items],
        pager=_pager(history.bookings),
    )  # fmt: skip


def roster_csv(lines: Iterable[ClientLine], locale: str) -> bytes:
    """The roster as CSV (``spreadsheet``: UTF-8 with a byte order mark, formula-safe),
    headings in ``locale``."""
    words = translator(locale)
    rows = [[words(h) for h in CSV_HEADINGS]]
    for line in lines:
        kind = words(CUSTOMER_KIND if line.kind == _KINDS[0] else CLIENT_KIND)
        rows.append([
            line.name, line.phone or "", kind, str(line.bookings), str(line.completed),
            str(line.no_shows), str(line.cancelled), line.first, line.last,
        ])  # fmt: skip
    return spreadsheet(rows)


@get(f"{CLIENTS}.csv", include_in_schema=False)
async def console_clients_csv(
    request: Request[Any, Any, Any],
    bookings: NamedDependency[BookingUseCases],
    clock: NamedDependency[Clock],
    lang: Lang = None,
) -> Response[bytes] | Template | Redirect:
    """Every client of the artist's as a CSV file, in the roster's order."""
    desk = await bookings_desk(request, lang)
    if not isinstance(desk, Desk):
        return desk
    lines: list[ClientLine] = []
    number, more = 1, True
    while more:
        found = await bookings.list_clients(desk.actor, None, PageRequest(number, MAX_PAGE_SIZE))
        lines.extend(_line(e, desk) for e in found.items)
        number, more = number + 1, found.has_next and number < MAX_PAGE
    name = f"clients-{desk.local(clock.now()).date().isoformat()}.csv"
    response = spreadsheet_answer(roster_csv(lines, desk.locale), name)
    return with_renewal(response, request, desk)


CLIENT_PAGES: Final = (console_clients, console_client, console_clients_csv)
