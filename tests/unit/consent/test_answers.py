"""A signer's answers against an independent reading of ``answers.py``'s rules, and the
edges a reading can get wrong: the day of signing for past and future dates, ISO forms that
are no calendar dates, digits of other scripts."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from booking_domain.consent import (
    MAX_DETAILS,
    MAX_TEXT,
    DateRange,
    DraftAnswer,
    InvalidConsentError,
    Question,
    QuestionKind,
    check_answers,
)
from booking_domain.testing.consent import a_form, draft_answers

FORM = a_form()
QUESTIONS = FORM.content.questions
TODAY = date(2026, 3, 2)


def _clean(text: str) -> bool:
    return all(unicodedata.category(c) not in ("Cc", "Cs") or c in "\t\n\r" for c in text)


def _date_ok(q: Question, text: str) -> bool:
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
        return False
    try:
        day = date.fromisoformat(text)
    except ValueError:
        return False
    if not date(1900, 1, 1) <= day <= date(2199, 12, 31):
        return False
    return not (q.dates is DateRange.PAST and day > TODAY) and not (
        q.dates is DateRange.FUTURE and day < TODAY
    )


def _answer_ok(q: Question, a: DraftAnswer | None) -> bool:
    if a is None or a.value is None:
        return not q.required and (a is None or a.details is None)
    if q.kind in (QuestionKind.YES_NO, QuestionKind.HEALTH):
        if not isinstance(a.value, bool):
            return False
        if a.details is None:
            return True
        return (
            q.kind is QuestionKind.HEALTH and a.value and _clean(a.details)
            and len(a.details.strip()) <= MAX_DETAILS
        )  # fmt: skip
    if not isinstance(a.value, str) or a.details is not None:
        return False
    if q.kind is QuestionKind.TEXT:
        return _clean(a.value) and 1 <= len(a.value.strip()) <= MAX_TEXT
    return _date_ok(q, a.value)


def keeps_the_rules(drafts: tuple[DraftAnswer, ...]) -> bool:
    keys = [a.key for a in drafts]
    if len(keys) != len(set(keys)) or not set(keys) <= {q.key for q in QUESTIONS}:
        return False
    given_ = {a.key: a for a in drafts}
    return all(_answer_ok(q, given_.get(q.key)) for q in QUESTIONS)


def names_answers(refused: InvalidConsentError) -> None:
    assert all(e.field.startswith("answers.") for e in refused.errors)


@given(draft_answers(QUESTIONS))
def test_answers_are_accepted_exactly_when_they_keep_the_rules(
    drafts: tuple[DraftAnswer, ...],
) -> None:
    try:
        answers = check_answers(QUESTIONS, drafts, TODAY)
    except InvalidConsentError as refused:
        assert not keeps_the_rules(drafts)
        names_answers(refused)
        return
    assert keeps_the_rules(drafts)
    assert [a.key for a in answers] == [q.key for q in QUESTIONS]  # one each, in order
    for q, a in zip(QUESTIONS, answers, strict=True):
        if q.kind is QuestionKind.DATE and a.value is not None:
            assert isinstance(a.value, date)


@pytest.mark.parametrize(
    ("text", "accepted"),
    [
        ("2026-03-02", True),  # the day of signing itself is not "after" it
        ("2026-03-03", False),
        ("1900-01-01", True),
        ("1899-12-31", False),
        ("2001-W01-1", False),  # an ISO week date: no calendar date here
        ("20010101", False),
        ("2001-02-29", False),
    ],
)
def test_a_past_date_question_at_its_edges(text: str, accepted: bool) -> None:
    birthday = next(q for q in QUESTIONS if q.kind is QuestionKind.DATE)
    drafts = (DraftAnswer("q1", False), DraftAnswer(birthday.key, text))
    if accepted:
        assert check_answers(QUESTIONS, drafts, TODAY)[1].value == date.fromisoformat(text)
    else:
        with pytest.raises(InvalidConsentError):
            check_answers(QUESTIONS, drafts, TODAY)


@given(st.text(max_size=40))
def test_any_text_answer_is_kept_trimmed_or_refused_never_raising_else(text: str) -> None:
    drafts = (DraftAnswer("q1", False), DraftAnswer("q2", "1990-01-01"), DraftAnswer("q4", text))
    try:
        answers = check_answers(QUESTIONS, drafts, TODAY)
    except InvalidConsentError:
        assert not (_clean(text) and text.strip())
        return
    assert answers[3].value == text.strip()
