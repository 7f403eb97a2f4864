"""The Telegram bot's replies in words (the ``BotWording`` port): in the chat's language,
as Telegram's HTML, bookings shown as the messages show them (``rendering``: the time in
the artist's zone, which is named)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from adapters.notifications import telegram_wording as words
from adapters.notifications.catalogues import LANGUAGES, translations
from adapters.notifications.rendering import moment, money
from adapters.notifications.telegram_text import escape, labelled, telegram_html
from adapters.notifications.wording import LABELS
from booking_domain.notifications import BookingFacts, Party
from booking_domain.telegram import (
    AnswerPress,
    BotCall,
    BotWording,
    Card,
    EditButtons,
    Notice,
    Rebutton,
    Reply,
    SendText,
    Text,
    Upcoming,
)
from booking_domain.telegram.calls import MAX_ANSWER

Gettext = Callable[[str], str]


class BabelBotWording(BotWording):
    def word(
        self,
        replies: Sequence[Reply],
        *,
        chat_id: int,
        callback_id: str | None,
        locale: str,
    ) -> tuple[BotCall, ...]:
        language = locale if locale in LANGUAGES else "en"
        _ = translations(language).gettext
        calls: list[BotCall] = []
        for reply in replies:
            calls += _worded(reply, chat_id, callback_id, language, _)
        return tuple(calls)


def _worded(
    reply: Reply, chat_id: int, callback_id: str | None, language: str, _: Gettext
) -> list[BotCall]:
    if isinstance(reply, Text):
        return [SendText(chat_id, escape(_(words.SAYS[reply.say]).format(name=reply.name or "")))]
    if isinstance(reply, Upcoming):
        return [SendText(chat_id, _upcoming(reply, language, _))]
    if isinstance(reply, Card):
        text = _card(reply.booking, reply.party, language, _)
        return [SendText(chat_id, text, labelled(reply.keyboard, _))]
    if isinstance(reply, Rebutton):
        return [EditButtons(chat_id, reply.message_id, labelled(reply.keyboard, _))]
    if callback_id is None:  # a notice answers a press; there is none to answer
        return []
    return [AnswerPress(callback_id, _notice(reply, language, _))]


def _notice(notice: Notice, language: str, _: Gettext) -> str:
    lines = [_(words.NOTICES[notice.say]).format(reference=notice.reference or "")]
    if notice.refund is not None and notice.refund.amount:
        lines.append(_(words.REFUND).format(refund=money(notice.refund, language)))
    if notice.kept is not None and notice.kept.amount:
        lines.append(_(words.KEPT_DEPOSIT).format(kept=money(notice.kept, language)))
    return " ".join(lines)[:MAX_ANSWER]


def _upcoming(upcoming: Upcoming, language: str, _: Gettext) -> str:
    lines = [f"<b>{escape(_(words.UPCOMING))}</b>"]
    for b in upcoming.bookings:
        status = _(words.STATUSES.get(b.status, b.status))
        when = moment(b.start, b.time_zone, language)
        lines.append(
            f"\u2022 <b>{escape(b.reference)}</b> \u00b7 {escape(b.service_name)} \u00b7 "
            f"{escape(when)} \u00b7 {escape(status)}"
        )
    more = upcoming.total - len(upcoming.bookings)
    if more > 0:
        lines.append(escape(_(words.MORE).format(count=more)))
    return "\n".join(lines)


def _card(b: BookingFacts, party: Party | None, language: str, _: Gettext) -> str:
    place = ", ".join(p for p in (b.studio_name, b.address) if p)
    rows: list[tuple[str, str, str | None]] = [
        (_(LABELS["reference"]), b.reference, None),
        (_(LABELS["service"]), b.service_name, None),
    ]
    if party is not Party.ARTIST:
        rows.append((_(LABELS["artist"]), b.artist_name, None))
    if party is not Party.CUSTOMER:
        rows.append((_(LABELS["customer"]), b.customer_name, None))
    rows.append((_(LABELS["when"]), moment(b.start, b.time_zone, language), None))
    if place:
        rows.append((_(LABELS["where"]), place, None))
    status = _(words.STATUSES.get(b.status, b.status))
    return telegram_html(_(words.NEXT), status, rows, [], [], "")
