"""The HTTP layer's message catalogues (gettext domain ``problems``), and ``translate``.

A locale's catalogue is ``.po`` files under ``locales/<locale>/LC_MESSAGES/``: the shared
one of this package (the titles, the HTTP layer's and the kernel's texts, and what several
contexts raise) and each context package's own (``<context>/locales/...``: the messages
that context raises), all shipped in the wheel with the code. The first time a locale is
needed its files are read, merged (a message kept in two files is refused) and compiled in
memory (``read_po`` -> ``write_mo`` -> ``Translations``; no ``.mo`` file is built or
kept), then kept for the life of the process.

Message ids are the English texts themselves: English needs no catalogue, and a text
without an entry stays English. An entry whose id holds ``{name}`` placeholders also
translates every text of its *shape*: "Use at most {n} characters." translates "Use at most
72 characters.", the parts in the placeholders' places carried over as they are. A
placeholder named ``n``, ``m``, ``min`` or ``max`` stands for a whole number; one between
backticks never spans a backtick; any other is any text. Entries in the context
``template`` are not shapes: the code fills them in (``translate_template``).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from io import BytesIO
from typing import Final

from babel.messages.catalog import Catalog, Message
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

from entrypoints.http.locale import DEFAULT_LOCALE, SUPPORTED_LOCALES

_log = logging.getLogger("inkslot.http")
DOMAIN: Final = "problems"
TEMPLATE: Final = "template"  # the message context of templates
PLACEHOLDER: Final = re.compile(r"\{([a-z_][a-z0-9_]*)\}")
_NUMBER_NAMES: Final = frozenset({"n", "m", "min", "max"})
# A longer text is never compared with the shapes (it carries a client's input, and the
# matching must stay cheap): it is left as it is.
_MAX_SHAPED_TEXT: Final = 500


@dataclass(frozen=True, slots=True)
class Shape:
    message_id: str
    pattern: re.Pattern[str]
    translation: str  # with the same placeholders as ``message_id``


@dataclass(frozen=True, slots=True)
class Catalogue:
    locale: str
    translations: Translations
    messages: frozenset[str]  # the ids with a (non-fuzzy, non-empty) translation
    shapes: tuple[Shape, ...]  # the most specific first
    templates: frozenset[str]

    def translate(self, message: str) -> str:
        if message in self.messages:
            return self.translations.gettext(message)
        if len(message) <= _MAX_SHAPED_TEXT:
            for shape in self.shapes:
                match = shape.pattern.fullmatch(message)
                if match is not None:
                    return _fill(shape.translation, match.groupdict(), message)
        return message

    def template(self, template: str) -> str:
        if template in self.templates:
            return str(self.translations.pgettext(TEMPLATE, template))
        return template


def catalogue_files(locale: str) -> list[Traversable]:
    """The ``.po`` files of ``locale`` (inside the installed package): the shared one, then
    each context package's that has one, by the package's name."""
    package = resources.files(__package__ or "entrypoints.http")
    found = [_po_file(package, locale)]
    for context in sorted(package.iterdir(), key=lambda folder: folder.name):
        own = _po_file(context, locale)
        if context.is_dir() and context.joinpath("__init__.py").is_file() and own.is_file():
            found.append(own)
    return found


def _po_file(folder: Traversable, locale: str) -> Traversable:
    return folder.joinpath("locales", locale, "LC_MESSAGES", f"{DOMAIN}.po")


@cache
def catalogue(locale: str) -> Catalogue | None:
    """The compiled catalogue of ``locale``: None for English (the messages' own language),
    for locales we do not support, and (logged once) for a catalogue that cannot be read:
    problems are then answered in English rather than not at all."""
    if locale == DEFAULT_LOCALE or locale not in SUPPORTED_LOCALES:
        return None
    try:
        return load_catalogue(locale)
    except Exception:
        _log.exception("the %r catalogue cannot be read: answering in English", locale)
        return None


def merged_catalogue(locale: str) -> Catalog:
    """Every file of ``locale``'s catalogue as one (raises when the shared file is missing,
    a file is broken, or a message is kept in two files: each is kept once, in the
    catalogue of the context that raises it or in the shared one)."""
    merged = Catalog(locale=locale, domain=DOMAIN)
    for po in catalogue_files(locale):
        with po.open("rb") as source:
            read = read_po(source, locale=locale, domain=DOMAIN, abort_invalid=True)
        for message in read:
            if not message.id:
                continue  # the header
            if merged.get(message.id, message.context) is not None:
                raise ValueError(f"{po}: {message.id!r} is in another catalogue too")
            merged[message.id] = message
    return merged


def load_catalogue(locale: str) -> Catalogue:
    """Read and compile the catalogue of ``locale`` (raises when it is missing or broken)."""
    entries = merged_catalogue(locale)
    compiled = BytesIO()
    write_mo(compiled, entries)  # fuzzy entries are left out, as gettext does
    compiled.seek(0)
    usable = _translated(entries)
    plain = {i: text for i, text, context in usable if context is None}
    shaped = sorted(
        (i for i in plain if PLACEHOLDER.search(i)),
        key=lambda i: -len(PLACEHOLDER.sub("", i)),  # "Use 1 to {n} characters." first
    )
    return Catalogue(
        locale=locale,
        translations=Translations(fp=compiled, domain=DOMAIN),
        messages=frozenset(plain),
        shapes=tuple(Shape(i, shape_pattern(i), plain[i]) for i in shaped),
        templates=frozenset(i for i, _, context in usable if context == TEMPLATE),
    )


def translate(locale: str, message: str) -> str:
    """``message`` in ``locale``. English, unsupported locales and texts without an entry
    come back unchanged; nothing here raises for any text."""
    found = catalogue(locale)
    return message if found is None or not message else found.translate(message)


def translate_template(locale: str, template: str, **values: str) -> str:
    """``template`` (an id of the context ``template``, with ``{name}`` placeholders)
    translated, then filled with ``values`` (which are not translated)."""
    english = _fill(template, values, template)
    found = catalogue(locale)
    return english if found is None else _fill(found.template(template), values, english)


def shape_pattern(message_id: str) -> re.Pattern[str]:
    """The texts ``message_id`` translates: its placeholders become named groups."""
    parts: list[str] = []
    end = 0
    for match in PLACEHOLDER.finditer(message_id):
        start, name = match.start(), match.group(1)
        parts.append(re.escape(message_id[end:start]))
        if name in _NUMBER_NAMES:
            body = r"-?[0-9]+"
        elif message_id[start - 1 : start] == "`":
            body = r"[^`]+"
        else:
            body = r".+?"
        parts.append(f"(?P<{name}>{body})")
        end = match.end()
    parts.append(re.escape(message_id[end:]))
    return re.compile("".join(parts), re.DOTALL)


def _translated(entries: Iterable[Message]) -> list[tuple[str, str, str | None]]:
    """``(id, translation, context)`` of the singular entries that have a translation and
    are not fuzzy (plural entries have no use here)."""
    found: list[tuple[str, str, str | None]] = []
    for m in entries:
        if m.fuzzy or not (isinstance(m.id, str) and isinstance(m.string, str)):
            continue
        if m.id and m.string:
            found.append((m.id, m.string, m.context))
    return found


def _fill(template: str, values: dict[str, str], fallback: str) -> str:
    """``template`` with its placeholders filled; ``fallback`` if it does not fit them (a
    broken catalogue entry must cost a client the translation, never the answer)."""
    try:
        return template.format_map(values)
    except (KeyError, IndexError, ValueError, AttributeError):
        return fallback


__all__ = [
    "DOMAIN",
    "PLACEHOLDER",
    "TEMPLATE",
    "Catalogue",
    "Shape",
    "catalogue",
    "catalogue_files",
    "load_catalogue",
    "merged_catalogue",
    "shape_pattern",
    "translate",
    "translate_template",
]
