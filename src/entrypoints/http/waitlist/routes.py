"""The routes the app serves of the waitlist (``ROUTES``)."""

from entrypoints.http.routes import Routes
from entrypoints.http.waitlist.controller import (
    ArtistWaitlistController,
    MyWaitlistController,
    WaitlistController,
)

ROUTES = Routes(controllers=(ArtistWaitlistController, WaitlistController, MyWaitlistController))
