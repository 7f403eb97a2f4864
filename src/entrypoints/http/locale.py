"""Which of our languages a client asked for, from its ``Accept-Language`` header (RFC 9110
section 12.5.4).

Only the primary subtag matters (``mn-MN`` and ``mn-Cyrl`` are ``mn``); ``q`` values order
the choices and ``q=0`` refuses one; ``*`` is any language not refused. Anything we cannot
read is skipped, never an error: a header is the client's to get wrong, and the answer is
then the default, English.
"""

from __future__ import annotations

import re
from typing import Final

SUPPORTED_LOCALES: Final = ("en", "mn")
DEFAULT_LOCALE: Final = "en"

# Enough for any real browser (they send a handful); the rest of a longer header is ignored.
_MAX_HEADER_CHARS: Final = 1024
_MAX_RANGES: Final = 32
_RANGE = re.compile(r"\*|[a-z]{1,8}(?:-[a-z0-9]{1,8})*", re.ASCII)
_QVALUE = re.compile(r"0(?:\.[0-9]{0,3})?|1(?:\.0{0,3})?", re.ASCII)


def negotiate_locale(accept_language: str | None) -> str:
    """``"en"`` or ``"mn"``: the supported language the client prefers most, else ``"en"``."""
    ranges = _parse(accept_language or "")
    refused = {tag for tag, q in ranges if q == 0}
    wanted = sorted((r for r in ranges if r[1] > 0), key=lambda r: -r[1])  # stable
    for tag, _q in wanted:
        if tag == "*":
            return next((loc for loc in SUPPORTED_LOCALES if loc not in refused), DEFAULT_LOCALE)
        primary = tag.partition("-")[0]
        if primary in SUPPORTED_LOCALES and primary not in refused:
            return primary
    return DEFAULT_LOCALE


def _parse(header: str) -> list[tuple[str, float]]:
    """The well-formed ``(language range, q)`` pairs, lower-cased, in the header's order."""
    ranges: list[tuple[str, float]] = []
    for item in header[:_MAX_HEADER_CHARS].split(",")[:_MAX_RANGES]:
        tag, *params = (part.strip() for part in item.split(";"))
        tag = tag.lower()
        if not _RANGE.fullmatch(tag):
            continue
        q: float | None = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                value = value.strip()
                q = float(value) if _QVALUE.fullmatch(value) else None
        if q is not None:
            ranges.append((tag, q))
    return ranges


__all__ = ["DEFAULT_LOCALE", "SUPPORTED_LOCALES", "negotiate_locale"]
