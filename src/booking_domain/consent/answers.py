"""A signer's answers, checked against the version's questions.

- Every answer names a question of the version by its key, once; an unknown or repeated
  key is refused.
- A required question must be answered; an optional one may be left out (kept as no
  answer).
- ``yes_no``: true or false. ``health``: true or false, and ``details`` (up to
  ``MAX_DETAILS`` characters) only with a yes. ``text``: 1 to ``MAX_TEXT`` characters, line
  breaks allowed. ``date``: an ISO date (``2001-04-30``) in the years 1900 to 2199,
  not after the day of signing for ``past``, not before it for ``future``.
- Text holds no control characters (NUL included), as every text the API keeps.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from booking_domain.consent.errors import InvalidConsentError
from booking_domain.consent.questions import DateRange, Question, QuestionKind, question_keys
from booking_domain.shared.errors import FieldError
from booking_domain.shared.text import text_problem

MAX_TEXT = 2000
MAX_DETAILS = 1000
EARLIEST, LATEST = date(1900, 1, 1), date(2199, 12, 31)
_ISO_DATE = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
)  # ISO's other forms (weeks) are not dates here

AnswerValue = bool | str | date | None


@dataclass(frozen=True, slots=True)
class DraftAnswer:
    key: str
    value: bool | str | None = None  # a date as its ISO text
    details: str | None = None


@dataclass(frozen=True, slots=True)
class Answer:
    key: str
    value: AnswerValue  # None: an optional question left unanswered
    details: str | None = None


def check_answers(
    questions: Sequence[Question], drafts: Sequence[DraftAnswer], today: date
) -> tuple[Answer, ...]:
    """One answer per question, in the version's order, or ``InvalidConsentError`` naming
    every answer refused (``answers.<key>``)."""
    known = question_keys(questions)
    given: dict[str, DraftAnswer] = {}
    problems: list[FieldError] = []
    for draft in drafts:
        field = f"answers.{draft.key}"
        if draft.key not in known:
            problems.append(FieldError(field, "No such question on this form.", "unknown"))
        elif draft.key in given:
            problems.append(FieldError(field, "Answer each question once.", "repeated"))
        else:
            given[draft.key] = draft
    answers = []
    for question in questions:
        answer, problem = _answer(question, given.get(question.key), today)
        if problem is not None:
            problems.append(FieldError(f"answers.{question.key}", *problem))
        answers.append(answer)
    if problems:
        raise InvalidConsentError(errors=tuple(problems))
    return tuple(answers)


Problem = tuple[str, str]  # (message, code)


def _answer(q: Question, draft: DraftAnswer | None, today: date) -> tuple[Answer, Problem | None]:
    blank = Answer(q.key, None)
    if draft is None or draft.value is None:
        if q.required:
            return blank, ("This question must be answered.", "required")
        if draft is not None and draft.details is not None:
            return blank, ("Details go with a yes.", "details")
        return blank, None
    if q.kind in (QuestionKind.YES_NO, QuestionKind.HEALTH):
        return _yes_no(q, draft)
    if not isinstance(draft.value, str):
        return blank, ("Answer with text.", "type")
    if draft.details is not None:
        return blank, ("Only health questions take details.", "details")
    if q.kind is QuestionKind.TEXT:
        return _text(q, draft.value)
    return _date(q, draft.value, today)


def _yes_no(q: Question, draft: DraftAnswer) -> tuple[Answer, Problem | None]:
    blank = Answer(q.key, None)
    if not isinstance(draft.value, bool):
        return blank, ("Answer true or false.", "type")
    details = draft.details
    if details is None:
        return Answer(q.key, draft.value), None
    if q.kind is not QuestionKind.HEALTH or not draft.value:
        return blank, ("Details go with a yes to a health question.", "details")
    if text_problem("details", details, multiline=True) is not None:
        return blank, ("Remove control characters from this text.", "invalid_character")
    if len(details.strip()) > MAX_DETAILS:
        return blank, (f"At most {MAX_DETAILS} characters of details.", "length")
    return Answer(q.key, True, details.strip() or None), None


def _text(q: Question, value: str) -> tuple[Answer, Problem | None]:
    blank = Answer(q.key, None)
    if text_problem("value", value, multiline=True) is not None:
        return blank, ("Remove control characters from this text.", "invalid_character")
    cleaned = value.strip()
    if not 1 <= len(cleaned) <= MAX_TEXT:
        return blank, (f"1 to {MAX_TEXT} characters.", "length")
    return Answer(q.key, cleaned), None


def _date(q: Question, value: str, today: date) -> tuple[Answer, Problem | None]:
    blank = Answer(q.key, None)
    try:
        day = date.fromisoformat(value) if _ISO_DATE.fullmatch(value) else None
    except ValueError:
        day = None
    if day is None:
        return blank, ("A date as YYYY-MM-DD.", "invalid_date")
    if not EARLIEST <= day <= LATEST:
        return blank, ("A date in the years 1900 to 2199.", "out_of_range")
    if q.dates is DateRange.PAST and day > today:
        return blank, ("A date not after today.", "in_future")
    if q.dates is DateRange.FUTURE and day < today:
        return blank, ("A date not before today.", "in_past")
    return Answer(q.key, day), None
