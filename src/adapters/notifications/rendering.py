"""The message renderer: each notification's facts as a title, a plain-text and an HTML
body and a short text message (or, for Telegram, Telegram's HTML and its labelled buttons:
``telegram_text``), in the recipient's language, with Babel formatting dates (in the
artist's time zone, which is named), money (MNT without decimals) and durations.
"""

from __future__ import annotations

import functools
import html
from collections.abc import Callable
from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from babel.core import Locale
from babel.dates import (
    format_date,
    format_skeleton,
    format_time,
    format_timedelta,
    get_timezone_name,
)
from babel.numbers import format_currency, format_decimal, get_currency_precision

from adapters.notifications import wording
from adapters.notifications.catalogues import LANGUAGES, translations
from adapters.notifications.telegram_text import button_urls, labelled, telegram_html
from booking_domain.notifications import BookingView, Channel, MessageFacts
from booking_domain.notifications.ports import MessageRenderer, RenderedMessage
from booking_domain.shared.money import Money

WHOLE_CURRENCIES = frozenset({"MNT"})  # shown without minor units
# One booking's messages (its customer's email, text and inbox item, its artist's) name the
# same moments and amounts in one or two languages: each is formatted once. Babel's
# formatting is most of a message's rendering.
_FORMATTED = 4096


@functools.lru_cache(maxsize=_FORMATTED)
def money(value: Money, locale: str) -> str:
    digits = get_currency_precision(value.currency)
    major = Decimal(value.amount).scaleb(-digits)
    if value.currency in WHOLE_CURRENCIES:
        pattern = Locale.parse(locale).currency_formats["standard"].pattern
        whole = pattern.split(";")[0].replace(".00", "")
        return format_currency(major, value.currency, whole, locale=locale, currency_digits=False)
    return format_currency(major, value.currency, locale=locale)


@functools.lru_cache(maxsize=_FORMATTED)
def moment(value: datetime, time_zone: str, locale: str) -> str:
    """The locale's full date, the 24-hour time and the zone's name: "Tuesday, December 1,
    2026, 14:00 (Ulaanbaatar Standard Time)"."""
    local = value.astimezone(ZoneInfo(time_zone))
    day = format_date(local, "full", locale=locale)
    time = format_time(local, "HH:mm", locale=locale)
    return f"{day}, {time} ({get_timezone_name(local, width='long', locale=locale)})"


class BabelRenderer(MessageRenderer):
    def render(self, facts: MessageFacts) -> RenderedMessage:
        locale = facts.locale if facts.locale in LANGUAGES else "en"
        _ = translations(locale).gettext
        values = _values(facts, locale)
        title_id, lead_id = wording.MESSAGES[(facts.kind, _lead_key(facts))]
        title, lead = _(title_id).format(**values), _(lead_id).format(**values)
        if facts.aftercare_text:  # the artist's own words, as written
            lead = f"{lead}\n\n{facts.aftercare_text}"
        rows = _rows(facts, values, _)
        extra = _extra(facts, values, _)
        links = _links(facts, _)
        hint = _hint(facts, values, _)
        if facts.channel is Channel.TELEGRAM:  # only what Telegram shows
            on_buttons = button_urls(facts.keyboard)
            shown = [(label, url) for label, url in links if url not in on_buttons]
            telegram = telegram_html(title, lead, rows, extra, shown, hint)
            return RenderedMessage(title, "", "", "", telegram, labelled(facts.keyboard, _))
        text = _text(lead, rows, extra, links, hint, _)
        page = _html(title, facts, lead, rows, extra, links, hint, _)
        sms = _sms(title, facts, values, _)
        return RenderedMessage(title=title, text=text, html=page, sms=sms)


def _lead_key(facts: MessageFacts) -> str:
    party = facts.party.value
    if facts.to_client and (facts.kind, f"{party}/client") in wording.MESSAGES:
        return f"{party}/client"
    if facts.booking is None:
        return party
    if facts.kind == "booking.expired" and facts.booking.unanswered_offer:
        return f"{party}/offer"  # a hold that ran out unanswered: no deposit was asked
    if facts.kind == "booking.requested" and party == "artist" and not facts.booking.asks_approval:
        return "artist/deposit"  # it waits only for its deposit: nothing to approve
    if facts.kind != "booking.cancelled":
        return party
    by = facts.booking.cancelled_by
    if by == party:
        return f"{party}/self"
    if by in ("admin", "system"):
        return f"{party}/admin"
    return f"{party}/other"


def _values(facts: MessageFacts, locale: str) -> dict[str, str]:
    b = facts.booking
    values = {
        "artist_name": facts.artist_name or "",
        "reference": "",
        "service": "",
        "artist": "",
        "customer": "",
        "when": "",
        "short_when": "",
        "deposit": "",
        "paid": "",
        "refund": "",
        "amount": "",  # this change's money, as it is (a balance asked or paid)
        "in_time": "",
        "until": "",  # a hold's end (an offer's)
        "stars": "" if facts.stars is None else str(facts.stars),
        "points": "",
        "balance": "",
        "program": "",
    }
    if facts.reminder_offset is not None:
        values["in_time"] = format_timedelta(
            facts.reminder_offset, add_direction=True, locale=locale
        )
    if facts.request is not None:
        values.update(artist=facts.request.artist_name, customer=facts.request.customer_name)
    if facts.loyalty is not None:
        points = facts.loyalty
        values.update(
            points=format_decimal(points.points, locale=locale),
            balance=format_decimal(points.balance, locale=locale),
            program=points.program,
        )
    if b is None:
        return values
    # This change's money: a payment received for payment_recorded, a refund otherwise.
    amount = "" if b.amount is None else money(b.amount, locale)
    paid = "" if b.amount_paid is None else money(b.amount_paid, locale)
    values.update(
        reference=b.reference,
        service=b.service_name,
        artist=b.artist_name,
        customer=b.customer_name,
        when=moment(b.start, b.time_zone, locale),
        short_when=short_moment(b.start, b.time_zone, locale),
        deposit="" if b.deposit is None else money(b.deposit, locale),
        paid=amount if facts.kind == "booking.payment_recorded" else paid,
        refund=amount,
        amount=amount,
        until="" if b.hold_until is None else moment(b.hold_until, b.time_zone, locale),
    )
    values["receipt"], values["receipt_url"] = b.receipt or "", b.receipt_url or ""
    return values


@functools.lru_cache(maxsize=_FORMATTED)
def short_moment(value: datetime, time_zone: str, locale: str) -> str:
    """The date and time a text message has room for: "Mar 5, 10:00"."""
    local = value.astimezone(ZoneInfo(time_zone))
    return f"{format_skeleton('MMMd', local, locale=locale)}, {format_time(local, 'HH:mm')}"


def _closed(facts: MessageFacts) -> bool:
    """Nothing to reschedule, cancel or pay any more: by the change, or by the booking's
    status as the message is sent (a refund told after a cancellation)."""
    b = facts.booking
    return facts.kind in _CLOSED or (b is not None and b.status not in _OPEN_STATUSES)


_OPEN_STATUSES = frozenset({"pending", "confirmed"})


def _rows(
    facts: MessageFacts, values: dict[str, str], _: Callable[[str], str]
) -> list[tuple[str, str, str | None]]:
    """(label, value, link) lines of the details block."""
    b = facts.booking
    if b is None:
        return _request_rows(facts, _)
    label = wording.LABELS
    rows: list[tuple[str, str, str | None]] = [
        (_(label["reference"]), b.reference, None),
        (_(label["service"]), b.service_name, None),
        (_(label["artist"]), b.artist_name, None),
        (_(label["customer"]), b.customer_name, None),
        (_(label["when"]), values["when"], None),
    ]
    place = ", ".join(p for p in (b.studio_name, b.address) if p)
    if place:
        rows.append((_(label["where"]), place, None))
    if b.map_url:
        rows.append((_(label["map"]), b.map_url, b.map_url))
    rows.append((_(label["price"]), money(b.price, facts.locale), None))
    return rows + _money_rows(facts, b, values, _)


def _deposit_due(b: BookingView) -> bool:
    """The booking still waits for its deposit (as the event left it): nothing is paid, it
    is pending, and it is no waitlist offer still to answer (which asks none yet)."""
    asked = b.deposit is not None and b.deposit.amount > 0
    unpaid = b.amount_paid is None or not b.amount_paid.amount
    return asked and unpaid and b.status == "pending" and not b.unanswered_offer


def _money_rows(
    facts: MessageFacts, b: BookingView, values: dict[str, str], _: Callable[[str], str]
) -> list[tuple[str, str, str | None]]:
    """What is due now and what later: before the deposit is paid, the deposit due now and
    by when its hold ends (or once the artist approves), then what the studio takes after
    it; once it is paid (or when none is asked), what was paid and what is left to pay at
    the studio. A closed booking has nothing left to pay."""
    label = wording.LABELS
    rows: list[tuple[str, str, str | None]] = []
    due = _deposit_due(b)
    if due and b.awaiting_approval:
        rows.append((_(label["deposit_after_approval"]), values["deposit"], None))
    elif due:
        by = _(wording.DEPOSIT_BY).format(**values) if values["until"] else values["deposit"]
        rows.append((_(label["deposit_due"]), by, None))
    elif b.deposit is not None and b.deposit.amount:
        rows.append((_(label["deposit"]), values["deposit"], None))
    if b.amount_paid is not None and b.amount_paid.amount:
        rows.append((_(label["paid"]), values["paid"], None))
    if _closed(facts):
        return rows
    if due and b.deposit is not None and b.deposit.currency == b.price.currency:
        later = Money(max(0, b.price.amount - b.deposit.amount), b.price.currency)
        if later.amount:
            rows.append((_(label["balance_later"]), money(later, facts.locale), None))
    elif not due and b.balance is not None and b.balance.amount:
        rows.append((_(label["balance"]), money(b.balance, facts.locale), None))
    return rows


def _request_rows(
    facts: MessageFacts, _: Callable[[str], str]
) -> list[tuple[str, str, str | None]]:
    r = facts.request
    if r is None:
        return _loyalty_rows(facts, _)
    label = wording.LABELS
    return [
        (_(label["artist"]), r.artist_name, None),
        (_(label["customer"]), r.customer_name, None),
    ]


def _loyalty_rows(
    facts: MessageFacts, _: Callable[[str], str]
) -> list[tuple[str, str, str | None]]:
    points = facts.loyalty
    if points is None:
        return []
    label = wording.LABELS
    return [
        (_(label["program"]), points.program, None),
        (_(label["points"]), format_decimal(points.balance, locale=facts.locale), None),
    ]


def _extra(facts: MessageFacts, values: dict[str, str], _: Callable[[str], str]) -> list[str]:
    b, lines = facts.booking, []
    if b is not None and b.touch_up:
        lines.append(_(wording.TOUCH_UP))
    if b is not None and facts.party.value == "customer" and facts.kind in _REFUNDING:
        if b.amount is not None and b.amount.amount:
            lines.append(_(wording.REFUND_DUE).format(**values))
        elif facts.kind == "booking.cancelled" and b.amount_paid and b.amount_paid.amount:
            kept = wording.NO_REFUND_DECIDED if b.cancelled_by == "admin" else wording.NO_REFUND
            lines.append(_(kept).format(**values))
    if facts.note:
        lines.append(f"{_(wording.LABELS['note'])}: {facts.note}")
    if facts.request is not None and facts.request.message:
        lines.append(f"{_(wording.LABELS['message'])}: {facts.request.message}")
    if b is not None and not _closed(facts):
        with_deposit = b.deposit is not None and b.deposit.amount > 0
        policy = wording.POLICY if with_deposit else wording.POLICY_NO_DEPOSIT
        lines.append(_(policy).format(hours=b.free_cancellation_hours))
    return lines


_REFUNDING = frozenset({"booking.cancelled", "booking.dispute_resolved"})


_CLOSED = frozenset(
    {"booking.cancelled", "booking.expired", "booking.completed", "booking.no_show"}
    | {"booking.aftercare", "booking.review_request"}
)


def _hint(facts: MessageFacts, values: dict[str, str], _: Callable[[str], str]) -> str:
    """The footer's last line: where to choose one's messages, or for a client record
    (which has no account) whom to ask for a change."""
    if facts.to_client:
        return _(wording.CLIENT_HINT).format(**values)
    return _(wording.SETTINGS_HINT)


def _links(facts: MessageFacts, _: Callable[[str], str]) -> list[tuple[str, str]]:
    b = facts.booking
    if facts.to_client:  # the app's pages need an account
        return []
    label = wording.LABELS
    if b is None:
        r, points = facts.request, facts.loyalty
        if r is not None:
            return [(_(label["request"]), r.link)]
        return [] if points is None else [(_(label["loyalty"]), points.link)]
    links = [(_(label["manage"]), b.links.booking)]
    if facts.kind == "booking.offered":  # answered in the app: nothing to move or pay yet
        return links
    if facts.review_link is not None:
        links.insert(0, (_(label["review"]), facts.review_link))
    if facts.kind == "consent.requested":  # where the web app shows the form to sign
        links.insert(0, (_(label["consent"]), f"{b.links.booking}/consent"))
    if facts.kind in ("booking.approved", "booking.invoiced") and facts.party.value == "customer":
        links.append((_(label["pay"]), b.links.pay))
    if not _closed(facts):
        links += [
            (_(label["reschedule"]), b.links.reschedule),
            (_(label["cancel"]), b.links.cancel),
        ]
    return links


def _text(
    lead: str,
    rows: list[tuple[str, str, str | None]],
    extra: list[str],
    links: list[tuple[str, str]],
    hint: str,
    _: Callable[[str], str],
) -> str:
    parts = [lead, ""]
    parts += [f"{label}: {value}" for label, value, _link in rows]
    if extra:
        parts += ["", *extra]
    if links:
        parts += ["", *(f"{label}: {url}" for label, url in links)]
    parts += ["", "--", _(wording.SIGNATURE), hint]
    return "\n".join(parts).strip() + "\n"


def _html(
    title: str,
    facts: MessageFacts,
    lead: str,
    rows: list[tuple[str, str, str | None]],
    extra: list[str],
    links: list[tuple[str, str]],
    hint: str,
    _: Callable[[str], str],
) -> str:
    e = html.escape
    cells = "".join(
        f'<tr><th align="left" style="padding:4px 12px 4px 0">{e(label)}</th><td>'
        + (f'<a href="{e(link)}">{e(value)}</a>' if link else e(value))
        + "</td></tr>"
        for label, value, link in rows
    )
    paragraphs = "".join(f"<p>{_lines(line)}</p>" for line in extra)
    buttons = " ".join(
        f'<a href="{e(url)}" style="display:inline-block;padding:8px 14px;margin:4px 6px 4px 0;'
        f'background:#111;color:#fff;text-decoration:none;border-radius:4px">{e(label)}</a>'
        for label, url in links
    )
    return (
        f'<!doctype html><html lang="{e(facts.locale)}"><head><meta charset="utf-8">'
        f"<title>{e(title)}</title></head>"
        '<body style="font-family:sans-serif;line-height:1.5;color:#111">'
        f'<h1 style="font-size:20px">{e(title)}</h1><p>{_lines(lead)}</p>'
        + (f"<table>{cells}</table>" if cells else "")
        + paragraphs
        + (f"<p>{buttons}</p>" if buttons else "")
        + f'<hr><p style="font-size:12px;color:#666">{e(_(wording.SIGNATURE))}<br>'
        f"{e(hint)}</p></body></html>"
    )


def _lines(text: str) -> str:
    """Escaped, its line breaks kept (an artist's aftercare text is written in lines)."""
    return html.escape(text).replace("\n", "<br>")


def _sms(title: str, facts: MessageFacts, values: dict[str, str], _: Callable[[str], str]) -> str:
    b: BookingView | None = facts.booking
    if b is None:
        r, points = facts.request, facts.loyalty
        link = r.link if r is not None else None if points is None else points.link
        return title if link is None else _(wording.SMS_SHORT).format(title=title, link=link)
    if facts.to_client:  # no link: the app's pages need an account
        return _(wording.CLIENT_SMS).format(title=title, when=values["short_when"])
    if values["short_when"]:
        return _(wording.SMS).format(title=title, when=values["short_when"], link=b.links.booking)
    return _(wording.SMS_SHORT).format(title=title, link=b.links.booking)
