"""Folding text for search: what the database's ``inkslot_fold`` does (migration 0017),
for the in-memory double and for tests.

Cyrillic (Mongolian and Russian letters) is transliterated to Latin, so ``Өлзий``,
``ӨЛЗИЙ`` and ``olzii`` fold alike, and the Mongolian straight u and barred
o (U+04AF, U+04E9, which ``unaccent`` leaves alone) meet ``u``/``o``; then accents go (``é`` -> ``e``) and everything is lower case.
"""  # noqa: E501

from __future__ import annotations

import re
import unicodedata

# Keep in step with migrations/versions/0017_search.py (a contract test holds them equal).
_MULTI = {"ё": "yo", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sh", "ю": "yu", "я": "ya"}
_SINGLE_FROM = "абвгдежзийклмноөпрстуүфхыэ"
_SINGLE_TO = "abvgdejziiklmnooprstuufhye"
_DROPPED = "ъь"
_WORD = re.compile(r"[a-z0-9]+")


def _table() -> dict[int, str]:
    table: dict[int, str] = {}
    pairs = [*_MULTI.items(), *zip(_SINGLE_FROM, _SINGLE_TO, strict=True)]
    pairs += [(letter, "") for letter in _DROPPED]
    for letter, latin in pairs:
        table[ord(letter)] = latin
        table[ord(letter.upper())] = latin
    return table


CYRILLIC: dict[int, str] = _table()


def words(text: str) -> tuple[str, ...]:
    """The distinct folded words of a text (runs of ``a-z0-9``), sorted: what the database's
    ``inkslot_words`` gives."""
    return tuple(sorted(set(_WORD.findall(fold(text)))))


def fold(text: str) -> str:
    """Transliterated, without accents, lower case."""
    latin = text.translate(CYRILLIC)
    stripped = "".join(
        c for c in unicodedata.normalize("NFKD", latin) if not unicodedata.combining(c)
    )
    return stripped.lower()
