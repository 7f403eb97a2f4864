"""An artist's consent forms, their versions, and the artist's requirement of one.

| from | to | who | what |
|---|---|---|---|
| (none) | active, version 1 | the artist (``create_form``) | at most ``MAX_FORMS`` active forms |
| active | active, version n + 1 | the artist (``Publish``) | earlier versions stay readable |
| active | retired | the artist (``Retire``) | not while it is the form the artist requires |

- A form is the artist's: its artist edits it; admins read it and change nothing; to anyone
  else it does not exist (``consent_form_not_found``).
- Versions never change: editing publishes the next one, and a signed consent keeps the
  version it was signed on (number and words).
- A retired form takes no new version and cannot be required; its versions stay readable
  (signed consents refer to them).
- The requirement (``require``): the artist names one of their active forms, or none. It
  holds the bookings whose appointment starts at or after ``since`` (when it was last
  turned on: choosing another form keeps it).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import NewType
from uuid import UUID

from booking_domain.catalog import ArtistProfile
from booking_domain.consent.errors import (
    ConsentActionNotAllowedError,
    ConsentFormInUseError,
    ConsentFormNotFoundError,
    ConsentFormRetiredError,
    TooManyConsentFormsError,
)
from booking_domain.consent.questions import DraftForm, FormContent, check_form
from booking_domain.shared.identity import Actor, Role
from booking_domain.shared.ids import ArtistId, UserId, new_uuid7
from booking_domain.shared.time import require_aware

FormId = NewType("FormId", UUID)
MAX_FORMS = 20


class FormStatus(StrEnum):
    ACTIVE = "active"
    RETIRED = "retired"


@dataclass(frozen=True, slots=True)
class FormVersion:
    form_id: FormId
    version: int
    content: FormContent
    published_at: datetime


@dataclass(frozen=True, slots=True)
class ConsentForm:
    id: FormId
    artist_id: ArtistId
    artist_user_id: UserId
    version: int  # the current one
    content: FormContent  # the current version's
    status: FormStatus
    created_at: datetime
    updated_at: datetime

    def ensure_visible_to(self, actor: Actor) -> None:
        """Its artist and admins see it; anyone else is told it does not exist."""
        if not (actor.is_admin or _is_artist(actor, self.artist_user_id)):
            raise ConsentFormNotFoundError()

    @property
    def current(self) -> FormVersion:
        return FormVersion(self.id, self.version, self.content, self.updated_at)


@dataclass(frozen=True, slots=True)
class Publish:
    draft: DraftForm


@dataclass(frozen=True, slots=True)
class Retire:
    pass


FormAction = Publish | Retire


@dataclass(frozen=True, slots=True)
class FormChange:
    form: ConsentForm
    published: FormVersion | None  # the new version, when the change made one


@dataclass(frozen=True, slots=True)
class ConsentRequirement:
    """The artist requires ``form_id`` to be signed for their bookings starting at or after
    ``since``."""

    artist_id: ArtistId
    form_id: FormId
    since: datetime
    updated_at: datetime

    def holds(self, start: datetime) -> bool:
        return start >= self.since


def _is_artist(actor: Actor, user_id: UserId) -> bool:
    return actor.role is Role.ARTIST and actor.user_id == user_id


def ensure_owner(artist: ArtistProfile, actor: Actor) -> None:
    """Only the artist changes their forms and requirement: admins read them (403); anyone
    else learns what the profile's own rule says (403 for a public one, else 404)."""
    if artist.is_owned_by(actor):
        return
    if actor.is_admin:
        raise ConsentActionNotAllowedError("Admins read consent forms; their artist edits them.")
    artist.ensure_editable_by(actor)
    raise ConsentActionNotAllowedError()


def create_form(
    artist: ArtistProfile, actor: Actor, draft: DraftForm, now: datetime, *, active: int
) -> FormChange:
    """The artist's new form, version 1 (``active``: how many active forms they have)."""
    now = require_aware(now, "now")
    ensure_owner(artist, actor)
    content = check_form(draft)
    if active >= MAX_FORMS:
        raise TooManyConsentFormsError()
    form = ConsentForm(
        id=FormId(new_uuid7(int(now.timestamp() * 1000))),
        artist_id=artist.id,
        artist_user_id=artist.user_id,
        version=1,
        content=content,
        status=FormStatus.ACTIVE,
        created_at=now,
        updated_at=now,
    )
    return FormChange(form, form.current)


def apply_form(
    form: ConsentForm, action: FormAction, actor: Actor, now: datetime, *, required: bool
) -> FormChange:
    """The one way a form changes (the table above); ``required``: it is the form its
    artist requires now."""
    now = require_aware(now, "now")
    form.ensure_visible_to(actor)
    if not _is_artist(actor, form.artist_user_id):
        raise ConsentActionNotAllowedError("Admins read consent forms; their artist edits them.")
    if form.status is FormStatus.RETIRED:
        raise ConsentFormRetiredError()
    at = max(now, form.updated_at)  # a clock behind the last change is held at it
    if isinstance(action, Retire):
        if required:
            raise ConsentFormInUseError()
        return FormChange(dataclasses.replace(form, status=FormStatus.RETIRED, updated_at=at), None)
    content = check_form(action.draft)
    changed = dataclasses.replace(form, version=form.version + 1, content=content, updated_at=at)
    return FormChange(changed, changed.current)


def require(
    artist: ArtistProfile,
    actor: Actor,
    form: ConsentForm | None,
    current: ConsentRequirement | None,
    now: datetime,
) -> ConsentRequirement | None:
    """The artist's requirement after they name ``form`` (None: they require none)."""
    now = require_aware(now, "now")
    ensure_owner(artist, actor)
    if form is None:
        return None
    if form.artist_id != artist.id:
        raise ConsentFormNotFoundError()
    if form.status is FormStatus.RETIRED:
        raise ConsentFormRetiredError()
    since = now if current is None else current.since
    return ConsentRequirement(artist.id, form.id, since, now)
