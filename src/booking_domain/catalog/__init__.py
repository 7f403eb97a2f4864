"""The catalogue: artist profiles, studios and the services artists offer.

It knows what is offered and by whom, not when: time zones and the scheduling policy are
stored on the profile, but every calendar rule is :mod:`booking_domain.scheduling`'s.

Other contexts use the catalogue through this package only: profiles and their rules,
loading one for a use case (``load_artist``, ``load_editable_artist``), changing one with its
event (``change_profile``: a suspension), the public pictures (``public_images``), the
origins that may embed an artist's booking page (``embed_origins``, ``frame_ancestors``) and
the ports their units of work include, and booking links (``BookingLink``, ``token_digest``:
what a booking made through a link looks up), and flash (``FlashOffer`` on a service, the
``claim`` of ``HasFlash``: what confirming a booking of a one-off design does, and
``FlashDesignTakenError``). The catalogue's own use cases are in
:mod:`booking_domain.catalog.use_cases`.
"""

from booking_domain.catalog.aftercare import (
    AFTERCARE_BOUNDS,
    AftercareSettings,
)
from booking_domain.catalog.aftercare import (
    MAX_TEXT_LENGTH as MAX_AFTERCARE_TEXT,
)
from booking_domain.catalog.artists import ArtistProfile, ArtistStatus, GeoPoint, mean_rating
from booking_domain.catalog.embedding import (
    MAX_EMBED_ORIGINS,
    embed_origin,
    embed_origins,
    frame_ancestors,
)
from booking_domain.catalog.errors import (
    AlreadyStudioMemberError,
    ArtistNotFoundError,
    ArtistProfileExistsError,
    BookingLinkExistsError,
    BookingLinkGoneError,
    BookingLinkNotAllowedError,
    BookingLinkNotFoundError,
    DepositCurrencyNotPayableError,
    FlashDesignNotFoundError,
    FlashDesignTakenError,
    InvalidScheduleError,
    PortfolioItemNotFoundError,
    ServiceNotFoundError,
    ServiceReservedError,
    StudioInviteExpiredError,
    StudioInviteNotFoundError,
    StudioInviteRevokedError,
    StudioInviteUsedError,
    StudioMemberNotFoundError,
    StudioNotFoundError,
    StudioOwnerStaysError,
    TooManyStudioInvitesError,
)
from booking_domain.catalog.flash import ClaimOutcome, FlashDesign, FlashDesignId, FlashOffer
from booking_domain.catalog.images import PortfolioImage, public_images
from booking_domain.catalog.links import (
    BookingLink,
    BookingLinkId,
    FoundLink,
    LinkCounts,
    LinkUsage,
    LinkUse,
    could_be_token,
    fresh_token,
    new_link,
    token_digest,
)
from booking_domain.catalog.loading import load_artist, load_editable_artist
from booking_domain.catalog.policy import SchedulingPolicy
from booking_domain.catalog.portfolio import PortfolioItem, PortfolioItemId
from booking_domain.catalog.ports import (
    AftercareRepository,
    BookingLinkRepository,
    CatalogUnitOfWork,
    HasAftercare,
    HasArtists,
    HasBookingLinks,
    HasFlash,
    HasServices,
    HasStudios,
)
from booking_domain.catalog.profile_changes import Change, ProfileChanges, change_profile, suspended
from booking_domain.catalog.published import (
    ARTIST,
    ARTIST_EVENT_TYPES,
    ArtistChange,
    artist_outbox_event,
    artist_subject,
)
from booking_domain.catalog.services import (
    Deposit,
    FixedDeposit,
    PercentageDeposit,
    Service,
    deposit_payable,
    require_payable_deposit,
)
from booking_domain.catalog.studio_invites import (
    INVITE_LIFETIME,
    MAX_OPEN_INVITES,
    InviteState,
    StudioInvite,
    StudioInviteId,
)
from booking_domain.catalog.studios import Studio, ensure_may_create_studio

# Last: the use cases import the modules above. Other contexts' pages take the catalogue's
# bundle by this name (a walk-in's form lists the artist's services).
from booking_domain.catalog.use_cases import CatalogUseCases
from booking_domain.catalog.visits import VisitorFacts

__all__ = [
    "AFTERCARE_BOUNDS",
    "ARTIST",
    "ARTIST_EVENT_TYPES",
    "INVITE_LIFETIME",
    "MAX_AFTERCARE_TEXT",
    "MAX_EMBED_ORIGINS",
    "MAX_OPEN_INVITES",
    "AftercareRepository",
    "AftercareSettings",
    "AlreadyStudioMemberError",
    "ArtistChange",
    "ArtistNotFoundError",
    "ArtistProfile",
    "ArtistProfileExistsError",
    "ArtistStatus",
    "BookingLink",
    "BookingLinkExistsError",
    "BookingLinkGoneError",
    "BookingLinkId",
    "BookingLinkNotAllowedError",
    "BookingLinkNotFoundError",
    "BookingLinkRepository",
    "CatalogUnitOfWork",
    "CatalogUseCases",
    "Change",
    "ClaimOutcome",
    "Deposit",
    "DepositCurrencyNotPayableError",
    "FixedDeposit",
    "FlashDesign",
    "FlashDesignId",
    "FlashDesignNotFoundError",
    "FlashDesignTakenError",
    "FlashOffer",
    "FoundLink",
    "GeoPoint",
    "HasAftercare",
    "HasArtists",
    "HasBookingLinks",
    "HasFlash",
    "HasServices",
    "HasStudios",
    "InvalidScheduleError",
    "InviteState",
    "LinkCounts",
    "LinkUsage",
    "LinkUse",
    "PercentageDeposit",
    "PortfolioImage",
    "PortfolioItem",
    "PortfolioItemId",
    "PortfolioItemNotFoundError",
    "ProfileChanges",
    "SchedulingPolicy",
    "Service",
    "ServiceNotFoundError",
    "ServiceReservedError",
    "Studio",
    "StudioInvite",
    "StudioInviteExpiredError",
    "StudioInviteId",
    "StudioInviteNotFoundError",
    "StudioInviteRevokedError",
    "StudioInviteUsedError",
    "StudioMemberNotFoundError",
    "StudioNotFoundError",
    "StudioOwnerStaysError",
    "TooManyStudioInvitesError",
    "VisitorFacts",
    "artist_outbox_event",
    "artist_subject",
    "change_profile",
    "could_be_token",
    "deposit_payable",
    "embed_origin",
    "embed_origins",
    "ensure_may_create_studio",
    "frame_ancestors",
    "fresh_token",
    "load_artist",
    "load_editable_artist",
    "mean_rating",
    "new_link",
    "public_images",
    "require_payable_deposit",
    "suspended",
    "token_digest",
]
