"""What consent forms need from the outside world: storage of forms and their versions, of
each artist's requirement and of signed consents, beside the bookings they belong to and
the artists who keep them; and a maker of the signed copy's documents (HTML and PDF).
Every storage adapter passes the contract suite in ``tests/contract/consent``, which also
holds them to the ``ConsentGate`` port of bookings that they serve."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from booking_domain.bookings import HasBookings
from booking_domain.catalog import HasArtists
from booking_domain.consent.consents import Consent
from booking_domain.consent.forms import ConsentForm, ConsentRequirement, FormId, FormVersion
from booking_domain.shared.ids import ArtistId, BookingId, UserId
from booking_domain.shared.pages import Page, PageRequest
from booking_domain.shared.ports import HasOutbox, UnitOfWork, UnitOfWorkFactory


class ConsentFormRepository(Protocol):
    async def add(self, form: ConsentForm, version: FormVersion) -> None:
        """A new form with its first version."""
        ...

    async def publish(self, form: ConsentForm, version: FormVersion) -> None:
        """The form's next version, which becomes its current one."""
        ...

    async def update(self, form: ConsentForm) -> None:
        """Its status and ``updated_at`` (a retirement)."""
        ...

    async def get(self, form_id: FormId, *, for_update: bool = False) -> ConsentForm | None:
        """The form with its current version; ``for_update`` holds it to the unit's end."""
        ...

    async def version(self, form_id: FormId, version: int) -> FormVersion | None: ...

    async def versions(self, form_id: FormId) -> tuple[FormVersion, ...]:
        """Every version of the form, oldest first."""
        ...

    async def of_artist(
        self, artist_id: ArtistId, *, retired: bool = False
    ) -> tuple[ConsentForm, ...]:
        """The artist's active forms (and retired ones too with ``retired``), oldest
        first (ties by id)."""
        ...


class ConsentRequirementRepository(Protocol):
    async def get(self, artist_id: ArtistId) -> ConsentRequirement | None: ...

    async def put(self, requirement: ConsentRequirement) -> None:
        """Store the artist's requirement, replacing theirs."""
        ...

    async def remove(self, artist_id: ArtistId) -> None:
        """The artist requires no form any more (nothing to remove: nothing happens)."""
        ...


class ConsentRepository(Protocol):
    async def add(self, consent: Consent) -> None:
        """A booking's signed consent. Raises ``ConsentAlreadySignedError`` when the booking
        has one (the storage's own check, which holds under any concurrency)."""
        ...

    async def get(self, booking_id: BookingId, *, for_update: bool = False) -> Consent | None:
        """The booking's consent; ``for_update`` holds it until the unit of work ends."""
        ...

    async def update(self, consent: Consent) -> None:
        """Its ID check, ``purge_after``, version and ``updated_at`` (nothing signed changes)."""
        ...

    async def of_customer(self, customer_id: UserId, page: PageRequest) -> Page[Consent]:
        """The consents a customer signed, newest first (ties by id), exact total."""
        ...

    async def unsigned(self, booking_ids: Collection[BookingId]) -> frozenset[BookingId]:
        """Those of ``booking_ids`` that are a customer account's bookings, whose artist
        requires a form for them (since no later than their start) and that have no signed
        consent: the bookings whose customer is asked to sign."""
        ...

    async def remove(self, booking_id: BookingId) -> None:
        """Forget the booking's consent (its session never happened: the leaving customer's
        cancelled bookings)."""
        ...

    async def purge(self, now: datetime, *, limit: int) -> int:
        """Delete up to ``limit`` consents whose ``purge_after`` passed by ``now``; return
        how many went."""
        ...


class HasConsentForms(Protocol):
    @property
    def consent_forms(self) -> ConsentFormRepository: ...


class HasConsentRequirements(Protocol):
    @property
    def consent_requirements(self) -> ConsentRequirementRepository: ...


class HasConsents(Protocol):
    @property
    def consents(self) -> ConsentRepository: ...


class ConsentUnitOfWork(
    # In the order these bases have in the other units of work (bookings': bookings, then
    # artists, the outbox), so that one adapter class can serve them all.
    UnitOfWork,
    HasBookings,
    HasArtists,
    HasOutbox,
    HasConsentForms,
    HasConsentRequirements,
    HasConsents,
    Protocol,
):
    """What consent use cases open: forms, requirements and consents, the bookings they
    are signed for, the artists who keep them, and the outbox."""


ConsentUnitOfWorkFactory = UnitOfWorkFactory[ConsentUnitOfWork]


@dataclass(frozen=True, slots=True)
class ConsentDocument:
    """A signed consent with what its copy shows of its booking: the reference, the artist
    and the appointment's time in the artist's zone."""

    consent: Consent
    reference: str
    artist_name: str
    start: datetime
    time_zone: str


class ConsentDocuments(Protocol):
    """The signed copy as a person keeps it, in the form's language; everything the signer
    or the artist wrote is shown as text, never as markup."""

    def html(self, document: ConsentDocument) -> str:
        """A standalone HTML page (UTF-8), printable."""
        ...

    def pdf(self, document: ConsentDocument) -> bytes:
        """A PDF with a Unicode font embedded (Mongolian Cyrillic included)."""
        ...
