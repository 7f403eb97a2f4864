"""In-memory consent forms and their versions, the artists' requirements, signed consents,
and the bookings' ``ConsentGate`` over them."""

from __future__ import annotations

import dataclasses
from collections.abc import Collection
from datetime import datetime

from adapters.memory.store import StagedTable, TableRepository
from booking_domain.bookings import Booking, ConsentGate, ConsentStanding
from booking_domain.consent import (
    Consent,
    ConsentAlreadySignedError,
    ConsentForm,
    ConsentFormRepository,
    ConsentRepository,
    ConsentRequirement,
    ConsentRequirementRepository,
    FormId,
    FormStatus,
    FormVersion,
    standing,
)
from booking_domain.shared.ids import ArtistId, BookingId, UserId
from booking_domain.shared.pages import Page, PageRequest

VersionKey = tuple[FormId, int]


class InMemoryConsentFormRepository(ConsentFormRepository):
    def __init__(
        self,
        forms: StagedTable[FormId, ConsentForm],
        versions: StagedTable[VersionKey, FormVersion],
    ) -> None:
        self._forms = forms
        self._versions = versions

    async def add(self, form: ConsentForm, version: FormVersion) -> None:
        await self.publish(form, version)

    async def publish(self, form: ConsentForm, version: FormVersion) -> None:
        self._forms.put(form.id, form)
        self._versions.put((version.form_id, version.version), version)

    async def update(self, form: ConsentForm) -> None:
        stored = self._forms.get(form.id)
        if stored is not None:  # status and time only, as PostgreSQL writes them
            self._forms.put(
                form.id, dataclasses.replace(stored, status=form.status, updated_at=form.updated_at)
            )

    async def get(self, form_id: FormId, *, for_update: bool = False) -> ConsentForm | None:
        return self._forms.get(form_id)

    async def version(self, form_id: FormId, version: int) -> FormVersion | None:
        return self._versions.get((form_id, version))

    async def versions(self, form_id: FormId) -> tuple[FormVersion, ...]:
        found = [v for v in self._versions.values() if v.form_id == form_id]
        return tuple(sorted(found, key=lambda v: v.version))

    async def of_artist(
        self, artist_id: ArtistId, *, retired: bool = False
    ) -> tuple[ConsentForm, ...]:
        found = [
            f
            for f in self._forms.values()
            if f.artist_id == artist_id and (retired or f.status is FormStatus.ACTIVE)
        ]
        return tuple(sorted(found, key=lambda f: (f.created_at, f.id)))


class InMemoryConsentRequirementRepository(
    TableRepository[ArtistId, ConsentRequirement], ConsentRequirementRepository
):
    async def get(self, artist_id: ArtistId) -> ConsentRequirement | None:
        return self._rows.get(artist_id)

    async def put(self, requirement: ConsentRequirement) -> None:
        self._rows.put(requirement.artist_id, requirement)

    async def remove(self, artist_id: ArtistId) -> None:
        if self._rows.get(artist_id) is not None:
            self._rows.delete(artist_id)


class InMemoryConsentRepository(ConsentRepository):
    """Consents by booking; ``unsigned`` reads the bookings and the requirements of the same
    unit of work, as PostgreSQL joins them."""

    def __init__(
        self,
        rows: StagedTable[BookingId, Consent],
        bookings: StagedTable[BookingId, Booking],
        requirements: StagedTable[ArtistId, ConsentRequirement],
    ) -> None:
        self._rows = rows
        self._bookings = bookings
        self._requirements = requirements

    async def add(self, consent: Consent) -> None:
        if self._rows.get(consent.booking_id) is not None:
            raise ConsentAlreadySignedError()
        self._rows.put(consent.booking_id, consent)

    async def get(self, booking_id: BookingId, *, for_update: bool = False) -> Consent | None:
        return self._rows.get(booking_id)

    async def update(self, consent: Consent) -> None:
        stored = self._rows.get(consent.booking_id)
        if stored is not None:  # nothing signed changes
            changed = dataclasses.replace(
                stored,
                id_check=consent.id_check,
                purge_after=consent.purge_after,
                version=consent.version,
                updated_at=consent.updated_at,
            )
            self._rows.put(consent.booking_id, changed)

    async def of_customer(self, customer_id: UserId, page: PageRequest) -> Page[Consent]:
        found = [c for c in self._rows.values() if c.customer_id == customer_id]
        found.sort(key=lambda c: (c.created_at, c.id), reverse=True)
        return Page.of_whole(tuple(found), page)

    async def unsigned(self, booking_ids: Collection[BookingId]) -> frozenset[BookingId]:
        wanted = set()
        for booking_id in booking_ids:
            booking = self._bookings.get(booking_id)
            if booking is None or booking.customer_id is None:
                continue
            requirement = self._requirements.get(booking.artist_id)
            if standing(requirement, self._rows.get(booking_id), booking) is (
                ConsentStanding.UNSIGNED
            ):
                wanted.add(booking_id)
        return frozenset(wanted)

    async def remove(self, booking_id: BookingId) -> None:
        if self._rows.get(booking_id) is not None:
            self._rows.delete(booking_id)

    async def purge(self, now: datetime, *, limit: int) -> int:
        due = sorted(
            (c for c in self._rows.values() if c.purge_after <= now),
            key=lambda c: (c.purge_after, c.id),
        )[:limit]
        for consent in due:
            self._rows.delete(consent.booking_id)
        return len(due)


class InMemoryConsentGate(ConsentGate):
    def __init__(
        self, requirements: ConsentRequirementRepository, consents: ConsentRepository
    ) -> None:
        self._requirements = requirements
        self._consents = consents

    async def standing(self, booking: Booking) -> ConsentStanding:
        requirement = await self._requirements.get(booking.artist_id)
        return standing(requirement, await self._consents.get(booking.id), booking)
