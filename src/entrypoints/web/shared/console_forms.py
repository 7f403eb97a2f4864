"""Reading the console's form fields as the API's DTOs read their JSON: whole numbers within
bounds, amounts in whole units (``150,000`` -> 15,000,000 minor units, as ``money_text``
writes them back), and a refusal as the page says it with its status.

A field a browser can fill with anything (NUL, digits of other scripts, a thousand digits)
raises ``BadFieldError``: the handler refuses the form with ``NOT_A_NUMBER`` (422), and no use
case is called.
"""

from __future__ import annotations

import re
from typing import Final

from booking_domain.shared import (
    MAX_PAGE,
    DomainError,
    InvalidInputError,
    NotFoundError,
    RuleViolationError,
)
from entrypoints.http.translations import translate
from entrypoints.web.shared.console import problem_text

NOT_A_NUMBER: Final = "Enter whole numbers within the limits shown."
_DIGITS: Final = re.compile(r"[0-9]{1,15}")
_AMOUNT: Final = re.compile(r"([0-9]{1,13})(?:\.([0-9]{1,2}))?")
MINOR_PER_WHOLE: Final = 100  # two minor digits, as money_text writes every currency


class BadFieldError(Exception):
    """A field that is no value of its kind: the form is refused (``NOT_A_NUMBER``)."""


def page_number(text: str | None) -> int:
    """A list's page asked for in the address (ASCII digits, at most ``MAX_PAGE``), else the
    first: an address a person edits never makes an error page."""
    if text and text.isascii() and text.isdigit() and 0 < int(text) <= MAX_PAGE:
        return int(text)
    return 1


def whole_number(text: str | None, low: int, high: int) -> int:
    """``text`` as a whole number in ``[low, high]`` (ASCII digits only); else ``BadFieldError``."""
    cleaned = (text or "").strip()
    if not _DIGITS.fullmatch(cleaned) or not low <= int(cleaned) <= high:
        raise BadFieldError
    return int(cleaned)


def optional_number(text: str | None, low: int, high: int) -> int | None:
    """A field that may be left empty (None: keep the current value), else as
    ``whole_number``."""
    if text is None or not text.strip():
        return None
    return whole_number(text, low, high)


def minor_units(text: str | None, high: int) -> int:
    """An amount in whole units (``150000``, ``150,000``, ``150 000``, ``1500.50``) in minor
    units, at most ``high`` of them; else ``BadFieldError``."""
    cleaned = (text or "").strip().replace(",", "").replace(" ", "")
    found = _AMOUNT.fullmatch(cleaned)
    if found is None:
        raise BadFieldError
    whole, cents = found.group(1), (found.group(2) or "").ljust(2, "0")
    value = int(whole) * MINOR_PER_WHOLE + int(cents)
    if value > high:
        raise BadFieldError
    return value


def whole_units(minor: int) -> str:
    """Minor units as a form shows them again (``15000000`` -> ``150000``, ``150050`` ->
    ``1500.50``)."""
    whole, cents = divmod(minor, MINOR_PER_WHOLE)
    return f"{whole}" + (f".{cents:02d}" if cents else "")


def refusal_text(locale: str, error: DomainError) -> str:
    """A use case's refusal in the page's language, with what each refused field says."""
    text = problem_text(locale, error)
    if isinstance(error, InvalidInputError) and error.errors:
        text += " " + " ".join(translate(locale, field.message) for field in error.errors)
    return text


def refusal_status(error: DomainError) -> int:
    """404 for what is not there (another artist's too), 422 for input a rule refuses, else
    409 (a conflict with the thing's state)."""
    if isinstance(error, NotFoundError):
        return 404
    if isinstance(error, InvalidInputError | RuleViolationError):
        return 422
    return 409


__all__ = [
    "MINOR_PER_WHOLE",
    "NOT_A_NUMBER",
    "BadFieldError",
    "minor_units",
    "optional_number",
    "refusal_status",
    "refusal_text",
    "whole_number",
    "whole_units",
]
