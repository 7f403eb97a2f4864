"""A booking's signed consent: the signature, then the ID check, each once, never changed.

- (none) -> signed: by the booking's customer (for a booking of the artist's client record,
  which has no account, by its artist, in person at the studio), while the artist requires
  a form for the booking and the booking is pending or confirmed, before the appointment's
  end (ahead of time, or at the studio on arrival);
- signed -> id_checked: by the booking's artist or an admin, while the booking is pending
  or confirmed.

- Signing takes the form version the signer was shown: it must be the required form's
  current one (else ``consent_form_changed``), the answers checked against its questions,
  the typed full name (``MIN_NAME`` to ``MAX_NAME`` characters on one line), the "18 or
  older" confirmation and the acceptance (both must be true). The time is the server's
  (``now``), the client's address and user agent are kept as the request carried them
  (bounded). The consent keeps a copy of the version's words and the answers.
- The ID check records which kind of photo document the artist looked at and that it shows
  18 or older; never its number.
- Strangers to the booking get ``booking_not_found``; its parties who may not take a step,
  ``consent_action_not_allowed``.
- ``version`` counts the changes (1 signed, 2 ID checked): the outbox numbers its events
  by it.
- Retention: kept until ``RETENTION`` after the appointment's start as it was at the last
  change (``purge_after``), then purged (docs/privacy.md).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import NewType
from uuid import UUID

from booking_domain.bookings import (
    Booking,
    BookingActionNotAllowedError,
    BookingNotFoundError,
    BookingStatus,
    ClientId,
    ConsentNotSignedError,
    ConsentStanding,
)
from booking_domain.consent.answers import Answer, DraftAnswer, check_answers
from booking_domain.consent.errors import (
    ConsentActionNotAllowedError,
    ConsentAlreadySignedError,
    ConsentClosedError,
    ConsentFormChangedError,
    ConsentNotRequiredError,
    IdAlreadyCheckedError,
    IdNotAdultError,
    InvalidConsentError,
)
from booking_domain.consent.forms import ConsentRequirement, FormId, FormVersion
from booking_domain.consent.questions import FormContent
from booking_domain.shared.errors import DomainError, FieldError
from booking_domain.shared.identity import Actor, Role
from booking_domain.shared.ids import ArtistId, BookingId, UserId, new_uuid7
from booking_domain.shared.text import text_problem
from booking_domain.shared.time import require_aware

ConsentId = NewType("ConsentId", UUID)
MIN_NAME, MAX_NAME = 2, 200
MAX_ADDRESS = 64
MAX_USER_AGENT = 256
# Seven years after the appointment (7 x 365 days and the two leap days they can hold).
RETENTION = timedelta(days=2557)
OPEN = frozenset({BookingStatus.PENDING, BookingStatus.CONFIRMED})


class ConsentStatus(StrEnum):
    SIGNED = "signed"
    ID_CHECKED = "id_checked"


class IdDocument(StrEnum):
    PASSPORT = "passport"
    NATIONAL_ID = "national_id"
    DRIVING_LICENCE = "driving_licence"
    OTHER = "other"


class ConsentChange(StrEnum):
    SIGNED = "signed"
    ID_CHECKED = "id_checked"


@dataclass(frozen=True, slots=True)
class Signature:
    name: str  # the full name as typed
    signed_at: datetime  # the server's time
    signed_by: UserId  # the account that sent it: the customer, or the artist in person
    in_person: bool  # signed at the studio on the artist's account (a client record's)
    address: str  # the client's address as the server saw it
    user_agent: str


@dataclass(frozen=True, slots=True)
class IdCheck:
    document: IdDocument
    checked_by: UserId
    checked_at: datetime


@dataclass(frozen=True, slots=True)
class Consent:
    id: ConsentId
    booking_id: BookingId
    artist_id: ArtistId
    artist_user_id: UserId
    customer_id: UserId | None  # None: a booking of the artist's client record
    client_id: ClientId | None
    form_id: FormId
    form_version: int
    form: FormContent  # the version's words as the signer read them
    answers: tuple[Answer, ...]
    signature: Signature
    id_check: IdCheck | None
    purge_after: datetime
    version: int
    created_at: datetime
    updated_at: datetime

    @property
    def status(self) -> ConsentStatus:
        return ConsentStatus.SIGNED if self.id_check is None else ConsentStatus.ID_CHECKED


@dataclass(frozen=True, slots=True)
class DraftSignature:
    """What the signer sends: the form version they read, their answers, their name and
    the two confirmations."""

    form_id: FormId
    form_version: int
    answers: tuple[DraftAnswer, ...]
    name: str
    adult: bool
    accepted: bool


@dataclass(frozen=True, slots=True)
class Sign:
    draft: DraftSignature
    requirement: ConsentRequirement | None  # the artist's, now
    form: FormVersion | None  # the required form's current version
    today: date  # the day of signing in the artist's time zone (date answers)
    address: str
    user_agent: str


@dataclass(frozen=True, slots=True)
class CheckId:
    document: IdDocument
    shows_adult: bool


Action = Sign | CheckId


@dataclass(frozen=True, slots=True)
class ConsentEvent:
    change: ConsentChange
    consent: Consent
    actor: Actor
    at: datetime


def signer_role(booking: Booking, actor: Actor) -> Role | None:
    """Who signs a booking's consent: its customer, or for a client record's booking its
    artist at the studio (the role they act in); None for anyone else."""
    role = booking.role_of(actor)
    if booking.customer_id is not None:
        return Role.CUSTOMER if role is Role.CUSTOMER else None
    return Role.ARTIST if role is Role.ARTIST else None


def can_sign(booking: Booking, actor: Actor, now: datetime) -> bool:
    """Whether ``actor`` may sign for ``booking`` now (a form being required aside)."""
    return signer_role(booking, actor) is not None and _open(booking, now)


def _open(booking: Booking, now: datetime) -> bool:
    return booking.status in OPEN and now < booking.end


def standing(
    requirement: ConsentRequirement | None, consent: Consent | None, booking: Booking
) -> ConsentStanding:
    """What completing ``booking`` waits for: nothing unless its artist requires a form
    for it (a requirement since no later than its start); then the signature, then the ID
    check."""
    if requirement is None or not requirement.holds(booking.start):
        return ConsentStanding.NOT_REQUIRED
    if consent is None:
        return ConsentStanding.UNSIGNED
    if consent.id_check is None:
        return ConsentStanding.ID_UNCHECKED
    return ConsentStanding.READY


def apply(
    consent: Consent | None, action: Action, actor: Actor, booking: Booking, now: datetime
) -> ConsentEvent:
    """The one way a booking's consent comes to be and changes (the table above); raises
    and changes nothing when the step is not the actor's to take now."""
    now = require_aware(now, "now")
    if booking.role_of(actor) is None:
        raise BookingNotFoundError()
    if isinstance(action, Sign):
        return _sign(consent, action, actor, booking, now)
    return _check_id(consent, action, actor, booking, now)


def _sign(
    consent: Consent | None, action: Sign, actor: Actor, booking: Booking, now: datetime
) -> ConsentEvent:
    role = signer_role(booking, actor)
    if role is None:
        raise ConsentActionNotAllowedError(
            "The booking's customer signs its consent (its artist, for a client record)."
        )
    requirement, form = action.requirement, action.form
    if requirement is None or form is None or not requirement.holds(booking.start):
        raise ConsentNotRequiredError()
    if consent is not None:
        raise ConsentAlreadySignedError()
    if not _open(booking, now):
        raise ConsentClosedError()
    draft = action.draft
    if (draft.form_id, draft.form_version) != (form.form_id, form.version):
        raise ConsentFormChangedError()
    name, answers = _checked(draft, form, action.today)
    signed = Consent(
        id=ConsentId(new_uuid7(int(now.timestamp() * 1000))),
        booking_id=booking.id,
        artist_id=booking.artist_id,
        artist_user_id=booking.artist_user_id,
        customer_id=booking.customer_id,
        client_id=booking.client_id,
        form_id=form.form_id,
        form_version=form.version,
        form=form.content.as_signed(),  # its words as shown, confirmations included
        answers=answers,
        signature=Signature(
            name=name,
            signed_at=now,
            signed_by=actor.user_id,
            in_person=role is Role.ARTIST,
            address=_bounded(action.address, MAX_ADDRESS),
            user_agent=_bounded(action.user_agent, MAX_USER_AGENT),
        ),
        id_check=None,
        purge_after=booking.start + RETENTION,
        version=1,
        created_at=now,
        updated_at=now,
    )
    return ConsentEvent(ConsentChange.SIGNED, signed, actor, now)


def _checked(
    draft: DraftSignature, form: FormVersion, today: date
) -> tuple[str, tuple[Answer, ...]]:
    """The typed name, cleaned, and the answers; every refusal told together."""
    problems: list[FieldError] = []
    bad = text_problem("signedName", draft.name)
    name = " ".join(draft.name.split())
    if bad is not None:
        problems.append(bad)
    elif not MIN_NAME <= len(name) <= MAX_NAME:
        detail = f"Type your full name: {MIN_NAME} to {MAX_NAME} characters."
        problems.append(FieldError("signedName", detail, "length"))
    if not draft.adult:
        problems.append(FieldError("adultConfirmed", form.content.adult_text, "required"))
    if not draft.accepted:
        problems.append(FieldError("accepted", form.content.acceptance_text, "required"))
    answers: tuple[Answer, ...] = ()
    try:
        answers = check_answers(form.content.questions, draft.answers, today)
    except InvalidConsentError as refused:
        problems.extend(refused.errors)
    if problems:
        raise InvalidConsentError(errors=tuple(problems))
    return name, answers


def _bounded(value: str, longest: int) -> str:
    """Printable, single-spaced, cut to ``longest`` characters (what the request carried
    is kept as evidence, never refused)."""
    kept = "".join(ch if ch.isprintable() else " " for ch in value)
    return " ".join(kept.split())[:longest]


def can_check_id(consent: Consent | None, booking: Booking, actor: Actor) -> bool:
    """Whether ``actor`` may record the customer's ID check now (an ID that shows 18 or
    older): the step a console offers, refused by ``apply`` otherwise."""
    return _check_id_refusal(consent, booking, actor) is None


def _check_id_refusal(
    consent: Consent | None, booking: Booking, actor: Actor
) -> DomainError | None:
    role = booking.role_of(actor)
    if role not in (Role.ARTIST, Role.ADMIN):
        return BookingActionNotAllowedError("The artist (or an admin) checks the customer's ID.")
    if consent is None:
        return ConsentNotSignedError()
    if consent.id_check is not None:
        return IdAlreadyCheckedError()
    if booking.status not in OPEN:
        return ConsentClosedError("The ID is checked while the booking is pending or confirmed.")
    return None


def _check_id(
    consent: Consent | None, action: CheckId, actor: Actor, booking: Booking, now: datetime
) -> ConsentEvent:
    refused = _check_id_refusal(consent, booking, actor)
    if refused is not None:
        raise refused
    assert consent is not None  # refused above otherwise
    if not action.shows_adult:
        raise IdNotAdultError()
    at = max(now, consent.updated_at)
    checked = dataclasses.replace(
        consent,
        id_check=IdCheck(action.document, actor.user_id, at),
        purge_after=booking.start + RETENTION,
        version=consent.version + 1,
        updated_at=at,
    )
    return ConsentEvent(ConsentChange.ID_CHECKED, checked, actor, at)
