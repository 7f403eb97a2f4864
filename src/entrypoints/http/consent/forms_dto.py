"""Consent forms and the artist's requirement on the wire."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal
from uuid import UUID

from msgspec import Meta

from booking_domain.consent import (
    MAX_PROMPT,
    MAX_QUESTIONS,
    MAX_STATEMENT,
    MAX_TITLE,
    ConsentForm,
    DateRange,
    Disclosure,
    DraftForm,
    DraftQuestion,
    FormContent,
    FormVersion,
    Question,
    QuestionKind,
)
from booking_domain.consent.use_cases import FormDetail, RequirementView
from entrypoints.http.wire import Dto, View, utc

KindName = Literal["yes_no", "text", "date", "health"]
DisclosureName = Literal[
    "allergies", "latex", "ink_or_metals", "skin_conditions", "blood_borne_infections",
    "bleeding_or_blood_thinners", "diabetes", "heart_conditions", "epilepsy",
    "pregnancy_or_breastfeeding", "immune_conditions", "medication", "alcohol_or_drugs",
]  # fmt: skip
DatesName = Literal["any", "past", "future"]


class QuestionBody(Dto, frozen=True):
    kind: KindName
    prompt: Annotated[str, Meta(max_length=MAX_PROMPT)] = ""  # empty for a health question
    required: bool = True
    disclosure: DisclosureName | None = None  # a health question's
    dates: DatesName = "any"  # a date question's: past (not after signing), future, any

    def draft(self) -> DraftQuestion:
        disclosure = None if self.disclosure is None else Disclosure(self.disclosure)
        return DraftQuestion(
            QuestionKind(self.kind), self.prompt, self.required, disclosure, DateRange(self.dates)
        )


class FormBody(Dto, frozen=True):
    title: Annotated[str, Meta(min_length=1, max_length=MAX_TITLE)]
    locale: Literal["en", "mn"] = "en"
    statement: Annotated[str, Meta(max_length=MAX_STATEMENT)] = ""
    questions: Annotated[list[QuestionBody], Meta(max_length=MAX_QUESTIONS)] = []

    def draft(self) -> DraftForm:
        questions = tuple(q.draft() for q in self.questions)
        return DraftForm(self.title, self.locale, self.statement, questions)


class QuestionView(View, frozen=True):
    key: str
    kind: str
    prompt: str
    required: bool
    disclosure: str | None
    dates: str

    @classmethod
    def of(cls, q: Question) -> QuestionView:
        disclosure = None if q.disclosure is None else q.disclosure.value
        return cls(q.key, q.kind.value, q.prompt, q.required, disclosure, q.dates.value)


class FormContentView(View, frozen=True):
    title: str
    locale: str
    statement: str
    questions: list[QuestionView]
    adult_confirmation: str  # the fixed "I am 18 or older", in the form's language
    acceptance: str  # the fixed acceptance

    @classmethod
    def of(cls, c: FormContent) -> FormContentView:
        questions = [QuestionView.of(q) for q in c.questions]
        return cls(c.title, c.locale, c.statement, questions, c.adult_text, c.acceptance_text)


class FormSummaryView(View, frozen=True):
    id: UUID
    artist_id: UUID
    title: str
    version: int
    status: str  # active | retired
    created_at: dt.datetime
    updated_at: dt.datetime

    @classmethod
    def of(cls, f: ConsentForm) -> FormSummaryView:
        return cls(f.id, f.artist_id, f.content.title, f.version, f.status.value,
                   utc(f.created_at), utc(f.updated_at))  # fmt: skip


class FormView(View, frozen=True):
    id: UUID
    artist_id: UUID
    version: int  # the current one
    status: str
    required: bool  # the form its artist requires now
    versions: list[int]  # every version, oldest first
    content: FormContentView  # the current version's
    created_at: dt.datetime
    updated_at: dt.datetime

    @classmethod
    def of(cls, d: FormDetail) -> FormView:
        f = d.form
        return cls(f.id, f.artist_id, f.version, f.status.value, d.required, list(d.versions),
                   FormContentView.of(f.content), utc(f.created_at), utc(f.updated_at))  # fmt: skip


class FormVersionView(View, frozen=True):
    form_id: UUID
    version: int
    published_at: dt.datetime
    content: FormContentView

    @classmethod
    def of(cls, v: FormVersion) -> FormVersionView:
        return cls(v.form_id, v.version, utc(v.published_at), FormContentView.of(v.content))


class RequirementBody(Dto, frozen=True):
    form_id: UUID | None  # null: require no consent form


class ConsentRequirementView(View, frozen=True):
    required: bool
    form_id: UUID | None
    since: dt.datetime | None  # bookings starting from then on are held by it
    form: FormSummaryView | None

    @classmethod
    def of(cls, v: RequirementView) -> ConsentRequirementView:
        r = v.requirement
        form = None if v.form is None or r is None else FormSummaryView.of(v.form)
        if r is None:
            return cls(False, None, None, None)
        return cls(True, r.form_id, utc(r.since), form)
