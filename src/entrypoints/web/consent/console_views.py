"""The consent section's form and views: a consent form's fields read into a ``DraftForm``
(its questions as rows: a row's kind is a question of the artist's, yes/no, text or date, or
one of the standard health disclosures Inkslot words; a row with no words and no disclosure
is no question), a form's rows to fill the fields again, what a customer signs (a version's
words, the confirmations included) and the names a refusal's fields go by on the page.

A field no form of ours sends (a kind, a date range or a language of its own) raises
``FieldProblemError`` naming its row: the page refuses it (422), nothing called.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Final

from booking_domain.consent import (
    DISCLOSURES,
    LOCALES,
    MAX_QUESTIONS,
    MAX_STATEMENT,
    MAX_TITLE,
    DateRange,
    Disclosure,
    DraftForm,
    DraftQuestion,
    FormContent,
    QuestionKind,
    in_language,
)
from entrypoints.web.shared.settings_forms import FieldProblemError

BLANK_ROWS: Final = 3  # new questions a form offers to add at once
HEALTH: Final = "health:"
OWN_KINDS: Final = (QuestionKind.YES_NO, QuestionKind.TEXT, QuestionKind.DATE)
KIND_WORDS: Final = {
    QuestionKind.YES_NO: "Yes or no",
    QuestionKind.TEXT: "Text",
    QuestionKind.DATE: "Date",
}
RANGE_WORDS: Final = {
    DateRange.ANY: "Any date",
    DateRange.PAST: "Not after the day of signing",
    DateRange.FUTURE: "Not before the day of signing",
}
LABELS: Final = {
    "title": "Title",
    "locale": "Language of the form",
    "statement": "Your terms",
    "questions": "Questions",
}
Translate = Callable[[str], str]


def _cut(text: str | None, longest: int) -> str:
    """A field as typed, cut far past its limit (the domain refuses what is too long)."""
    return (text or "")[: longest + 1]


def draft_of(form: Mapping[str, str]) -> tuple[DraftForm, list[int]]:
    """The form's draft and, for each of its questions, the row it was typed in."""
    questions: list[DraftQuestion] = []
    rows: list[int] = []
    for row in range(MAX_QUESTIONS + BLANK_ROWS):
        question = _question(form, row)
        if question is not None:
            questions.append(question)
            rows.append(row)
    locale = form.get("locale", "")
    if locale not in LOCALES:
        raise FieldProblemError("locale")
    draft = DraftForm(
        title=_cut(form.get("title"), MAX_TITLE),
        locale=locale,
        statement=_cut(form.get("statement"), MAX_STATEMENT),
        questions=tuple(questions),
    )
    return draft, rows


def _question(form: Mapping[str, str], row: int) -> DraftQuestion | None:
    kind = form.get(f"q{row}_kind", "")
    prompt = _cut(form.get(f"q{row}_prompt"), 500)
    required = form.get(f"q{row}_required") == "yes"
    if kind.startswith(HEALTH):
        try:
            disclosure = Disclosure(kind.removeprefix(HEALTH))
        except ValueError:
            raise FieldProblemError(f"q{row}") from None
        return DraftQuestion(QuestionKind.HEALTH, "", required, disclosure)
    if not prompt.strip():
        return None  # an empty row: no question
    try:
        chosen = QuestionKind(kind)
        dates = DateRange(form.get(f"q{row}_dates") or DateRange.ANY.value)
    except ValueError:
        raise FieldProblemError(f"q{row}") from None
    if chosen not in OWN_KINDS:
        raise FieldProblemError(f"q{row}")
    if chosen is not QuestionKind.DATE:
        dates = DateRange.ANY
    return DraftQuestion(chosen, prompt, required, None, dates)


def rows_of(content: FormContent | None) -> list[dict[str, Any]]:
    """The question rows of a form to edit: its questions, then blank rows."""
    rows: list[dict[str, Any]] = []
    for q in content.questions if content is not None else ():
        kind = f"{HEALTH}{q.disclosure.value}" if q.disclosure is not None else q.kind.value
        prompt = "" if q.disclosure is not None else q.prompt
        rows.append({"kind": kind, "prompt": prompt, "required": q.required, "dates": q.dates})
    blank = {"kind": QuestionKind.YES_NO.value, "prompt": "", "required": True, "dates": "any"}
    room = min(BLANK_ROWS, MAX_QUESTIONS - len(rows))
    return rows + [dict(blank) for _ in range(room)]


def rows_typed(form: Mapping[str, str]) -> list[dict[str, Any]]:
    """The rows as typed, to show them again with a refusal."""
    rows = []
    for row in range(MAX_QUESTIONS + BLANK_ROWS):
        if f"q{row}_kind" not in form:
            continue
        rows.append(
            {
                "kind": form.get(f"q{row}_kind", ""),
                "prompt": _cut(form.get(f"q{row}_prompt"), 500),
                "required": form.get(f"q{row}_required") == "yes",
                "dates": form.get(f"q{row}_dates", "any"),
            }
        )
    return rows or rows_of(None)


def kind_choices(locale: str, translate: Translate) -> list[tuple[str, str, bool]]:
    """Each kind a row may take: (value, words, a health disclosure)."""
    own = [(kind.value, translate(KIND_WORDS[kind]), False) for kind in OWN_KINDS]
    health = [
        (f"{HEALTH}{d.value}", in_language(DISCLOSURES[d.value], locale), True) for d in Disclosure
    ]
    return own + health


def preview_of(content: FormContent, translate: Translate) -> dict[str, Any]:
    """What a customer reads and signs on this version: its words, each question's kind in
    the page's words, and the two confirmations in the form's language."""
    return {
        "title": content.title,
        "locale": content.locale,
        "statement": content.statement,
        "questions": [
            {
                "prompt": q.prompt,
                "kind": translate("Health disclosure")
                if q.kind is QuestionKind.HEALTH
                else translate(KIND_WORDS[q.kind]),
                "dates": translate(RANGE_WORDS[q.dates]) if q.kind is QuestionKind.DATE else "",
                "required": q.required,
            }
            for q in content.questions
        ],
        "adult": content.adult_text,
        "acceptance": content.acceptance_text,
    }


def field_labels(rows: list[int], translate: Translate) -> dict[str, str]:
    """The API's field names (a refusal's) -> the page's words, a question named by the row
    it was typed in."""
    labels = {name: translate(words) for name, words in LABELS.items()}
    question = translate("Question {n}")
    for index, row in enumerate(rows):
        named = question.replace("{n}", str(row + 1))
        for part in ("prompt", "disclosure", "dates"):
            labels[f"questions[{index}].{part}"] = named
        labels[f"questions[{index}]"] = named
    return labels


def problem_label(field: str, translate: Translate) -> str:
    """A field ``draft_of`` refused, in the page's words."""
    if field.startswith("q"):
        return translate("Question {n}").replace("{n}", str(int(field[1:]) + 1))
    return translate(LABELS[field])
