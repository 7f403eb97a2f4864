"""The console's tattoo requests:

- ``GET /console/requests`` (``?show=open|all``, ``&page=``): the artist's requests, those
  still in play (open or accepted, waiting for the artist first) or all of them (newest
  first), each with its customer's name, the idea (shortened), placement, size, colour,
  budget, state and its first reference picture (``RequestInbox``);
- ``GET /console/requests/{id}`` (``?thread=`` a page of the thread): the request in full,
  its pictures, its thread, its quotes and project, and the forms of the steps its artist
  may take now (``OpenRequestFile``, ``artist_steps``);
- ``POST /console/requests/{id}/{step}``: ``accept``, ``decline`` or ``reply`` (a message:
  ``AcceptRequest``, ``DeclineRequest``, ``PostRequestMessage``) or ``quote`` (the terms:
  ``OfferQuote``). The API's rules and access: another artist's request is "not found".

Every handler: who is at the desk, one use case, the page (docs/console.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any, Final
from uuid import UUID

from litestar import Request, get, post
from litestar.di import NamedDependency
from litestar.enums import MediaType
from litestar.params import FromPath, QueryParameter
from litestar.response import Redirect, Template

from booking_domain.commissions import ArtistStep, RequestId
from booking_domain.commissions.use_cases import (
    CommissionUseCases,
    InboxShows,
)
from booking_domain.shared import (
    Clock,
    DomainError,
    InvalidInputError,
    NotFoundError,
    PageRequest,
)
from entrypoints.http.translations import translate
from entrypoints.web.commissions.console_views import (
    inbox_line,
    picture,
    project_facts,
    quote_defaults,
    quote_draft,
    quote_line,
    request_line,
)
from entrypoints.web.shared.console import (
    CONSOLE,
    Desk,
    Tab,
    artist_desk,
    artist_form,
    back_to,
    console_page,
    problem_text,
    refused_page,
)
from entrypoints.web.shared.render import Lang

REQUESTS: Final = f"{CONSOLE}/requests"
TABS: Final = (Tab(30, "requests", REQUESTS, "Requests"),)
NOT_YOURS: Final = "This request is not one of yours."
Show = Annotated[str | None, QueryParameter(max_length=8)]
PageNo = Annotated[str | None, QueryParameter(max_length=6)]
INBOX_SIZE: Final = 20
THREAD_SIZE: Final = 50
_STEPS: Final = frozenset(s.value for s in ArtistStep)
# What each step's success says on the request's page (the request page's words).
DONE: Final = {
    ArtistStep.ACCEPT.value: "You accepted the request.",
    ArtistStep.DECLINE.value: "You declined the request.",
    ArtistStep.REPLY.value: "Your message is sent.",
    ArtistStep.QUOTE.value: "Your quote is sent.",
}
_QUOTE_FIELDS: Final = (
    "sessions", "session_minutes", "price_min", "price_max", "deposit", "currency",
    "gap_days", "valid_days", "note",
)  # fmt: skip


def _page_number(text: str | None) -> int:
    """A page asked for (ASCII digits), else the first."""
    if text and text.isascii() and text.isdigit() and 0 < int(text) < 100_000:
        return int(text)
    return 1


@get(REQUESTS, include_in_schema=False, media_type=MediaType.HTML)
async def console_requests(
    request: Request[Any, Any, Any],
    commissions: NamedDependency[CommissionUseCases],
    lang: Lang = None,
    show: Show = None,
    page: PageNo = None,
) -> Template | Redirect:
    """The artist's requests: those in play (the default) or all of them."""
    desk = await artist_desk(request, lang)
    if not isinstance(desk, Desk):
        return desk
    shows = InboxShows.ALL if show == InboxShows.ALL.value else InboxShows.IN_PLAY
    number = _page_number(page)
    found = await commissions.request_inbox(
        desk.actor, PageRequest(number, INBOX_SIZE), shows=shows
    )
    return console_page(
        "console_requests.html.j2",
        request,
        desk,
        tab="requests",
        show=shows.value,
        lines=[inbox_line(f, desk) for f in found.items],
        total=found.total,
        page=number,
        previous=number - 1 if number > 1 else None,
        next=number + 1 if number * INBOX_SIZE < found.total else None,
    )


def _request_id(text: str) -> RequestId | None:
    try:
        return RequestId(UUID(text))
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class _Refusal:
    """A step's refusal as the request's page says it: its words, each field's problem
    (the quote's fields, by the API's names) and what the artist had typed."""

    problem: str
    fields: tuple[tuple[str, str], ...]
    kept: dict[str, str]
    status: int


def _refusal(desk: Desk, refused: DomainError, kept: dict[str, str]) -> _Refusal:
    fields: tuple[tuple[str, str], ...] = ()
    status = 409
    if isinstance(refused, NotFoundError):
        status = 404
    elif isinstance(refused, InvalidInputError):
        status = 422
        fields = tuple((e.field, translate(desk.locale, e.message)) for e in refused.errors)
    return _Refusal(problem_text(desk.locale, refused), fields, kept, status)


@dataclass(frozen=True, slots=True)
class _Counter:
    """What a console handler of requests works with: the request, who is at the desk, the
    context's use cases and the clock."""

    request: Request[Any, Any, Any]
    desk: Desk
    commissions: CommissionUseCases
    clock: Clock


async def _request_page(
    at: _Counter,
    request_id: RequestId,
    *,
    thread: int = 1,
    done: str | None = None,
    refusal: _Refusal | None = None,
) -> Template:
    desk = at.desk
    try:
        file = await at.commissions.open_request_file(
            desk.actor, request_id, PageRequest(thread, THREAD_SIZE)
        )
    except NotFoundError:
        return refused_page(desk.locale, NOT_YOURS, 404)
    seen = file.seen
    pictures = [
        {"small": picture(links, "small"), "large": picture(links, "large")}
        for links in seen.images
    ]
    line = request_line(
        seen.request, file.customer, desk, pictures[0]["small"] if pictures else None
    )
    messages = [
        {
            "mine": m.message.author_id == desk.actor.user_id,
            "role": m.message.author_role.value,
            "text": m.message.text,
            "at": desk.local(m.message.created_at).strftime("%Y-%m-%d %H:%M"),
            "picture": picture(m.images, "small"),
        }
        for m in file.thread.items
    ]
    total = file.thread.total
    kept = {**quote_defaults(file), **(refusal.kept if refusal else {})}
    return console_page(
        "console_request.html.j2",
        at.request,
        desk,
        status=refusal.status if refusal else 200,
        tab="requests",
        line=line,
        pictures=pictures,
        messages=messages,
        thread=thread,
        older=thread - 1 if thread > 1 else None,
        newer=thread + 1 if thread * THREAD_SIZE < total else None,
        quotes=[quote_line(q, desk) for q in file.quotes],
        project=project_facts(file, desk),
        steps=[s.value for s in file.steps],
        done=DONE.get(done or ""),
        problem=refusal.problem if refusal else None,
        field_problems=refusal.fields if refusal else (),
        kept=kept,
    )


@get(f"{REQUESTS}/{{request_id:str}}", include_in_schema=False, media_type=MediaType.HTML)
async def console_request(
    request: Request[Any, Any, Any],
    request_id: FromPath[str],
    commissions: NamedDependency[CommissionUseCases],
    clock: NamedDependency[Clock],
    lang: Lang = None,
    thread: PageNo = None,
    done: Show = None,
) -> Template | Redirect:
    """One request of the artist's: anyone else's, or no request, is "not found"."""
    desk = await artist_desk(request, lang)
    if not isinstance(desk, Desk):
        return desk
    parsed = _request_id(request_id)
    if parsed is None:
        return refused_page(desk.locale, NOT_YOURS, 404)
    at = _Counter(request, desk, commissions, clock)
    return await _request_page(at, parsed, thread=_page_number(thread), done=done)


async def _take(
    commissions: CommissionUseCases,
    desk: Desk,
    request_id: RequestId,
    step: ArtistStep,
    form: dict[str, str],
    now: datetime,
) -> None:
    """The step, through its use case (its refusal raised as it comes)."""
    text = form.get("text", "")
    if step is ArtistStep.ACCEPT:
        await commissions.accept_request(desk.actor, request_id, text=text)
    elif step is ArtistStep.DECLINE:
        await commissions.decline_request(desk.actor, request_id, text=text)
    elif step is ArtistStep.REPLY:
        await commissions.post_message(desk.actor, request_id, text=text, upload_id=None)
    else:
        await commissions.offer_quote(desk.actor, request_id, quote_draft(form, now))


@post(
    f"{REQUESTS}/{{request_id:str}}/{{step:str}}",
    include_in_schema=False,
    media_type=MediaType.HTML,
    status_code=303,
)
async def console_request_step(
    request: Request[Any, Any, Any],
    request_id: FromPath[str],
    step: FromPath[str],
    commissions: NamedDependency[CommissionUseCases],
    clock: NamedDependency[Clock],
) -> Template | Redirect:
    """One of the request's steps (the address's ``step``); back to the request after."""
    opened = await artist_form(request)
    if not isinstance(opened, tuple):
        return opened
    desk, form = opened
    parsed = _request_id(request_id)
    if parsed is None or step not in _STEPS:
        return refused_page(desk.locale, NOT_YOURS, 404)
    chosen = ArtistStep(step)
    try:
        await _take(commissions, desk, parsed, chosen, form, clock.now())
    except DomainError as refused:
        at = _Counter(request, desk, commissions, clock)
        names = _QUOTE_FIELDS if chosen is ArtistStep.QUOTE else ("text",)
        kept = {f"{step}:{k}" if k == "text" else k: form.get(k, "") for k in names}
        return await _request_page(at, parsed, refusal=_refusal(desk, refused, kept))
    return back_to(f"{REQUESTS}/{parsed}", done=step)


CONSOLE_PAGES: Final = (console_requests, console_request, console_request_step)
