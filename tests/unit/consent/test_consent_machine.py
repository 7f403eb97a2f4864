"""A booking's consent as a hypothesis state machine: the customer (or, for a client
record's booking, the artist in person), the artist, an admin, strangers and an impostor
try to sign and to record the ID check at any time, while the booking's own status, the
artist's requirement and the form's version change under them. A consent only ever comes
to be once, its signature never changes, and the ID check comes after it, once; what
completing the booking waits for follows (``standing``)."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, timedelta
from uuid import UUID

from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from booking_domain.bookings import (
    Booking,
    BookingActionNotAllowedError,
    BookingNotFoundError,
    BookingStatus,
    ClientId,
    ConsentNotSignedError,
    ConsentStanding,
)
from booking_domain.consent import (
    RETENTION,
    CheckId,
    Consent,
    ConsentActionNotAllowedError,
    ConsentAlreadySignedError,
    ConsentClosedError,
    ConsentFormChangedError,
    ConsentNotRequiredError,
    ConsentRequirement,
    DraftAnswer,
    DraftSignature,
    FormVersion,
    IdAlreadyCheckedError,
    IdDocument,
    IdNotAdultError,
    InvalidConsentError,
    Sign,
    apply,
    standing,
)
from booking_domain.shared import DomainError
from booking_domain.shared.identity import Actor, Role
from booking_domain.shared.ids import UserId
from booking_domain.testing import admin, artist, booking_at, customer
from booking_domain.testing.builders import ARTIST_ID
from booking_domain.testing.consent import FORM_ID, T0, a_form, good_answers

START = T0 + timedelta(days=2)
STRANGERS = (Actor(UserId(UUID(int=77)), Role.CUSTOMER), Actor(UserId(UUID(int=78)), Role.ARTIST))
IMPOSTOR = Actor(artist().user_id, Role.CUSTOMER)
actors = st.sampled_from([customer(), artist(), admin(), *STRANGERS, IMPOSTOR])
OPEN = (BookingStatus.PENDING, BookingStatus.CONFIRMED)


class ConsentMachine(RuleBasedStateMachine):
    booking: Booking
    consent: Consent | None
    requirement: ConsentRequirement | None
    form: FormVersion
    signed_as: Consent | None  # the consent as first signed

    @initialize(for_client=st.booleans())
    def booked(self, for_client: bool) -> None:
        self.now = T0
        booking = booking_at(START, now=T0)
        if for_client:  # a walk-in's booking: no account, a client record instead
            booking = dataclasses.replace(
                booking, customer_id=None, client_id=ClientId(UUID(int=9))
            )
        self.booking = booking
        self.form = a_form()
        self.requirement = ConsentRequirement(ARTIST_ID, FORM_ID, T0, T0)
        self.consent = None
        self.signed_as = None

    @property
    def signer(self) -> Actor:
        return customer() if self.booking.customer_id is not None else artist()

    @rule(minutes=st.sampled_from([0, 30, 24 * 60, 2 * 24 * 60 + 30, 2 * 24 * 60 + 61]))
    def time_passes(self, minutes: int) -> None:
        self.now += timedelta(minutes=minutes)

    @rule(status=st.sampled_from(list(BookingStatus)))
    def the_booking_moves(self, status: BookingStatus) -> None:
        self.booking = dataclasses.replace(self.booking, status=status)

    @rule(since=st.sampled_from([None, T0, START, START + timedelta(minutes=1)]))
    def the_requirement_changes(self, since: datetime | None) -> None:
        """Turned off, or on since before, at or after the appointment's start (the last
        does not hold this booking)."""
        self.requirement = (
            None if since is None else ConsentRequirement(ARTIST_ID, FORM_ID, since, T0)
        )

    @rule()
    def the_artist_publishes_a_version(self) -> None:
        self.form = dataclasses.replace(self.form, version=self.form.version + 1)

    @rule(
        actor=actors,
        stale=st.booleans(),
        answered=st.booleans(),
        adult=st.booleans(),
        accepted=st.booleans(),
        name=st.sampled_from(["Ada Lovelace", " Ада  Лавлейс ", "A", "bad\x00name"]),
    )
    def sign(
        self, actor: Actor, stale: bool, answered: bool, adult: bool, accepted: bool, name: str
    ) -> None:
        answers = good_answers(self.form) if answered else (DraftAnswer("q1", "yes"),)
        version = self.form.version - 1 if stale and self.form.version > 1 else self.form.version
        draft = DraftSignature(FORM_ID, version, answers, name, adult, accepted)
        action = Sign(draft, self.requirement, self.form, date(2026, 3, 2), "203.0.113.9", "UA")
        try:
            event = apply(self.consent, action, actor, self.booking, self.now)
        except DomainError as refused:
            self._check_refused_signature(actor, draft, refused)
            return
        assert self.consent is None and actor == self.signer
        assert self.booking.status in OPEN and self.now < self.booking.end
        signed = event.consent
        assert (signed.version, signed.id_check, signed.booking_id) == (1, None, self.booking.id)
        assert signed.signature.name == " ".join(name.split())
        assert signed.signature.in_person is (self.booking.customer_id is None)
        assert signed.purge_after == self.booking.start + RETENTION
        self.consent = self.signed_as = signed

    def _check_refused_signature(
        self, actor: Actor, draft: DraftSignature, refused: DomainError
    ) -> None:
        if self.booking.role_of(actor) is None:
            assert isinstance(refused, BookingNotFoundError), "strangers learn nothing"
        elif actor != self.signer:
            assert isinstance(refused, ConsentActionNotAllowedError)
        elif isinstance(refused, ConsentNotRequiredError):
            assert self.requirement is None or not self.requirement.holds(self.booking.start)
        elif isinstance(refused, ConsentAlreadySignedError):
            assert self.consent is not None
        elif isinstance(refused, ConsentClosedError):
            assert self.booking.status not in OPEN or self.now >= self.booking.end
        elif isinstance(refused, ConsentFormChangedError):
            assert draft.form_version != self.form.version
        else:
            assert isinstance(refused, InvalidConsentError)
            assert not (draft.adult and draft.accepted) or len(draft.name.strip()) < 2 or (
                "\x00" in draft.name or draft.answers == (DraftAnswer("q1", "yes"),)
            )  # fmt: skip

    @rule(actor=actors, adult=st.booleans(), document=st.sampled_from(list(IdDocument)))
    def check_id(self, actor: Actor, adult: bool, document: IdDocument) -> None:
        try:
            event = apply(self.consent, CheckId(document, adult), actor, self.booking, self.now)
        except DomainError as refused:
            self._check_refused_check(actor, adult, refused)
            return
        assert actor in (artist(), admin()) and adult and self.consent is not None
        checked = event.consent
        assert checked.id_check is not None and checked.id_check.document is document
        assert checked.version == 2 and checked.updated_at >= self.consent.updated_at
        self.consent = checked

    def _check_refused_check(self, actor: Actor, adult: bool, refused: DomainError) -> None:
        role = self.booking.role_of(actor)
        if role is None:
            assert isinstance(refused, BookingNotFoundError)
        elif role is Role.CUSTOMER:
            assert isinstance(refused, BookingActionNotAllowedError)
        elif self.consent is None:
            assert isinstance(refused, ConsentNotSignedError)
        elif self.consent.id_check is not None:
            assert isinstance(refused, IdAlreadyCheckedError)
        elif self.booking.status not in OPEN:
            assert isinstance(refused, ConsentClosedError)
        else:
            assert isinstance(refused, IdNotAdultError) and not adult

    @invariant()
    def what_was_signed_never_changes(self) -> None:
        if self.signed_as is not None:
            assert self.consent is not None
            keep = ("id", "form", "form_version", "answers", "signature", "created_at")
            for name in keep:
                assert getattr(self.consent, name) == getattr(self.signed_as, name)

    @invariant()
    def completion_waits_for_the_signature_then_the_check(self) -> None:
        held = standing(self.requirement, self.consent, self.booking)
        if self.requirement is None or not self.requirement.holds(self.booking.start):
            assert held is ConsentStanding.NOT_REQUIRED
        elif self.consent is None:
            assert held is ConsentStanding.UNSIGNED
        else:
            expected = (
                ConsentStanding.READY if self.consent.id_check else ConsentStanding.ID_UNCHECKED
            )
            assert held is expected


TestConsentMachine = ConsentMachine.TestCase
