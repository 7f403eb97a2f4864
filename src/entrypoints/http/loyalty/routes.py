"""The routes the app serves of loyalty (``ROUTES``), in the order the API lists them."""

from entrypoints.http.loyalty.controller import (
    AdminProgramController,
    ArtistProgramController,
    ArtistProgramSettingsController,
    MyLoyaltyController,
    PlatformProgramController,
)
from entrypoints.http.routes import Routes

ROUTES = Routes(
    controllers=(
        PlatformProgramController,
        AdminProgramController,
        ArtistProgramController,
        ArtistProgramSettingsController,
        MyLoyaltyController,
    )
)
