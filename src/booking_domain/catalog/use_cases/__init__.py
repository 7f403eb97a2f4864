"""The catalogue's use cases: profiles and their review, studios, services."""

from __future__ import annotations

from dataclasses import dataclass

from booking_domain.catalog.use_cases.aftercare import AftercareChoice, GetAftercare, SetAftercare
from booking_domain.catalog.use_cases.approval import (
    ListArtistProfiles,
    ReinstateArtist,
    ReviewArtistProfile,
    SubmitArtistProfile,
)
from booking_domain.catalog.use_cases.artist_images import (
    ArtistImageKind,
    ArtistImageLinks,
    ArtistImages,
    SetArtistImage,
)
from booking_domain.catalog.use_cases.deps import CatalogDeps
from booking_domain.catalog.use_cases.flash import (
    CreateFlashDesign,
    FlashDesignFields,
    FlashEntry,
    ListFlashSheet,
    RemoveFlashDesign,
    UpdateFlashDesign,
    VariantFields,
)
from booking_domain.catalog.use_cases.links import (
    CountSlotView,
    CreateBookingLink,
    ForgetLinkVisitors,
    LinkLanding,
    LinkListing,
    ListBookingLinks,
    OpenBookingLink,
    RegenerateBookingLink,
)
from booking_domain.catalog.use_cases.locations import Coordinates
from booking_domain.catalog.use_cases.portfolio import (
    AddPortfolioItem,
    DeletePortfolioItem,
    ListPortfolio,
    PortfolioEntry,
    UpdatePortfolioItem,
)
from booking_domain.catalog.use_cases.profiles import (
    CreateArtistProfile,
    GetArtist,
    OpenArtistDesk,
    OwnArtistProfile,
    ProfileFields,
    UpdateArtistProfile,
)
from booking_domain.catalog.use_cases.services import (
    AddService,
    DepositChoice,
    GetService,
    ListServices,
    ServiceFields,
    UpdateService,
)
from booking_domain.catalog.use_cases.studio_members import (
    AcceptStudioInvite,
    CreateStudioInvite,
    InviteLanding,
    ListStudioInvites,
    ListStudioMembers,
    MadeInvite,
    OwnedStudios,
    RemoveStudioMember,
    RevokeStudioInvite,
    ShowStudioInvite,
    invite_path,
)
from booking_domain.catalog.use_cases.studios import (
    CreateStudio,
    GetStudio,
    ListStudios,
    StudioFields,
    StudioMembers,
    UpdateStudio,
)
from booking_domain.shared.use_case import UseCaseBundle


@dataclass(frozen=True, slots=True)
class CatalogUseCases(UseCaseBundle[CatalogDeps]):
    """What the composition root builds of this context; adding a use case is one field."""

    create_artist: CreateArtistProfile
    update_artist: UpdateArtistProfile
    get_artist: GetArtist
    own_artist_profile: OwnArtistProfile
    open_artist_desk: OpenArtistDesk
    submit_artist: SubmitArtistProfile
    review_artist: ReviewArtistProfile
    reinstate_artist: ReinstateArtist
    list_artist_profiles: ListArtistProfiles
    create_studio: CreateStudio
    update_studio: UpdateStudio
    get_studio: GetStudio
    list_studios: ListStudios
    owned_studios: OwnedStudios
    list_studio_members: ListStudioMembers
    remove_studio_member: RemoveStudioMember
    create_studio_invite: CreateStudioInvite
    list_studio_invites: ListStudioInvites
    revoke_studio_invite: RevokeStudioInvite
    show_studio_invite: ShowStudioInvite
    accept_studio_invite: AcceptStudioInvite
    add_service: AddService
    update_service: UpdateService
    list_services: ListServices
    get_service: GetService
    add_portfolio_item: AddPortfolioItem
    list_portfolio: ListPortfolio
    update_portfolio_item: UpdatePortfolioItem
    delete_portfolio_item: DeletePortfolioItem
    set_artist_image: SetArtistImage
    artist_images: ArtistImages
    list_booking_links: ListBookingLinks
    create_booking_link: CreateBookingLink
    regenerate_booking_link: RegenerateBookingLink
    open_booking_link: OpenBookingLink
    count_slot_view: CountSlotView
    forget_link_visitors: ForgetLinkVisitors
    create_flash_design: CreateFlashDesign
    list_flash_sheet: ListFlashSheet
    update_flash_design: UpdateFlashDesign
    remove_flash_design: RemoveFlashDesign
    get_aftercare: GetAftercare
    set_aftercare: SetAftercare


__all__ = [
    "AcceptStudioInvite",
    "AddPortfolioItem",
    "AddService",
    "AftercareChoice",
    "ArtistImageKind",
    "ArtistImageLinks",
    "ArtistImages",
    "CatalogDeps",
    "CatalogUseCases",
    "Coordinates",
    "CountSlotView",
    "CreateArtistProfile",
    "CreateBookingLink",
    "CreateFlashDesign",
    "CreateStudio",
    "CreateStudioInvite",
    "DeletePortfolioItem",
    "DepositChoice",
    "FlashDesignFields",
    "FlashEntry",
    "ForgetLinkVisitors",
    "GetAftercare",
    "GetArtist",
    "GetService",
    "GetStudio",
    "InviteLanding",
    "LinkLanding",
    "LinkListing",
    "ListArtistProfiles",
    "ListBookingLinks",
    "ListFlashSheet",
    "ListPortfolio",
    "ListServices",
    "ListStudioInvites",
    "ListStudioMembers",
    "ListStudios",
    "MadeInvite",
    "OpenArtistDesk",
    "OpenBookingLink",
    "OwnArtistProfile",
    "OwnedStudios",
    "PortfolioEntry",
    "ProfileFields",
    "RegenerateBookingLink",
    "ReinstateArtist",
    "RemoveFlashDesign",
    "RemoveStudioMember",
    "ReviewArtistProfile",
    "RevokeStudioInvite",
    "ServiceFields",
    "SetAftercare",
    "SetArtistImage",
    "ShowStudioInvite",
    "StudioFields",
    "StudioMembers",
    "SubmitArtistProfile",
    "UpdateArtistProfile",
    "UpdateFlashDesign",
    "UpdatePortfolioItem",
    "UpdateService",
    "UpdateStudio",
    "VariantFields",
    "invite_path",
]
