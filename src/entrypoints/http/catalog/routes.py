"""The routes the app serves of catalog (``ROUTES``), in the order the API lists them."""

from entrypoints.http.catalog.aftercare_controller import AftercareController
from entrypoints.http.catalog.controller import (
    AdminArtistsController,
    ArtistsController,
    StudiosController,
)
from entrypoints.http.catalog.flash_controller import ArtistFlashController, FlashController
from entrypoints.http.catalog.links_controller import (
    BookingLinksController,
    LinkSlotViewsController,
)
from entrypoints.http.catalog.portfolio_controller import (
    ArtistPortfolioController,
    PortfolioController,
)
from entrypoints.http.catalog.studio_controller import (
    AcceptStudioInviteController,
    StudioInvitesController,
    StudioMembersController,
)
from entrypoints.http.routes import Routes

ROUTES = Routes(
    controllers=(
        ArtistsController,
        StudiosController,
        StudioMembersController,
        StudioInvitesController,
        AcceptStudioInviteController,
        AdminArtistsController,
        PortfolioController,
        ArtistPortfolioController,
        BookingLinksController,
        LinkSlotViewsController,
        FlashController,
        ArtistFlashController,
        AftercareController,
    )
)
