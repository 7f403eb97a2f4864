"""What the catalogue needs from the outside world: storage of artists, studios and services.

Every adapter passes the contract suite in ``tests/contract/catalog``.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol

from booking_domain.catalog.aftercare import AftercareSettings
from booking_domain.catalog.artists import ArtistProfile, ArtistStatus
from booking_domain.catalog.flash import ClaimOutcome, FlashDesign, FlashDesignId
from booking_domain.catalog.links import (
    BookingLink,
    BookingLinkId,
    FoundLink,
    LinkUsage,
    LinkUse,
)
from booking_domain.catalog.portfolio import PortfolioItem, PortfolioItemId
from booking_domain.catalog.services import Service
from booking_domain.catalog.studio_invites import StudioInvite, StudioInviteId
from booking_domain.catalog.studios import Studio
from booking_domain.media import HasUploads
from booking_domain.shared.audit import HasAudit
from booking_domain.shared.ids import ArtistId, BookingId, ServiceId, StudioId, UserId
from booking_domain.shared.pages import Page, PageRequest
from booking_domain.shared.ports import HasOutbox, UnitOfWork, UnitOfWorkFactory


@dataclass(frozen=True, slots=True)
class ArtistFilter:
    """Admins' list of profiles: by review state, suspension, the artist's own city (folded
    equality) and text in the display name (folded substring); oldest first, so the review
    queue (``status=pending``) reads in the order profiles were made."""

    status: ArtistStatus | None = None
    suspended: bool | None = None
    city: str | None = None
    text: str | None = None


@dataclass(frozen=True, slots=True)
class ArtistDesk:
    """An account as the artist's console opens on it: the language it chose and its artist
    profile (None: it has none)."""

    locale: str
    artist: ArtistProfile | None


class ArtistRepository(Protocol):
    async def add(self, artist: ArtistProfile) -> None:
        """Raises ``ArtistProfileExistsError`` when the user already has a profile."""
        ...

    async def get(self, artist_id: ArtistId) -> ArtistProfile | None: ...

    async def get_by_user(self, user_id: UserId) -> ArtistProfile | None: ...

    async def desk_of(self, user_id: UserId) -> ArtistDesk | None:
        """The account's language and its profile (``get_by_user``), read together in one
        statement (every console page asks both); None for an account that is gone or
        disabled."""
        ...

    async def update(self, artist: ArtistProfile) -> None: ...

    async def list(self, where: ArtistFilter, page: PageRequest) -> Page[ArtistProfile]:
        """Oldest first (ties by id); the total counted as ``Page.counted`` says."""
        ...

    async def public_in_studios(
        self, studio_ids: Collection[StudioId]
    ) -> tuple[ArtistProfile, ...]:
        """The public artists (approved, not suspended) placed in any of ``studio_ids``, by
        display name (ties by id)."""
        ...

    async def in_studio(self, studio_id: StudioId) -> tuple[ArtistProfile, ...]:
        """Every artist placed in the studio, whatever their review state, by display name
        (ties by id): its members, as its owner sees them."""
        ...


class HasArtists(Protocol):
    @property
    def artists(self) -> ArtistRepository: ...


class StudioRepository(Protocol):
    async def add(self, studio: Studio) -> None: ...

    async def get(self, studio_id: StudioId, *, for_update: bool = False) -> Studio | None:
        """With ``for_update``, the studio is held until the unit of work ends: another
        unit of work asking for it so waits (what bounds its open invites under
        concurrency)."""
        ...

    async def update(self, studio: Studio) -> None: ...

    async def list(self, page: PageRequest) -> Page[Studio]:
        """Every studio, oldest first (ties by id); the total counted as ``Page.counted``
        says."""
        ...

    async def owned_by(self, user_id: UserId) -> tuple[Studio, ...]:
        """The studios ``user_id`` owns, oldest first (ties by id)."""
        ...


class HasStudios(Protocol):
    @property
    def studios(self) -> StudioRepository: ...


class StudioInviteRepository(Protocol):
    """Studios' invites (``catalog.studio_invites``), found by their tokens' keyed digests
    (the token itself is never stored)."""

    async def add(self, invite: StudioInvite, digest: str) -> None: ...

    async def get(self, invite_id: StudioInviteId) -> StudioInvite | None: ...

    async def find(self, digest: str) -> StudioInvite | None:
        """The invite whose token digests to ``digest``."""
        ...

    async def open_for_studio(self, studio_id: StudioId, now: datetime) -> tuple[StudioInvite, ...]:
        """The studio's invites open at ``now`` (neither used nor revoked, ``expires_at``
        after ``now``), oldest first (ties by id)."""
        ...

    async def settle(self, invite: StudioInvite) -> bool:
        """Stores ``invite``'s use or revocation, only if the stored invite is still neither
        used nor revoked; False (nothing written) otherwise. Of two concurrent settlements
        of one invite exactly one wins."""
        ...


class HasStudioInvites(Protocol):
    @property
    def studio_invites(self) -> StudioInviteRepository: ...


class ServiceRepository(Protocol):
    async def add(self, service: Service) -> None: ...

    async def get(self, service_id: ServiceId) -> Service | None: ...

    async def update(self, service: Service) -> None: ...

    async def list_for_artist(
        self, artist_id: ArtistId, *, include_inactive: bool, include_flash: bool = False
    ) -> tuple[Service, ...]:
        """An artist's services, by name: the plain ones only, unless ``include_flash`` (the
        sizes of flash designs are listed on the flash sheet)."""
        ...


class HasServices(Protocol):
    @property
    def services(self) -> ServiceRepository: ...


class PortfolioRepository(Protocol):
    async def add(self, item: PortfolioItem) -> None: ...

    async def get(self, item_id: PortfolioItemId) -> PortfolioItem | None: ...

    async def update(self, item: PortfolioItem) -> None: ...

    async def remove(self, item_id: PortfolioItemId) -> None: ...

    async def count_for_artist(self, artist_id: ArtistId) -> int: ...

    async def last_position(self, artist_id: ArtistId) -> int | None:
        """The greatest position in the artist's portfolio (None when it is empty)."""
        ...

    async def page_for_artist(
        self, artist_id: ArtistId, request: PageRequest
    ) -> Page[PortfolioItem]:
        """The artist's items by position, then oldest first."""
        ...


class HasPortfolio(Protocol):
    @property
    def portfolio(self) -> PortfolioRepository: ...


@dataclass(frozen=True, slots=True)
class SheetEntry:
    """A design of a flash sheet with its variants (services), by price then label."""

    design: FlashDesign
    variants: tuple[Service, ...]


class FlashRepository(Protocol):
    """Artists' flash designs; their variants are services (``ServiceRepository``)."""

    async def add(self, design: FlashDesign) -> None: ...

    async def get(self, design_id: FlashDesignId) -> FlashDesign | None: ...

    async def update(self, design: FlashDesign) -> None:
        """Stores the design's text and removal; never its claim (``claim`` alone writes
        that)."""
        ...

    async def count_for_artist(self, artist_id: ArtistId) -> int:
        """The designs on the artist's sheet (not removed)."""
        ...

    async def sheet(self, artist_id: ArtistId) -> tuple[SheetEntry, ...]:
        """The designs on the artist's sheet (not removed), oldest first (ties by id), each
        with all its variants, active or not."""
        ...

    async def variants(self, design_id: FlashDesignId) -> tuple[Service, ...]:
        """The design's variants, active or not, by price then label."""
        ...

    async def claim(self, service_id: ServiceId, booking_id: BookingId) -> ClaimOutcome:
        """``booking_id`` (of service ``service_id``) is being confirmed: when the service is
        a variant of a one-off design, claim the design for it unless another booking
        claimed it first, and mark every variant taken. Atomic: of concurrent claims of one
        design exactly one wins; the others answer ``TAKEN``. Claiming again for the
        booking that holds the claim answers ``CLAIMED``."""
        ...


class HasFlash(Protocol):
    @property
    def flash(self) -> FlashRepository: ...


class BookingLinkRepository(Protocol):
    """Artists' booking links (``catalog.links``), found by their tokens' keyed digests."""

    async def add(self, link: BookingLink, digest: str) -> None:
        """Stores a new link whose token digests to ``digest``. Raises
        ``BookingLinkExistsError`` when the artist has a link for that service (or a
        general one) already."""
        ...

    async def get(self, link_id: BookingLinkId) -> BookingLink | None: ...

    async def for_artist(self, artist_id: ArtistId) -> tuple[BookingLink, ...]:
        """The artist's links: the general one first, then oldest first (ties by id)."""
        ...

    async def replace_token(self, link: BookingLink, digest: str) -> None:
        """Gives the stored link ``link``'s new token (digesting to ``digest``); the token it
        had is kept as retired: ``find`` answers it with ``current=False`` from then on."""
        ...

    async def find(self, digest: str) -> FoundLink | None:
        """The link whose current or retired token digests to ``digest``."""
        ...

    async def count_use(
        self, link_id: BookingLinkId, day: date, use: LinkUse, visitor: str
    ) -> bool:
        """One more ``use`` of the link on ``day`` unless ``visitor`` (``visits.visitor_of``)
        was counted for that use, link and day already; True when it counted. The
        visitor is kept per use, link and day under a uniqueness constraint, so two
        concurrent loads of one visitor count once."""
        ...

    async def forget_visitors(self, before: date) -> int:
        """Forgets the visitors counted on days before ``before`` (the counts stay); how
        many were forgotten."""
        ...

    async def usage(self, artist_id: ArtistId, since: date) -> Mapping[BookingLinkId, LinkUsage]:
        """Each of the artist's links' counts: in all, and on days from ``since`` on (for
        bookings: made on those days, UTC). A link never used may be missing."""
        ...


class HasBookingLinks(Protocol):
    @property
    def booking_links(self) -> BookingLinkRepository: ...


class AftercareRepository(Protocol):
    """Artists' aftercare settings (``aftercare.py``); an artist who never chose any has
    the defaults."""

    async def get(self, artist_id: ArtistId) -> AftercareSettings:
        """The artist's settings, or the defaults (``updated_at`` None) when none are
        stored (also for an unknown artist)."""
        ...

    async def of_artists(
        self, artist_ids: Collection[ArtistId]
    ) -> Mapping[ArtistId, AftercareSettings]:
        """The stored settings of these artists, one read (those with none are left
        out)."""
        ...

    async def put(self, settings: AftercareSettings) -> None:
        """Store the artist's settings, replacing any earlier ones."""
        ...

    async def remove(self, artist_id: ArtistId) -> None:
        """Forget the artist's settings (the defaults apply again); nothing stored: no-op."""
        ...


class HasAftercare(Protocol):
    @property
    def aftercare(self) -> AftercareRepository: ...


class CatalogUnitOfWork(
    UnitOfWork,
    HasArtists,
    HasServices,
    HasPortfolio,
    HasBookingLinks,
    HasFlash,
    HasUploads,
    HasOutbox,
    HasAudit,
    HasAftercare,
    HasStudios,
    HasStudioInvites,
    Protocol,
):
    """What catalogue use cases open: artists, studios, services, portfolios (with the
    uploads they are made from), and the outbox for the events of reviews and moderation."""


CatalogUnitOfWorkFactory = UnitOfWorkFactory[CatalogUnitOfWork]
