"""A consent form's rules against an independent reading of them, and a form as a hypothesis
state machine: its artist, an admin, another artist and an impostor publish and retire in
any order; versions only ever count up by one, and a retired form never moves again."""

from __future__ import annotations

import unicodedata
from datetime import datetime, timedelta
from uuid import UUID

from hypothesis import given
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from booking_domain.catalog import ArtistProfile
from booking_domain.consent import (
    DISCLOSURES,
    LOCALES,
    MAX_PROMPT,
    MAX_QUESTIONS,
    MAX_TITLE,
    ConsentActionNotAllowedError,
    ConsentForm,
    ConsentFormInUseError,
    ConsentFormNotFoundError,
    ConsentFormRetiredError,
    DateRange,
    DraftForm,
    DraftQuestion,
    FormStatus,
    InvalidConsentFormError,
    Publish,
    QuestionKind,
    Retire,
    apply_form,
    check_form,
    create_form,
    in_language,
)
from booking_domain.scheduling import SchedulingPolicy
from booking_domain.shared.identity import Actor, Role
from booking_domain.shared.ids import ArtistId, UserId
from booking_domain.testing import admin, artist, customer
from booking_domain.testing.builders import ARTIST_ID, ARTIST_USER
from booking_domain.testing.consent import T0, draft_forms

OTHER_ARTIST = Actor(UserId(UUID(int=0xB0)), Role.ARTIST)
IMPOSTOR = Actor(ARTIST_USER, Role.CUSTOMER)
actors = st.sampled_from([artist(), admin(), OTHER_ARTIST, IMPOSTOR, customer()])


def profile() -> ArtistProfile:
    return ArtistProfile(
        id=ArtistId(ARTIST_ID), user_id=ARTIST_USER, display_name="Ink",
        time_zone="Asia/Ulaanbaatar", policy=SchedulingPolicy("Asia/Ulaanbaatar"),
        created_at=T0, updated_at=T0,
    )  # fmt: skip


def clean(text: str, allowed: str = "") -> bool:
    """No control characters (nor lone surrogates) but ``allowed``."""
    return all(unicodedata.category(c) not in ("Cc", "Cs") or c in allowed for c in text)


def _line_ok(text: str, longest: int) -> bool:
    return clean(text) and 1 <= len(text.strip()) <= longest


def _question_ok(q: DraftQuestion) -> bool:
    if q.dates is not DateRange.ANY and q.kind is not QuestionKind.DATE:
        return False
    if q.kind is QuestionKind.HEALTH:
        return q.disclosure is not None and q.prompt == ""
    return q.disclosure is None and _line_ok(q.prompt, MAX_PROMPT)


def keeps_the_rules(d: DraftForm) -> bool:
    """``questions.py``'s rules, read independently of ``check_form``."""
    disclosures = [q.disclosure for q in d.questions if q.disclosure is not None]
    return (
        _line_ok(d.title, MAX_TITLE)
        and d.locale in LOCALES
        and clean(d.statement, "\t\n\r")
        and len(d.questions) <= MAX_QUESTIONS
        and all(_question_ok(q) for q in d.questions)
        and len(disclosures) == len(set(disclosures))
    )


def names_a_field(refused: InvalidConsentFormError) -> None:
    assert refused.errors, "a refusal names what it refuses"


@given(draft_forms())
def test_a_form_is_accepted_exactly_when_it_keeps_the_rules(draft: DraftForm) -> None:
    try:
        content = check_form(draft)
    except InvalidConsentFormError as refused:
        assert not keeps_the_rules(draft)
        names_a_field(refused)
        return
    assert keeps_the_rules(draft)
    assert [q.key for q in content.questions] == [f"q{n + 1}" for n in range(len(draft.questions))]
    for wanted, made in zip(draft.questions, content.questions, strict=True):
        assert (made.kind, made.required) == (wanted.kind, wanted.required)
        if made.disclosure is not None:  # the standard words, in the form's language
            assert made.prompt == in_language(DISCLOSURES[made.disclosure.value], draft.locale)
        else:
            assert made.prompt == wanted.prompt.strip()
    assert content.adult_text and content.acceptance_text


def test_the_standard_words_exist_in_both_languages_and_differ() -> None:
    for english, mongolian in DISCLOSURES.values():
        assert english and mongolian and english != mongolian
        assert any("\u0400" <= ch <= "\u04ff" for ch in mongolian)


VALID = DraftForm("Consent", "en", "", (DraftQuestion(QuestionKind.YES_NO, "First tattoo?"),))


class FormMachine(RuleBasedStateMachine):
    form: ConsentForm
    now: datetime
    required: bool
    retired: bool

    @initialize()
    def created(self) -> None:
        self.now = T0
        self.form = create_form(profile(), artist(), VALID, T0, active=0).form
        self.required = False
        self.retired = False

    @rule(minutes=st.sampled_from([0, 5, -5]))
    def time_passes(self, minutes: int) -> None:  # a clock may also run behind
        self.now += timedelta(minutes=minutes)

    @rule(on=st.booleans())
    def requirement_changes(self, on: bool) -> None:
        self.required = on and not self.retired

    @rule(actor=actors, draft=st.one_of(st.just(VALID), draft_forms(max_questions=3)))
    def publish(self, actor: Actor, draft: DraftForm) -> None:
        before = self.form
        try:
            done = apply_form(before, Publish(draft), actor, self.now, required=self.required)
        except (ConsentFormNotFoundError, ConsentActionNotAllowedError):
            assert actor != artist()
            return
        except ConsentFormRetiredError:
            assert self.retired
            return
        except InvalidConsentFormError:
            assert not keeps_the_rules(draft)
            return
        assert actor == artist() and not self.retired and keeps_the_rules(draft)
        assert done.published is not None and done.published.version == before.version + 1
        assert done.form.updated_at >= before.updated_at
        self.form = done.form

    @rule(actor=actors)
    def retire(self, actor: Actor) -> None:
        try:
            done = apply_form(self.form, Retire(), actor, self.now, required=self.required)
        except (ConsentFormNotFoundError, ConsentActionNotAllowedError):
            assert actor != artist()
            return
        except ConsentFormRetiredError:
            assert self.retired
            return
        except ConsentFormInUseError:
            assert self.required
            return
        assert done.published is None and done.form.version == self.form.version
        self.form, self.retired = done.form, True

    @invariant()
    def strangers_never_see_it_and_retired_stays_retired(self) -> None:
        assert (self.form.status is FormStatus.RETIRED) == self.retired
        for stranger in (OTHER_ARTIST, IMPOSTOR, customer()):
            try:
                self.form.ensure_visible_to(stranger)
            except ConsentFormNotFoundError:
                continue
            raise AssertionError("a stranger saw the form")


TestFormMachine = FormMachine.TestCase
