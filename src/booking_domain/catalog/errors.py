"""Errors of the catalogue: artists, studios and services."""

from __future__ import annotations

from booking_domain.shared.errors import (
    ConflictError,
    GoneError,
    InvalidInputError,
    NotFoundError,
    RuleViolationError,
)


class InvalidScheduleError(InvalidInputError):
    """A service's duration, buffers or deposit, or the artist's scheduling policy, or (in
    scheduling) a weekly rule or date override, is out of range: one code for "what and when
    the artist offers is defined wrongly". Declared here, the lowest context that raises it."""

    code = "invalid_schedule"
    default_message = "The schedule or service definition is invalid."


class ArtistNotFoundError(NotFoundError):
    code = "artist_not_found"
    default_message = "Artist not found."


class StudioNotFoundError(NotFoundError):
    code = "studio_not_found"
    default_message = "Studio not found."


class ServiceNotFoundError(NotFoundError):
    code = "service_not_found"
    default_message = "Service not found."


class ArtistProfileExistsError(ConflictError):
    code = "artist_profile_exists"
    default_message = "This account already has an artist profile."


class InvalidPortfolioItemError(InvalidInputError):
    code = "invalid_portfolio_item"
    default_message = "The portfolio item is invalid."


class PortfolioItemNotFoundError(NotFoundError):
    code = "portfolio_item_not_found"
    default_message = "Portfolio item not found."


class PortfolioFullError(RuleViolationError):
    code = "portfolio_full"
    default_message = "This portfolio has as many items as it may have."


class BookingLinkNotAllowedError(RuleViolationError):
    code = "booking_link_not_allowed"
    default_message = "Booking links are for approved artists."


class BookingLinkNotFoundError(NotFoundError):
    code = "booking_link_not_found"
    default_message = "Booking link not found."


class BookingLinkGoneError(GoneError):
    """A token its link has since replaced: says nothing about whose it was."""

    code = "booking_link_gone"
    default_message = "This booking link was replaced and no longer works."


class BookingLinkExistsError(ConflictError):
    code = "booking_link_exists"
    default_message = "You have a booking link for this already."


class InvalidFlashDesignError(InvalidInputError):
    code = "invalid_flash_design"
    default_message = "The flash design is invalid."


class FlashDesignNotFoundError(NotFoundError):
    code = "flash_design_not_found"
    default_message = "Flash design not found."


class DepositCurrencyNotPayableError(RuleViolationError):
    """A deposit in a currency no payment gateway of this deployment takes: it could never
    be paid, so a booking holding its slot for it would only expire. Refused where the
    service is made or changed, and (for a service that has one already) where a booking
    of it is made."""

    code = "deposit_currency_not_payable"
    default_message = (
        "A deposit must be in a currency the payment gateway takes: remove the deposit, or "
        "price the service in a payable currency."
    )


class ServiceReservedError(ConflictError):
    """Changing a service made for a project's sessions (commissions): it keeps the terms
    its quote gave, and is never offered."""

    code = "service_reserved"
    default_message = "This service belongs to a tattoo project; it cannot be changed."


class FlashDesignTakenError(ConflictError):
    """A one-off design another booking claimed: its sizes take no more bookings."""

    code = "flash_design_taken"
    default_message = "This one-off flash design is already taken."


class FlashSheetFullError(RuleViolationError):
    code = "flash_sheet_full"
    default_message = "This flash sheet has as many designs as it may have."


class StudioInviteNotFoundError(NotFoundError):
    """An invite token or id nobody made (or of another studio): says nothing more."""

    code = "studio_invite_not_found"
    default_message = "Studio invite not found."


class StudioInviteExpiredError(GoneError):
    code = "studio_invite_expired"
    default_message = "This studio invite has expired; ask the studio for a new one."


class StudioInviteRevokedError(GoneError):
    code = "studio_invite_revoked"
    default_message = "This studio invite was withdrawn by the studio."


class StudioInviteUsedError(GoneError):
    code = "studio_invite_used"
    default_message = "This studio invite has been used already."


class TooManyStudioInvitesError(RuleViolationError):
    code = "too_many_studio_invites"
    default_message = "This studio has as many open invites as it may have; withdraw one first."


class AlreadyStudioMemberError(ConflictError):
    code = "already_studio_member"
    default_message = "You work in this studio already."


class StudioOwnerStaysError(RuleViolationError):
    """The owner's own profile stays in the studio they own: they neither leave it, are
    removed from it, nor accept another studio's invite while it is theirs."""

    code = "studio_owner_stays"
    default_message = "The studio's owner stays in the studio they own."


class StudioMemberNotFoundError(NotFoundError):
    code = "studio_member_not_found"
    default_message = "This artist does not work in this studio."
