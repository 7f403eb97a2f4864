"""A booking's consent: reading it (with the form to sign while it is unsigned), signing it,
recording the ID check, downloading the signed copy (``booking_domain.consent.consents``
has the rules). Who sees a booking sees its consent: its customer, its artist and admins
(``bookings.load_visible``); to anyone else neither exists."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from zoneinfo import ZoneInfo

from booking_domain.bookings import Booking, ConsentStanding, load_visible
from booking_domain.catalog import load_artist
from booking_domain.consent.consents import (
    CheckId,
    Consent,
    ConsentEvent,
    DraftSignature,
    IdDocument,
    Sign,
    apply,
    can_check_id,
    can_sign,
    standing,
)
from booking_domain.consent.errors import ConsentNotFoundError
from booking_domain.consent.forms import ConsentRequirement, FormVersion
from booking_domain.consent.ports import ConsentDocument, ConsentUnitOfWork
from booking_domain.consent.published import consent_outbox_event
from booking_domain.consent.use_cases.deps import ConsentDeps
from booking_domain.shared.identity import Actor, Role
from booking_domain.shared.ids import BookingId
from booking_domain.shared.use_case import UseCase


@dataclass(frozen=True, slots=True)
class BookingConsent:
    booking: Booking
    viewer: Role
    standing: ConsentStanding
    form: FormVersion | None  # the form to sign: required, not signed yet
    consent: Consent | None
    can_sign: bool  # the viewer may sign it now
    can_check_id: bool = False  # the viewer may record the customer's ID check now


class DocumentFormat(StrEnum):
    HTML = "html"
    PDF = "pdf"


@dataclass(frozen=True, slots=True)
class Download:
    media_type: str
    filename: str
    body: bytes


async def _required_form(
    uow: ConsentUnitOfWork, booking: Booking, *, for_update: bool = False
) -> tuple[ConsentRequirement | None, FormVersion | None]:
    """The artist's requirement and its form's current version; ``for_update`` holds the
    form, so that a version published meanwhile waits for the signature (or the signature,
    for it: then it sees the new version and is refused)."""
    requirement = await uow.consent_requirements.get(booking.artist_id)
    if requirement is None:
        return None, None
    form = await uow.consent_forms.get(requirement.form_id, for_update=for_update)
    return requirement, None if form is None else form.current


class GetBookingConsent(UseCase[ConsentDeps]):
    async def __call__(self, actor: Actor, booking_id: BookingId) -> BookingConsent:
        async with self._deps.uow(read_only=True) as uow:
            booking = await load_visible(uow, booking_id, actor)
            requirement, form = await _required_form(uow, booking)
            consent = await uow.consents.get(booking.id)
        now = self._deps.clock.now()
        held = standing(requirement, consent, booking)
        viewer = booking.role_of(actor) or Role.ADMIN  # load_visible let a party through
        wanted = held is ConsentStanding.UNSIGNED
        return BookingConsent(
            booking=booking,
            viewer=viewer,
            standing=held,
            form=form if wanted else None,
            consent=consent,
            can_sign=wanted and form is not None and can_sign(booking, actor, now),
            can_check_id=held is ConsentStanding.ID_UNCHECKED
            and can_check_id(consent, booking, actor),
        )


async def _record(uow: ConsentUnitOfWork, event: ConsentEvent, booking: Booking) -> None:
    await uow.outbox.record(consent_outbox_event(event, booking))


class SignConsent(UseCase[ConsentDeps]):
    """The customer (or the artist, in person, for a client record) signs; ``address`` and
    ``user_agent`` are the request's, as the server saw them."""

    async def __call__(
        self,
        actor: Actor,
        booking_id: BookingId,
        draft: DraftSignature,
        *,
        address: str,
        user_agent: str | None,
    ) -> Consent:
        async with self._deps.uow() as uow:
            booking = await load_visible(uow, booking_id, actor, for_update=True)
            artist = await load_artist(uow.artists, booking.artist_id)
            # The form held: no version is published between this read and the commit.
            requirement, form = await _required_form(uow, booking, for_update=True)
            now = self._deps.clock.now()
            action = Sign(draft, requirement, form, _today(now, artist.time_zone), address,
                          user_agent or "")  # fmt: skip
            event = apply(await uow.consents.get(booking.id), action, actor, booking, now)
            await uow.consents.add(event.consent)
            await _record(uow, event, booking)
            await uow.commit()
        return event.consent


def _today(now: datetime, time_zone: str) -> date:
    return now.astimezone(ZoneInfo(time_zone)).date()


class CheckCustomerId(UseCase[ConsentDeps]):
    """The artist (or an admin) records the photo ID they checked at the studio."""

    async def __call__(
        self, actor: Actor, booking_id: BookingId, *, document: IdDocument, shows_adult: bool
    ) -> Consent:
        async with self._deps.uow() as uow:
            booking = await load_visible(uow, booking_id, actor, for_update=True)
            consent = await uow.consents.get(booking.id, for_update=True)
            now = self._deps.clock.now()
            event = apply(consent, CheckId(document, shows_adult), actor, booking, now)
            await uow.consents.update(event.consent)
            await _record(uow, event, booking)
            await uow.commit()
        return event.consent


class DownloadConsent(UseCase[ConsentDeps]):
    """The signed copy as HTML or PDF, to whom sees the booking (404 before signing)."""

    async def __call__(self, actor: Actor, booking_id: BookingId, kind: DocumentFormat) -> Download:
        async with self._deps.uow(read_only=True) as uow:
            booking = await load_visible(uow, booking_id, actor)
            consent = await uow.consents.get(booking.id)
            if consent is None:
                raise ConsentNotFoundError()
            artist = await load_artist(uow.artists, booking.artist_id)
        document = ConsentDocument(
            consent, booking.reference, artist.display_name, booking.start, artist.time_zone
        )
        name = f"consent-{booking.reference}.{kind.value}"
        make = self._deps.consent_documents
        if kind is DocumentFormat.HTML:
            return Download("text/html; charset=utf-8", name, make.html(document).encode())
        # A PDF takes tens of milliseconds of CPU (the font's subset): off the event loop.
        return Download("application/pdf", name, await asyncio.to_thread(make.pdf, document))
