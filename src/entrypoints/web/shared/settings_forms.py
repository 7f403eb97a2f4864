"""The console's settings forms (each section's page, whatever its room): a length of time
typed as a number and a unit (minutes, hours, days) read back in whole minutes within the
domain's bounds, a length of minutes said in words ("2 hours"), and a refusal that names
the field it is about.

A field a browser can fill with anything (NUL, digits of other scripts, a thousand digits,
a unit of its own) raises ``FieldProblemError`` naming the field: the page says which field and
what it takes, with its status (422), and no use case is called.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Final

from booking_domain.shared import DomainError, InvalidInputError
from entrypoints.http.translations import translate as translate_problem
from entrypoints.web.shared.console import problem_text
from entrypoints.web.shared.console_forms import BadFieldError, whole_number

MINUTES_IN: Final = {"days": 1440, "hours": 60, "minutes": 1}
WORDS: Final = {  # one, more
    "days": ("{n} day", "{n} days"),
    "hours": ("{n} hour", "{n} hours"),
    "minutes": ("{n} minute", "{n} minutes"),
}
OUT_OF_BOUNDS: Final = "{field}: choose from {low} to {high}."
Translate = Callable[[str], str]


class FieldProblemError(Exception):
    """A field the form cannot take: ``field`` is its name in the form."""

    def __init__(self, field: str) -> None:
        super().__init__(field)
        self.field = field


def split_minutes(minutes: int) -> tuple[int, str]:
    """``minutes`` as a number of the largest unit that holds it whole (``1440`` -> ``(1,
    "days")``, ``90`` -> ``(90, "minutes")``; 0 in minutes)."""
    for unit, size in MINUTES_IN.items():
        if minutes and minutes % size == 0:
            return minutes // size, unit
    return minutes, "minutes"


def minutes_words(minutes: int, translate: Translate) -> str:
    """``minutes`` said as the form's unit would show it: "1 day", "2 hours", "0 minutes"."""
    amount, unit = split_minutes(minutes)
    one, more = WORDS[unit]
    return translate(one if amount == 1 else more).replace("{n}", f"{amount:,}")


def joined_minutes(form: Mapping[str, str], field: str, bounds: tuple[int, int]) -> int:
    """The length typed in ``field`` (a number) and ``field_unit`` (a unit of
    ``MINUTES_IN``) in whole minutes, within ``bounds``; else ``FieldProblemError(field)``."""
    low, high = bounds
    unit = form.get(f"{field}_unit", "minutes")
    if unit not in MINUTES_IN:
        raise FieldProblemError(field)
    try:
        amount = whole_number(form.get(field), 0, high)
    except BadFieldError:
        raise FieldProblemError(field) from None
    minutes = amount * MINUTES_IN[unit]
    if not low <= minutes <= high:
        raise FieldProblemError(field)
    return minutes


def bounded_number(form: Mapping[str, str], field: str, bounds: tuple[int, int]) -> int:
    """A whole number in ``bounds``; else ``FieldProblemError(field)``."""
    try:
        return whole_number(form.get(field), *bounds)
    except BadFieldError:
        raise FieldProblemError(field) from None


def bounds_problem(translate: Translate, label: str, low: str, high: str) -> str:
    """The words of a field out of its bounds, the field named by its label."""
    text = translate(OUT_OF_BOUNDS)
    return text.replace("{field}", translate(label)).replace("{low}", low).replace("{high}", high)


def named_refusal(locale: str, error: DomainError, labels: Mapping[str, str]) -> str:
    """A use case's refusal in the page's language, each refused field named by its label
    on the page (``labels``: the API's field name -> the label, in the page's language)."""
    parts = [problem_text(locale, error)]
    if isinstance(error, InvalidInputError):
        for problem in error.errors:
            said = translate_problem(locale, problem.message)
            label = labels.get(problem.field)
            parts.append(said if label is None else f"{label}: {said}")
    return " ".join(parts)
