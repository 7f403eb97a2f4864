"""What a consent form asks: its questions, of four kinds, and its fixed parts.

- ``yes_no``, ``text`` and ``date`` questions are the artist's own words (a prompt of 1 to
  ``MAX_PROMPT`` characters on one line); a date question may ask for a date not after the
  day of signing (``past``: a date of birth, a last tattoo) or not before it (``future``).
- ``health`` questions are the standard health disclosures (``Disclosure``), worded by
  Inkslot in the form's language: a yes or no, with details when the answer is yes. Each
  is on a form at most once.
- Every form ends with two confirmations that are no questions of the artist's: "I am 18
  or older" and the acceptance of the form; both must be given to sign.
- Each question is required or not; its key (``q1``, ``q2`` ...) is its place in its
  version, which answers name.

A form is written in one language (``en`` or ``mn``): its standard parts are shown in it,
and its signed copy keeps them as they were shown.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from booking_domain.consent.errors import InvalidConsentFormError
from booking_domain.consent.wording import ACCEPTANCE, ADULT, DISCLOSURES
from booking_domain.shared.errors import FieldError
from booking_domain.shared.text import text_problem

LOCALES = ("en", "mn")
MAX_TITLE = 200
MAX_STATEMENT = 8000
MAX_QUESTIONS = 40
MAX_PROMPT = 500


class QuestionKind(StrEnum):
    YES_NO = "yes_no"
    TEXT = "text"
    DATE = "date"
    HEALTH = "health"


class DateRange(StrEnum):
    """Which dates a date question takes, judged on the day of signing in the artist's
    time zone (always within the years 1900 to 2199)."""

    ANY = "any"
    PAST = "past"  # not after the day of signing
    FUTURE = "future"  # not before it


class Disclosure(StrEnum):
    """The standard health disclosures an artist may put on a form."""

    ALLERGIES = "allergies"
    LATEX = "latex"
    INK_OR_METALS = "ink_or_metals"
    SKIN_CONDITIONS = "skin_conditions"
    BLOOD_BORNE_INFECTIONS = "blood_borne_infections"
    BLEEDING_OR_BLOOD_THINNERS = "bleeding_or_blood_thinners"
    DIABETES = "diabetes"
    HEART_CONDITIONS = "heart_conditions"
    EPILEPSY = "epilepsy"
    PREGNANCY_OR_BREASTFEEDING = "pregnancy_or_breastfeeding"
    IMMUNE_CONDITIONS = "immune_conditions"
    MEDICATION = "medication"
    ALCOHOL_OR_DRUGS = "alcohol_or_drugs"


def in_language(words: tuple[str, str], locale: str) -> str:
    """``words`` (English, Mongolian) in ``locale``."""
    return words[LOCALES.index(locale)]


@dataclass(frozen=True, slots=True)
class Question:
    key: str  # "q1", "q2" ...: its place in its version
    kind: QuestionKind
    prompt: str  # as shown (a disclosure's standard words in the form's language)
    required: bool
    disclosure: Disclosure | None = None
    dates: DateRange = DateRange.ANY


@dataclass(frozen=True, slots=True)
class FormContent:
    """One version's words: what a signer reads and what a signed copy keeps.

    The two confirmations are Inkslot's words in the form's language (``wording.py``); a
    signed copy holds them as they were shown (``as_signed``), so that rewording them later
    changes no consent already signed."""

    title: str
    locale: str
    statement: str  # the artist's own terms above the questions (may be empty)
    questions: tuple[Question, ...]
    adult: str | None = None  # as signed; None: Inkslot's words now
    acceptance: str | None = None

    @property
    def adult_text(self) -> str:
        return in_language(ADULT, self.locale) if self.adult is None else self.adult

    @property
    def acceptance_text(self) -> str:
        return in_language(ACCEPTANCE, self.locale) if self.acceptance is None else self.acceptance

    def as_signed(self) -> FormContent:
        """These words with the confirmations fixed as they are shown now."""
        return dataclasses.replace(self, adult=self.adult_text, acceptance=self.acceptance_text)


@dataclass(frozen=True, slots=True)
class DraftQuestion:
    """A question as the artist writes it: a health question names its disclosure and
    leaves the prompt empty; the others have a prompt and no disclosure."""

    kind: QuestionKind
    prompt: str = ""
    required: bool = True
    disclosure: Disclosure | None = None
    dates: DateRange = DateRange.ANY


@dataclass(frozen=True, slots=True)
class DraftForm:
    title: str
    locale: str
    statement: str
    questions: tuple[DraftQuestion, ...]


def check_form(draft: DraftForm) -> FormContent:
    """The form's content, or ``InvalidConsentFormError`` naming every field it refuses."""
    problems = [*_head_problems(draft)]
    questions: list[Question] = []
    seen: set[Disclosure] = set()
    for index, wanted in enumerate(draft.questions):
        field = f"questions[{index}]"
        made = _question(wanted, f"q{index + 1}", draft.locale, field, problems)
        if made.disclosure is not None:
            if made.disclosure in seen:
                problems.append(
                    FieldError(f"{field}.disclosure", "Each disclosure once.", "repeated")
                )
            seen.add(made.disclosure)
        questions.append(made)
    if problems:
        raise InvalidConsentFormError(errors=tuple(problems))
    return FormContent(draft.title.strip(), draft.locale, draft.statement.strip(), tuple(questions))


def _head_problems(draft: DraftForm) -> list[FieldError]:
    problems = _line("title", draft.title, MAX_TITLE)
    if draft.locale not in LOCALES:
        problems.append(FieldError("locale", "en or mn.", "unknown"))
    bad = text_problem("statement", draft.statement, multiline=True)
    if bad is not None:
        problems.append(bad)
    elif len(draft.statement.strip()) > MAX_STATEMENT:
        problems.append(FieldError("statement", f"At most {MAX_STATEMENT} characters.", "length"))
    if len(draft.questions) > MAX_QUESTIONS:
        problems.append(FieldError("questions", f"At most {MAX_QUESTIONS}.", "too_many"))
    return problems


def _line(field: str, value: str, longest: int) -> list[FieldError]:
    bad = text_problem(field, value)
    if bad is not None:
        return [bad]
    if not 1 <= len(value.strip()) <= longest:
        return [FieldError(field, f"1 to {longest} characters.", "length")]
    return []


def _question(
    q: DraftQuestion, key: str, locale: str, field: str, problems: list[FieldError]
) -> Question:
    if q.dates is not DateRange.ANY and q.kind is not QuestionKind.DATE:
        problems.append(FieldError(f"{field}.dates", "Only date questions have a range."))
    if q.kind is QuestionKind.HEALTH:
        return _disclosure(q, key, locale, field, problems)
    if q.disclosure is not None:
        problems.append(FieldError(f"{field}.disclosure", "Only health questions name one."))
    problems.extend(_line(f"{field}.prompt", q.prompt, MAX_PROMPT))
    return Question(key, q.kind, q.prompt.strip(), q.required, None, q.dates)


def _disclosure(
    q: DraftQuestion, key: str, locale: str, field: str, problems: list[FieldError]
) -> Question:
    if q.disclosure is None:
        problems.append(FieldError(f"{field}.disclosure", "Name the disclosure.", "missing"))
    if q.prompt:
        detail = "A disclosure is worded by Inkslot: leave the prompt empty."
        problems.append(FieldError(f"{field}.prompt", detail, "not_allowed"))
    words = (
        ""
        if q.disclosure is None or locale not in LOCALES
        else (in_language(DISCLOSURES[q.disclosure.value], locale))
    )
    return Question(key, QuestionKind.HEALTH, words, q.required, q.disclosure)


def question_keys(questions: Sequence[Question]) -> dict[str, Question]:
    return {q.key: q for q in questions}
