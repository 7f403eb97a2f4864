"""A form's words and a signer's answers as JSON: how storage keeps the signed copy and how
a person's data export writes it (camelCase; dates as ISO text)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from booking_domain.consent.answers import Answer, AnswerValue
from booking_domain.consent.questions import (
    DateRange,
    Disclosure,
    FormContent,
    Question,
    QuestionKind,
)
from booking_domain.shared.outbox import JsonValue


def question_json(q: Question) -> dict[str, JsonValue]:
    return {
        "key": q.key,
        "kind": q.kind.value,
        "prompt": q.prompt,
        "required": q.required,
        "disclosure": None if q.disclosure is None else q.disclosure.value,
        "dates": q.dates.value,
    }


def questions_json(questions: Sequence[Question]) -> list[JsonValue]:
    return [question_json(q) for q in questions]


def questions_of(stored: Sequence[Mapping[str, Any]]) -> tuple[Question, ...]:
    return tuple(
        Question(
            key=str(q["key"]),
            kind=QuestionKind(q["kind"]),
            prompt=str(q["prompt"]),
            required=bool(q["required"]),
            disclosure=None if q.get("disclosure") is None else Disclosure(q["disclosure"]),
            dates=DateRange(q.get("dates") or DateRange.ANY.value),
        )
        for q in stored
    )


def form_json(content: FormContent) -> dict[str, JsonValue]:
    return {
        "title": content.title,
        "locale": content.locale,
        "statement": content.statement,
        "questions": questions_json(content.questions),
        "adultConfirmation": content.adult_text,
        "acceptance": content.acceptance_text,
    }


def form_of(stored: Mapping[str, Any]) -> FormContent:
    """The words back from ``form_json`` (a signed consent's: the confirmations as they were
    shown) or from a version's columns (no confirmations: Inkslot's words)."""
    adult, acceptance = stored.get("adultConfirmation"), stored.get("acceptance")
    return FormContent(
        title=str(stored["title"]),
        locale=str(stored["locale"]),
        statement=str(stored["statement"]),
        questions=questions_of(stored["questions"]),
        adult=None if adult is None else str(adult),
        acceptance=None if acceptance is None else str(acceptance),
    )


def value_json(value: AnswerValue) -> JsonValue:
    return value.isoformat() if isinstance(value, date) else value


def answers_json(answers: Sequence[Answer], questions: Sequence[Question]) -> list[JsonValue]:
    """Each answer with its question's kind (so a date reads back as a date)."""
    kinds = {q.key: q.kind for q in questions}
    return [
        {
            "key": a.key,
            "kind": kinds[a.key].value,
            "value": value_json(a.value),
            "details": a.details,
        }
        for a in answers
    ]


def answers_of(stored: Sequence[Mapping[str, Any]]) -> tuple[Answer, ...]:
    found = []
    for a in stored:
        value = a.get("value")
        if a.get("kind") == QuestionKind.DATE.value and isinstance(value, str):
            value = date.fromisoformat(value)
        found.append(Answer(str(a["key"]), value, a.get("details")))
    return tuple(found)
