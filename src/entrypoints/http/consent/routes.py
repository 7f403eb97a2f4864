"""The routes the app serves of consent (``ROUTES``), in the order the API lists them."""

from entrypoints.http.consent.controller import BookingConsentController, ConsentCopyController
from entrypoints.http.consent.forms_controller import (
    ArtistConsentFormsController,
    ConsentFormsController,
)
from entrypoints.http.routes import Routes

ROUTES = Routes(
    controllers=(
        ArtistConsentFormsController,
        ConsentFormsController,
        BookingConsentController,
        ConsentCopyController,
    )
)
