"""What the fake Bot API checks of a message as Telegram does: its HTML parse mode (only
Telegram's tags, every other ``<``, ``>`` and ``&`` escaped, only the entities Telegram
knows), its length, and its inline keyboard."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

MAX_TEXT = 4096
MAX_DATA = 64
_TAGS = frozenset(
    {
        "b",
        "strong",
        "i",
        "em",
        "u",
        "ins",
        "s",
        "strike",
        "del",
        "a",
        "code",
        "pre",
        "tg-spoiler",
        "span",
        "blockquote",
        "tg-emoji",
    }
)
_BAD_ENTITY = re.compile(r"&(?!(?:lt|gt|amp|quot|#[0-9]+|#x[0-9a-fA-F]+);)")


class EntityError(ValueError):
    """Telegram's "can't parse entities"."""


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _TAGS:
            raise EntityError(f'unsupported start tag "{tag}"')
        if tag == "a" and not dict(attrs).get("href"):
            raise EntityError("a link without href")
        self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open[-1] != tag:
            raise EntityError(f'unmatched end tag "{tag}"')
        self.open.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def visible_text(html: str) -> str:
    """The text Telegram would show, or ``EntityError`` where Telegram refuses the HTML."""
    if _BAD_ENTITY.search(html):
        raise EntityError("unsupported entity or unescaped &")
    reader = _Reader()
    reader.feed(html)
    reader.close()
    if reader.open:
        raise EntityError(f'unclosed tag "{reader.open[-1]}"')
    return "".join(reader.text)


def keyboard_problem(markup: Any) -> str | None:
    """Why Telegram would refuse this ``reply_markup`` (None: it takes it)."""
    if markup is None:
        return None
    rows = markup.get("inline_keyboard") if isinstance(markup, dict) else None
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        return "can't parse reply keyboard markup JSON object"
    for button in (b for row in rows for b in row):
        problem = _button_problem(button)
        if problem is not None:
            return problem
    return None


def _button_problem(button: Any) -> str | None:
    if not isinstance(button, dict) or not isinstance(button.get("text"), str):
        return "can't parse inline keyboard button: Text must be non-empty"
    data, url = button.get("callback_data"), button.get("url")
    if (data is None) == (url is None):
        return "can't parse inline keyboard button: exactly one of callback_data and url"
    if data is not None and not (isinstance(data, str) and 1 <= len(data.encode()) <= MAX_DATA):
        return "BUTTON_DATA_INVALID"
    if url is not None and not (
        isinstance(url, str) and url.startswith(("https://", "http://", "tg://"))
    ):
        return "BUTTON_URL_INVALID"
    return None
