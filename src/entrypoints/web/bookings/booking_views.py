"""What a booking's console page shows besides its facts, as plain values in the artist's
zone: the customer's design ideas with their pictures, the consent and its ID check, the
deposit and balance invoices. Each is read by its context's use case (``booking_page``);
nothing here decides a rule: what completing waits for is the domain's ``consent_lack``,
whether the ID check and the balance are offered the use cases' ``can_check_id`` and
``balance_due``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from booking_domain.bookings import ConsentStanding, HistoryEntry, consent_lack
from booking_domain.bookings.use_cases import IdeaEntry
from booking_domain.consent import BookingConsent, IdDocument
from booking_domain.media import ImageLink
from booking_domain.payments import BookingInvoices, DepositInvoice
from booking_domain.shared import Money, UserId
from entrypoints.web.shared.console import Desk, problem_text
from entrypoints.web.shared.console_forms import MINOR_PER_WHOLE, minor_units
from entrypoints.web.shared.money import money_text

ID_DOCUMENTS: tuple[str, ...] = tuple(d.value for d in IdDocument)
_STAMP = "%Y-%m-%d %H:%M"
# The words of the booking page's own refusals and steps (``booking_page.py``).

NO_DOCUMENT: Final = "Choose the kind of photo ID you looked at."
# What each of this page's own steps says once done (``?done=``).
DONE: Final = {
    "check_id": "The ID check is recorded.",
    "balance": "The balance invoice is sent to the customer.",
    "settled": "Nothing was left to pay: the booking is paid in full.",
    "moved": "The booking is moved; the customer is told the new time.",
    "studio_payment": "The payment is recorded, with its receipt.",
    "studio_refund": "The money given back is recorded.",
}


@dataclass(frozen=True, slots=True)
class IdeaLine:
    text: str
    by_customer: bool  # else the artist's own note
    at: str
    small: str | None  # signed URLs, valid a few minutes (the API's own)
    large: str | None


@dataclass(frozen=True, slots=True)
class ConsentFacts:
    required: bool
    standing: str
    signed_name: str | None
    signed_at: str | None
    in_person: bool  # signed at the studio on the artist's account (a client record's)
    id_document: str | None
    id_checked_at: str | None
    missing: str | None  # what completing waits for, in the page's words
    can_check_id: bool
    signed: bool  # a copy can be downloaded


@dataclass(frozen=True, slots=True)
class InvoiceLine:
    kind: str  # deposit | balance
    status: str
    number: str
    amount: str
    at: str
    paid_at: str | None
    adjustment: str | None
    reason: str | None


def _link(links: tuple[ImageLink, ...], name: str) -> str | None:
    chosen = next((link for link in links if link.variant.name == name), None)
    if chosen is None and links:
        chosen = links[0]
    return None if chosen is None else chosen.url


def idea_lines(
    entries: tuple[IdeaEntry, ...], customer: UserId | None, desk: Desk
) -> list[IdeaLine]:
    """The ideas, oldest first; ``customer``: the booking's customer's account (None for a
    client record's booking)."""
    return [
        IdeaLine(
            text=e.idea.description,
            by_customer=customer is not None and e.idea.author_id == customer,
            at=desk.local(e.idea.created_at).strftime(_STAMP),
            small=_link(e.images, "small"),
            large=_link(e.images, "large"),
        )
        for e in entries
    ]


def consent_facts(found: BookingConsent, desk: Desk) -> ConsentFacts:
    consent = found.consent
    lack = consent_lack(found.standing)
    signature = None if consent is None else consent.signature
    check = None if consent is None else consent.id_check
    return ConsentFacts(
        required=found.standing is not ConsentStanding.NOT_REQUIRED,
        standing=found.standing.value,
        signed_name=None if signature is None else signature.name,
        signed_at=None if signature is None else desk.local(signature.signed_at).strftime(_STAMP),
        in_person=signature is not None and signature.in_person,
        id_document=None if check is None else check.document.value,
        id_checked_at=None if check is None else desk.local(check.checked_at).strftime(_STAMP),
        missing=None if lack is None else problem_text(desk.locale, lack),
        can_check_id=found.can_check_id,
        signed=consent is not None,
    )


def _adjustment(invoice: DepositInvoice) -> str | None:
    if invoice.adjustment == 0 or invoice.price is None:
        return None
    sign = "+" if invoice.adjustment > 0 else "-"
    return sign + money_text(Money(abs(invoice.adjustment), invoice.price.currency))


def invoice_lines(found: BookingInvoices, desk: Desk) -> list[InvoiceLine]:
    """The booking's invoices, oldest first (one still being made at the provider shows as
    such; a withdrawn or failed one stays listed, struck through by the page)."""
    return [
        InvoiceLine(
            kind=i.kind.value,
            status=i.status.value,
            number=i.number,
            amount=money_text(i.amount),
            at=desk.local(i.created_at).strftime(_STAMP),
            paid_at=None if i.paid_at is None else desk.local(i.paid_at).strftime(_STAMP),
            adjustment=_adjustment(i),
            reason=i.adjustment_reason,
        )
        for i in found.invoices
    ]


def history_lines(history: Sequence[HistoryEntry], desk: Desk) -> list[dict[str, str | None]]:
    return [
        {
            "at": desk.local(e.at).strftime(_STAMP),
            "kind": e.kind.value,
            "amount": None if e.amount is None else money_text(e.amount),
            "reason": e.reason,
        }
        for e in history
    ]


_MOST_ADJUSTMENT = 100_000_000 * MINOR_PER_WHOLE  # payments' MAX_ADJUSTMENT, in minor units


def adjustment_of(text: str | None) -> int:
    """The balance form's adjustment in whole units (``-5000``, ``12 500.50``; empty: none)
    as signed minor units; else ``BadFieldError`` (the use case bounds it again)."""
    cleaned = (text or "").strip()
    if not cleaned:
        return 0
    sign = -1 if cleaned.startswith("-") else 1
    return sign * minor_units(cleaned.removeprefix("-"), _MOST_ADJUSTMENT)
