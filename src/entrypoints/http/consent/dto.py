"""A booking's consent on the wire: signing, the ID check, and the consent as read."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal
from uuid import UUID

from msgspec import Meta

from booking_domain.consent import (
    MAX_DETAILS,
    MAX_NAME,
    MAX_QUESTIONS,
    MAX_TEXT,
    Answer,
    Consent,
    DraftAnswer,
    DraftSignature,
    FormId,
    IdDocument,
)
from booking_domain.consent.codec import value_json
from booking_domain.consent.use_cases import BookingConsent
from entrypoints.http.consent.forms_dto import FormContentView, FormVersionView
from entrypoints.http.wire import Dto, View, utc

DocumentName = Literal["passport", "national_id", "driving_licence", "other"]


class AnswerBody(Dto, frozen=True):
    key: Annotated[str, Meta(min_length=1, max_length=16)]  # the question's: q1, q2 ...
    # true/false (yes_no, health), text (text), an ISO date "2001-04-30" (date); null: none
    value: bool | Annotated[str, Meta(max_length=MAX_TEXT)] | None = None
    details: Annotated[str, Meta(max_length=MAX_DETAILS)] | None = None  # with a health yes

    def draft(self) -> DraftAnswer:
        return DraftAnswer(self.key, self.value, self.details)


class SignBody(Dto, frozen=True):
    form_id: UUID  # the form and version the signer read (GET .../consent: form)
    form_version: Annotated[int, Meta(ge=1, le=2**31 - 1)]
    signed_name: Annotated[str, Meta(min_length=1, max_length=MAX_NAME)]
    adult_confirmed: bool = False  # "I am 18 or older": must be true
    accepted: bool = False  # the acceptance: must be true
    answers: Annotated[list[AnswerBody], Meta(max_length=MAX_QUESTIONS)] = []

    def draft(self) -> DraftSignature:
        answers = tuple(a.draft() for a in self.answers)
        return DraftSignature(FormId(self.form_id), self.form_version, answers,
                              self.signed_name, self.adult_confirmed, self.accepted)  # fmt: skip


class IdCheckBody(Dto, frozen=True):
    document_type: DocumentName  # the photo ID looked at; its number is never kept
    shows_adult: bool  # it shows 18 or older: must be true

    @property
    def document(self) -> IdDocument:
        return IdDocument(self.document_type)


class AnswerView(View, frozen=True):
    key: str
    value: bool | str | None  # a date as ISO text; null: not answered
    details: str | None

    @classmethod
    def of(cls, a: Answer) -> AnswerView:
        value = value_json(a.value)
        return cls(a.key, value if isinstance(value, bool | str) else None, a.details)


class SignatureView(View, frozen=True):
    signed_name: str
    signed_at: dt.datetime
    signed_by: UUID
    in_person: bool
    address: str
    user_agent: str


class IdCheckView(View, frozen=True):
    document_type: str
    shows_adult: bool
    checked_by: UUID
    checked_at: dt.datetime


class ConsentView(View, frozen=True):
    id: UUID
    booking_id: UUID
    status: str  # signed | id_checked
    form_id: UUID
    form_version: int
    form: FormContentView  # the words as signed
    answers: list[AnswerView]
    signature: SignatureView
    id_check: IdCheckView | None
    keep_until: dt.datetime  # purged after this (docs/privacy.md)
    version: int
    created_at: dt.datetime
    updated_at: dt.datetime

    @classmethod
    def of(cls, c: Consent) -> ConsentView:
        s, check = c.signature, c.id_check
        signature = SignatureView(s.name, utc(s.signed_at), s.signed_by, s.in_person, s.address,
                                  s.user_agent)  # fmt: skip
        checked = None
        if check is not None:
            checked = IdCheckView(check.document.value, True, check.checked_by,
                                  utc(check.checked_at))  # fmt: skip
        return cls(
            c.id, c.booking_id, c.status.value, c.form_id, c.form_version,
            FormContentView.of(c.form), [AnswerView.of(a) for a in c.answers], signature, checked,
            utc(c.purge_after), c.version, utc(c.created_at), utc(c.updated_at),
        )  # fmt: skip


class BookingConsentView(View, frozen=True):
    booking_id: UUID
    # not_required | unsigned | id_unchecked (signed, the ID not checked) | ready
    standing: str
    viewer_role: str  # customer | artist | admin
    can_sign: bool  # you may sign now
    form: FormVersionView | None  # the form to sign, while it is unsigned
    consent: ConsentView | None

    @classmethod
    def of(cls, b: BookingConsent) -> BookingConsentView:
        form = None if b.form is None else FormVersionView.of(b.form)
        consent = None if b.consent is None else ConsentView.of(b.consent)
        return cls(b.booking.id, b.standing.value, b.viewer.value, b.can_sign, form, consent)
