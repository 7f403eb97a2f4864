"""Hypothesis strategies and builders for consent forms: drafts of forms (valid or not),
answers to a form's questions (valid or not), and a ready form version."""

from __future__ import annotations

from datetime import UTC, date, datetime
from uuid import UUID

from hypothesis import strategies as st

from booking_domain.consent import (
    DateRange,
    Disclosure,
    DraftAnswer,
    DraftForm,
    DraftQuestion,
    FormId,
    FormVersion,
    Question,
    QuestionKind,
    check_form,
)

FORM_ID = FormId(UUID(int=0xF0))
T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)

ARABIC_INDIC_DATE = "\u0662\u0660\u0660\u0661-\u0660\u0661-\u0660\u0661"  # digits, not ASCII
# Text a person might type, and text the rules refuse: empty, blank, NUL, over-long.
words = st.sampled_from(
    [
        "Name of your GP?",
        "\u042d\u043c\u0447\u0438\u0439\u043d \u043d\u044d\u0440?",
        "x",
        "  padded  ",
    ]
)
texts = st.one_of(
    words,
    st.text(max_size=30),
    st.just(""),
    st.just("   "),
    st.just("bad\x00nul"),
    st.just("y" * 501),
)


@st.composite
def draft_questions(draw: st.DrawFn) -> DraftQuestion:
    kind = draw(st.sampled_from(list(QuestionKind)))
    healthy = kind is QuestionKind.HEALTH
    prompt = draw(st.just("") if healthy and draw(st.booleans()) else texts)
    disclosure = draw(st.sampled_from([None, *Disclosure]) if draw(st.booleans()) else st.just(
        draw(st.sampled_from(list(Disclosure))) if healthy else None
    ))  # fmt: skip
    dates = draw(st.sampled_from(list(DateRange))) if kind is QuestionKind.DATE or draw(
        st.integers(0, 9)
    ) == 0 else DateRange.ANY  # fmt: skip
    return DraftQuestion(kind, prompt, draw(st.booleans()), disclosure, dates)


@st.composite
def draft_forms(draw: st.DrawFn, max_questions: int = 8) -> DraftForm:
    return DraftForm(
        title=draw(st.one_of(st.just("Consent to be tattooed"), texts)),
        locale=draw(st.sampled_from(["en", "mn", "en", "mn", "fr"])),
        statement=draw(st.one_of(st.just(""), st.just("Aftercare:\n- keep it clean"), texts)),
        questions=tuple(draw(st.lists(draft_questions(), max_size=max_questions))),
    )


def a_form(locale: str = "en") -> FormVersion:
    """Version 1 of a form with one question of each kind (the first two required)."""
    draft = DraftForm(
        "Consent to be tattooed",
        locale,
        "I understand a tattoo is permanent.",
        (
            DraftQuestion(QuestionKind.HEALTH, disclosure=Disclosure.ALLERGIES),
            DraftQuestion(QuestionKind.DATE, "Date of birth", dates=DateRange.PAST),
            DraftQuestion(QuestionKind.YES_NO, "First tattoo?", required=False),
            DraftQuestion(QuestionKind.TEXT, "Emergency contact", required=False),
        ),
    )
    return FormVersion(FORM_ID, 1, check_form(draft), T0)


def good_answers(form: FormVersion) -> tuple[DraftAnswer, ...]:
    """An answer to each required question that keeps the rules."""
    found = []
    for q in form.content.questions:
        if q.required:
            found.append(_good(q))
    return tuple(found)


def _good(q: Question) -> DraftAnswer:
    if q.kind is QuestionKind.DATE:
        return DraftAnswer(q.key, "1990-04-30" if q.dates is not DateRange.FUTURE else "2199-01-01")
    if q.kind is QuestionKind.TEXT:
        return DraftAnswer(q.key, "Someone to call")
    return DraftAnswer(q.key, False)


@st.composite
def draft_answers(draw: st.DrawFn, questions: tuple[Question, ...]) -> tuple[DraftAnswer, ...]:
    """Answers to some of ``questions`` (and to keys they do not have), right or wrong."""
    keys = [q.key for q in questions] + ["q99", "nope"]
    values = st.one_of(
        st.none(),
        st.booleans(),
        st.sampled_from(["", " ", "fine", "1990-04-30", "2199-12-31", "1899-12-31", "2001-W01-1",
                         "2001-02-30", "bad\x00", "x" * 2001, ARABIC_INDIC_DATE]),
        st.dates(date(1890, 1, 1), date(2210, 1, 1)).map(date.isoformat),
    )  # fmt: skip
    details = st.one_of(
        st.none(), st.just("latex"), st.just(""), st.just("d\x00"), st.just("z" * 1001)
    )
    drafts = st.builds(DraftAnswer, st.sampled_from(keys), values, details)
    return tuple(draw(st.lists(drafts, max_size=len(keys) + 1)))
