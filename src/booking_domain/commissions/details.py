"""What a customer tells an artist about the tattoo they want: the idea, where on the body,
how big, in colour or black and grey, the budget, the dates they would like, and whether it
is their first tattoo.

Rules (``check_details``, every problem named by its field, all at once):
- ``idea``: plain text (tabs and line breaks allowed), 1 to ``MAX_IDEA`` characters after
  trimming;
- placement: a body area of the fixed list ``BodyArea`` and a free text of at most
  ``MAX_PLACEMENT_TEXT`` characters on one line (may be empty);
- ``size_cm``: whole centimetres, 1 to ``MAX_SIZE_CM`` (the longest side);
- budget: two amounts in one circulating currency, ``0 <= min <= max``;
- preferred dates: at most ``MAX_DATES`` distinct local dates, none before today in the
  artist's time zone and none more than ``DATES_AHEAD`` ahead (given sorted);
- images: at most ``MAX_IMAGES`` distinct uploads of the customer's own.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from booking_domain.commissions.errors import InvalidRequestError
from booking_domain.shared.currencies import CIRCULATING_CURRENCIES
from booking_domain.shared.errors import FieldError
from booking_domain.shared.money import Money
from booking_domain.shared.text import text_problem
from booking_domain.shared.time import zone

MAX_IDEA = 4000
MAX_PLACEMENT_TEXT = 200
MAX_SIZE_CM = 300
MAX_DATES = 5
MAX_IMAGES = 5
DATES_AHEAD = timedelta(days=366)
MAX_AMOUNT = 10**12


class BodyArea(StrEnum):
    """Where on the body: the fixed list a client offers (the free text says the rest)."""

    HEAD = "head"
    FACE = "face"
    NECK = "neck"
    SHOULDER = "shoulder"
    UPPER_ARM = "upper_arm"
    FOREARM = "forearm"
    HAND = "hand"
    FINGER = "finger"
    CHEST = "chest"
    STOMACH = "stomach"
    RIBS = "ribs"
    UPPER_BACK = "upper_back"
    LOWER_BACK = "lower_back"
    FULL_BACK = "full_back"
    HIP = "hip"
    THIGH = "thigh"
    KNEE = "knee"
    CALF = "calf"
    ANKLE = "ankle"
    FOOT = "foot"
    OTHER = "other"


class ColourMode(StrEnum):
    COLOUR = "colour"
    BLACK_AND_GREY = "black_and_grey"


@dataclass(frozen=True, slots=True)
class Placement:
    area: BodyArea
    text: str = ""


@dataclass(frozen=True, slots=True)
class Budget:
    minimum: Money
    maximum: Money


@dataclass(frozen=True, slots=True)
class RequestDetails:
    idea: str
    placement: Placement
    size_cm: int
    colour: ColourMode
    budget: Budget
    preferred_dates: tuple[date, ...]
    first_tattoo: bool


@dataclass(frozen=True, slots=True)
class DraftDetails:
    """The details as a client sent them, before the rules: plain values."""

    idea: str
    area: BodyArea
    placement_text: str
    size_cm: int
    colour: ColourMode
    budget_min: int
    budget_max: int
    currency: str
    preferred_dates: tuple[date, ...]
    first_tattoo: bool


def local_today(now: datetime, time_zone: str) -> date:
    """Today where the artist works: the preferred dates are the artist's local dates."""
    return now.astimezone(zone(time_zone)).date()


def check_details(draft: DraftDetails, today: date) -> RequestDetails:
    """The details, or ``InvalidRequestError`` naming every field that breaks a rule."""
    problems = [
        *_idea_problems(draft.idea),
        *_placement_problems(draft.placement_text),
        *_size_problems(draft.size_cm),
        *_budget_problems(draft),
        *_date_problems(draft.preferred_dates, today),
    ]
    if problems:
        raise InvalidRequestError(errors=tuple(problems))
    budget = Budget(
        Money(draft.budget_min, draft.currency), Money(draft.budget_max, draft.currency)
    )
    return RequestDetails(
        idea=draft.idea.strip(),
        placement=Placement(draft.area, draft.placement_text.strip()),
        size_cm=draft.size_cm,
        colour=draft.colour,
        budget=budget,
        preferred_dates=tuple(sorted(set(draft.preferred_dates))),
        first_tattoo=draft.first_tattoo,
    )


def _idea_problems(idea: str) -> list[FieldError]:
    bad = text_problem("idea", idea, multiline=True)
    if bad is not None:
        return [bad]
    if not 1 <= len(idea.strip()) <= MAX_IDEA:
        return [FieldError("idea", f"1 to {MAX_IDEA} characters.", "length")]
    return []


def _placement_problems(text: str) -> list[FieldError]:
    bad = text_problem("placement.text", text)
    if bad is not None:
        return [bad]
    if len(text.strip()) > MAX_PLACEMENT_TEXT:
        detail = f"At most {MAX_PLACEMENT_TEXT} characters."
        return [FieldError("placement.text", detail, "length")]
    return []


def _size_problems(size_cm: int) -> list[FieldError]:
    if not 1 <= size_cm <= MAX_SIZE_CM:
        return [FieldError("sizeCm", f"1 to {MAX_SIZE_CM} centimetres.", "out_of_range")]
    return []


def _budget_problems(draft: DraftDetails) -> list[FieldError]:
    problems = [
        FieldError(field, "Out of range.", "out_of_range")
        for field, amount in (("budget.min", draft.budget_min), ("budget.max", draft.budget_max))
        if not 0 <= amount <= MAX_AMOUNT
    ]
    if not problems and draft.budget_min > draft.budget_max:
        detail = "The lower end of the budget must not exceed the upper end."
        problems.append(FieldError("budget.min", detail, "budget_range"))
    if draft.currency not in CIRCULATING_CURRENCIES:
        detail = "Use a circulating ISO 4217 currency."
        problems.append(FieldError("budget.currency", detail, "unknown_currency"))
    return problems


def _date_problems(dates: tuple[date, ...], today: date) -> list[FieldError]:
    if len(dates) > MAX_DATES:
        return [FieldError("preferredDates", f"At most {MAX_DATES} dates.", "too_many")]
    if len(set(dates)) != len(dates):
        return [FieldError("preferredDates", "Each date once.", "duplicate")]
    if any(d < today for d in dates):
        detail = "Dates in the past cannot be chosen."
        return [FieldError("preferredDates", detail, "date_in_past")]
    if any(d > today + DATES_AHEAD for d in dates):
        detail = "Dates at most a year ahead."
        return [FieldError("preferredDates", detail, "too_far_ahead")]
    return []
