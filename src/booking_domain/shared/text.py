"""Text that people send, as the system keeps and compares it.

Rule: text holds no control characters (Unicode category ``Cc``: NUL, escape, delete ...)
except tab, line feed and carriage return in multi-line fields, and no unpaired surrogates
(``Cs``). Nobody types them; PostgreSQL cannot store NUL; UTF-8 cannot encode a lone
surrogate. A value that breaks the rule is refused as invalid input, naming its field, before
anything is stored or looked up.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from booking_domain.shared.errors import FieldError, InvalidInputError

_MULTILINE_WHITESPACE = frozenset("\t\n\r")
_REFUSED_CATEGORIES = frozenset({"Cc", "Cs"})


def is_clean_text(value: str, *, multiline: bool = False) -> bool:
    """Whether ``value`` keeps the rule (``multiline`` allows tab, LF and CR)."""
    if value.isprintable():  # the common case, answered in C
        return True
    allowed = _MULTILINE_WHITESPACE if multiline else frozenset()
    return not any(
        unicodedata.category(ch) in _REFUSED_CATEGORIES and ch not in allowed for ch in value
    )


def text_problem(field: str, value: str, *, multiline: bool = False) -> FieldError | None:
    """The field error for ``value``, or None when it keeps the rule."""
    if is_clean_text(value, multiline=multiline):
        return None
    return FieldError(field, "Remove control characters from this text.", "invalid_character")


def require_clean_text(
    single_line: Iterable[tuple[str, str | None]] = (),
    multi_line: Iterable[tuple[str, str | None]] = (),
) -> None:
    """Refuse (``InvalidInputError``, one error per bad field) unless every given value keeps
    the rule; ``None`` values are skipped."""
    problems = [
        problem
        for fields, multiline in ((single_line, False), (multi_line, True))
        for field, value in fields
        if value is not None
        and (problem := text_problem(field, value, multiline=multiline)) is not None
    ]
    if problems:
        raise InvalidInputError(errors=tuple(problems))
