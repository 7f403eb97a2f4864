"""Messages as Telegram shows them: its HTML parse mode (``<b>``, ``<i>``, ``<a href>``; every
other ``<``, ``>``, ``&`` and quote escaped) and inline keyboards labelled in the
recipient's language. A message is kept under Telegram's 4,096 characters by dropping its
extra lines from the end, then cutting the lead."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence

from adapters.notifications import telegram_wording
from booking_domain.notifications import KeyAction, Keyboard, TelegramButton

MAX_MESSAGE = 4096
_ROOM = MAX_MESSAGE - 96  # what the entities' tags may take beyond the visible text

Rows = Sequence[tuple[str, str, str | None]]


def escape(text: str) -> str:
    return html.escape(text, quote=True)


def telegram_html(
    title: str,
    lead: str,
    rows: Rows,
    extra: Sequence[str],
    links: Sequence[tuple[str, str]],
    hint: str,
) -> str:
    """A title in bold, the lead, the details (a row with a link opens it), the extra lines,
    the links the buttons do not carry, and the hint in italics."""
    kept = list(extra)
    while True:
        made = _assembled(title, lead, rows, kept, links, hint)
        if len(made) <= _ROOM or not kept:
            break
        kept.pop()
    if len(made) > _ROOM:  # a lead of thousands of characters: nothing else is that long
        cut = max(0, len(lead) - (len(made) - _ROOM) - 1)
        made = _assembled(title, lead[:cut] + "\u2026", rows, [], links, hint)
    return made


def _assembled(
    title: str,
    lead: str,
    rows: Rows,
    extra: Sequence[str],
    links: Sequence[tuple[str, str]],
    hint: str,
) -> str:
    e = escape
    parts = [f"<b>{e(title)}</b>", *([e(lead)] if lead else [])]
    details = [
        f"<b>{e(label)}:</b> " + (f'<a href="{e(link)}">{e(value)}</a>' if link else e(value))
        for label, value, link in rows
    ]
    if details:
        parts += ["", *details]
    if extra:
        parts += ["", *(e(line) for line in extra)]
    if links:
        parts += ["", *(f'<a href="{e(url)}">{e(label)}</a>' for label, url in links)]
    if hint:
        parts += ["", f"<i>{e(hint)}</i>"]
    return "\n".join(parts)


def labelled(keyboard: Keyboard, _: Callable[[str], str]) -> tuple[tuple[TelegramButton, ...], ...]:
    """The keyboard's buttons with their words in the language of ``_``."""
    return tuple(
        tuple(
            TelegramButton(
                _(_label(key.action, key.booking_id is None)), key.callback_data, key.url
            )
            for key in row
        )
        for row in keyboard
    )


def _label(action: KeyAction, about_request: bool) -> str:
    if action is KeyAction.OPEN and about_request:
        return telegram_wording.OPEN_REQUEST
    return telegram_wording.BUTTONS[action]


def button_urls(keyboard: Keyboard) -> frozenset[str]:
    """The links the buttons open (the text need not repeat them)."""
    return frozenset(key.url for row in keyboard for key in row if key.url)
