"""The console's pages of the ledger (docs/payouts.md, docs/console.md):

- ``GET /console/payouts`` (``?page=``): what the platform owes the signed-in artist, per
  currency, with what it is made of, and the entries, newest first, twenty-five a page, in
  the artist's time zone (``ArtistLedger``, ``LedgerEntries``: the API's ``GET /me/ledger``);
  with, where a gateway pays artists' own accounts (Stripe Connect), the artist's payout
  account's status and a form to connect it (``POST /console/payouts/connect``: the page
  again with a link to the gateway's onboarding, valid for minutes; a link rather than a
  redirect, as the console's forms may only lead back to the console);
- ``GET /console/admin/payouts`` (``?page=``; admins only, anyone else "not found"): every
  account the platform owes money on, largest first within each currency (``AmountsOwed``),
  each with a form that records its payout;
- ``GET /console/admin/payouts.csv``: the same accounts, whole, as the CSV of a round of
  bank transfers (``OwedExport``, the API's ``owed.csv``, which takes a bearer token, as the
  console's cookie session is not);
- ``POST /console/admin/payouts/{artist_id}/{currency}``: a payout recorded
  (``RecordPayout``): all that is owed when no amount is typed, else the amount typed in
  whole units. Each page's forms carry a key drawn when it was shown (``once``), the payout's
  ``Idempotency-Key``: a form sent twice records one payout, and a form of a page shown
  again records another. A refusal (more than is owed, nothing owed any more) is said on
  the page with its status, nothing changed.
"""

from __future__ import annotations

import re
import secrets
from datetime import datetime
from typing import Annotated, Any, Final
from zoneinfo import ZoneInfo

from litestar import Request, Response, get, post
from litestar.di import NamedDependency
from litestar.enums import MediaType
from litestar.params import FromPath, QueryParameter
from litestar.response import Redirect, Template

from booking_domain.payments import CardPayoutsOffError, PaymentUseCases
from booking_domain.payouts import MAX_NOTE, MAX_REFERENCE, Entry, PayoutOrder
from booking_domain.payouts.use_cases import PayoutUseCases
from booking_domain.shared import DomainError, PageRequest, Role
from entrypoints.web.catalog import artist_id_of
from entrypoints.web.payouts.views import account_line, entry_line, owed_csv, owed_line
from entrypoints.web.shared.console import (
    CONSOLE,
    NO_SUCH_PAGE,
    OUT_OF_DATE,
    Desk,
    Tab,
    admin_desk,
    artist_desk,
    artist_form,
    back_to,
    checked_form,
    console_page,
    refused_page,
)
from entrypoints.web.shared.console_forms import (
    NOT_A_NUMBER,
    BadFieldError,
    minor_units,
    page_number,
    refusal_status,
    refusal_text,
)
from entrypoints.web.shared.render import Lang
from entrypoints.web.shared.spreadsheet import spreadsheet_answer
from entrypoints.web.shared.texts import translator

LEDGER: Final = f"{CONSOLE}/payouts"
OWED: Final = f"{CONSOLE}/admin/payouts"
TABS: Final = (
    Tab(85, "payouts", LEDGER, "Payouts"),
    Tab(125, "admin-payouts", OWED, "Payouts", frozenset({Role.ADMIN})),
)
ENTRIES_SHOWN: Final = 25
OWED_SHOWN: Final = 25
MOST: Final = 10**12  # minor units a payout may name (the API's bound)
_ONCE: Final = re.compile(r"[A-Za-z0-9_-]{16,64}")  # secrets.token_urlsafe(16) and kin

PageNo = Annotated[str | None, QueryParameter(max_length=8)]


@get(LEDGER, include_in_schema=False, media_type=MediaType.HTML)
async def console_payouts(
    request: Request[Any, Any, Any],
    payouts: NamedDependency[PayoutUseCases],
    payments: NamedDependency[PaymentUseCases],
    lang: Lang = None,
    page: PageNo = None,
) -> Template | Redirect:
    """What the platform owes the artist, and the entries it is made of."""
    desk = await artist_desk(request, lang)
    if not isinstance(desk, Desk):
        return desk
    return await _ledger_page(request, desk, payouts, payments, page_number(page))


@post(f"{LEDGER}/connect", include_in_schema=False, media_type=MediaType.HTML, status_code=200)
async def console_connect_payouts(
    request: Request[Any, Any, Any],
    payouts: NamedDependency[PayoutUseCases],
    payments: NamedDependency[PaymentUseCases],
) -> Template | Redirect:
    """The artist's payout account opened or continued: the page with the gateway's link."""
    checked = await artist_form(request)
    if not isinstance(checked, tuple):
        return checked
    desk, _ = checked
    try:
        onboarding = await payments.connect_payout_account(desk.actor)
    except DomainError as refused:
        problem = refusal_text(desk.locale, refused)
        status = refusal_status(refused)
        return await _ledger_page(
            request, desk, payouts, payments, 1, problem=problem, status=status
        )
    return await _ledger_page(request, desk, payouts, payments, 1, onboarding=onboarding.url)


async def _ledger_page(
    request: Request[Any, Any, Any],
    desk: Desk,
    payouts: PayoutUseCases,
    payments: PaymentUseCases,
    number: int,
    *,
    onboarding: str | None = None,
    problem: str | None = None,
    status: int = 200,
) -> Template:
    assert desk.artist is not None  # artist_desk sent anyone without a profile elsewhere
    zone = ZoneInfo(desk.artist.time_zone)
    ledger = await payouts.artist_ledger(desk.actor)
    found = await payouts.ledger_entries(desk.actor, PageRequest(number, ENTRIES_SHOWN))

    def when(entry: Entry) -> str:
        return _local(entry.created_at, zone)

    return console_page(
        "console_payouts.html.j2",
        request,
        desk,
        status=status,
        tab="payouts",
        accounts=[account_line(a) for a in ledger.accounts],
        entries=[entry_line(e, when) for e in found.items],
        zone=desk.artist.time_zone,
        previous=number - 1 if number > 1 else None,
        next=number + 1 if number * ENTRIES_SHOWN < found.total else None,
        card=await _card_payouts(payments, desk),
        onboarding=onboarding,
        problem=problem,
    )


async def _card_payouts(payments: PaymentUseCases, desk: Desk) -> str | None:
    """The artist's payout account's status (``none`` when not connected), or None where no
    gateway pays artists' accounts; ``unknown`` when the gateway cannot say now."""
    try:
        account = await payments.get_payout_account(desk.actor)
    except CardPayoutsOffError:
        return None
    except DomainError:
        return "unknown"
    return "none" if account is None else account.status.value


def _local(moment: datetime, zone: ZoneInfo) -> str:
    return moment.astimezone(zone).strftime("%Y-%m-%d %H:%M")


async def _owed_page(
    request: Request[Any, Any, Any],
    desk: Desk,
    payouts: PayoutUseCases,
    *,
    number: int = 1,
    problem: str | None = None,
    status: int = 200,
) -> Template:
    found = await payouts.amounts_owed(desk.actor, PageRequest(number, OWED_SHOWN))
    return console_page(
        "console_admin_payouts.html.j2",
        request,
        desk,
        status=status,
        tab="admin-payouts",
        lines=[owed_line(o) for o in found.items],
        total=found.total,
        page=number,
        previous=number - 1 if number > 1 else None,
        next=number + 1 if number * OWED_SHOWN < found.total else None,
        problem=problem,
        paid=request.query_params.get("paid") == "1",
        max_reference=MAX_REFERENCE,
        max_note=MAX_NOTE,
        once=secrets.token_urlsafe(16),
    )


@get(OWED, include_in_schema=False, media_type=MediaType.HTML)
async def console_admin_payouts(
    request: Request[Any, Any, Any],
    payouts: NamedDependency[PayoutUseCases],
    lang: Lang = None,
    page: PageNo = None,
) -> Template | Redirect:
    """What the platform owes, account by account, with a payout form each."""
    desk = await admin_desk(request, lang)
    if not isinstance(desk, Desk):
        return desk
    return await _owed_page(request, desk, payouts, number=page_number(page))


@post(
    f"{OWED}/{{artist_id:str}}/{{currency:str}}",
    include_in_schema=False,
    media_type=MediaType.HTML,
    status_code=303,
)
async def console_record_payout(
    request: Request[Any, Any, Any],
    artist_id: FromPath[str],
    currency: FromPath[str],
    payouts: NamedDependency[PayoutUseCases],
) -> Template | Redirect:
    """A payout of the account (all that is owed, or the amount typed), recorded once."""
    desk = await admin_desk(request, None)
    if not isinstance(desk, Desk):
        return desk
    form = await checked_form(request, desk)
    if isinstance(form, Template):
        return form
    artist = artist_id_of(artist_id)
    if artist is None:
        return refused_page(desk.locale, NO_SUCH_PAGE, 404)
    once = form.get("once", "")
    if not _ONCE.fullmatch(once):  # a form the page did not make: it would key nothing
        return refused_page(desk.locale, OUT_OF_DATE)
    try:
        typed = form.get("amount", "").strip()
        amount = minor_units(typed, MOST) if typed else None
    except BadFieldError:
        words = translator(desk.locale)(NOT_A_NUMBER)
        return await _owed_page(request, desk, payouts, problem=words, status=422)
    order = PayoutOrder(
        currency, form.get("reference", ""), amount, form.get("note", "").strip() or None,
        idempotency_key=f"console-{once}-{artist}-{currency}",
    )  # fmt: skip
    try:
        await payouts.record_payout(desk.actor, artist, order)
    except DomainError as refused:
        words = refusal_text(desk.locale, refused)
        return await _owed_page(
            request, desk, payouts, problem=words, status=refusal_status(refused)
        )
    return back_to(OWED, paid="1")


@get(f"{OWED}.csv", include_in_schema=False, media_type="text/csv")
async def console_owed_csv(
    request: Request[Any, Any, Any], payouts: NamedDependency[PayoutUseCases]
) -> Response[bytes] | Template | Redirect:
    """What the platform owes, as the CSV of a round of bank transfers."""
    desk = await admin_desk(request, None)
    if not isinstance(desk, Desk):
        return desk
    return spreadsheet_answer(owed_csv(await payouts.owed_export(desk.actor)), "owed.csv")


CONSOLE_PAGES: Final = (
    console_payouts,
    console_connect_payouts,
    console_admin_payouts,
    console_owed_csv,
    console_record_payout,
)
