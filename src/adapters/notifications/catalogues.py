"""The message catalogues: ``locales/<lang>/LC_MESSAGES/messages.po`` read with Babel and
compiled in memory once per process (no build step, nothing generated to commit)."""

from __future__ import annotations

import functools
from io import BytesIO
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

LOCALES_DIR = Path(__file__).parent / "locales"
DOMAIN = "messages"
LANGUAGES = ("en", "mn")  # English is the catalogue's source language


@functools.cache
def translations(locale: str) -> NullTranslations:
    """The catalogue of ``locale`` (the English source, unchanged, for anything else)."""
    path = LOCALES_DIR / locale / "LC_MESSAGES" / f"{DOMAIN}.po"
    if locale == "en" or not path.is_file():
        return NullTranslations()
    with path.open("rb") as source:
        catalog = read_po(source, locale=locale, domain=DOMAIN)
    compiled = BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)


def missing(locale: str, messages: list[str]) -> list[str]:
    """The messages ``locale``'s catalogue does not translate (what a test checks is empty)."""
    path = LOCALES_DIR / locale / "LC_MESSAGES" / f"{DOMAIN}.po"
    with path.open("rb") as source:
        catalog = read_po(source, locale=locale, domain=DOMAIN)
    return [
        m for m in messages if not (m in catalog and catalog[m].string and not catalog[m].fuzzy)
    ]
