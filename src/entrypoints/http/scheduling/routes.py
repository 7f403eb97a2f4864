"""The routes the app serves of scheduling (``ROUTES``), in the order the API lists them."""

from entrypoints.http.routes import Routes
from entrypoints.http.scheduling.controller import ArtistScheduleController, AvailabilityController
from entrypoints.http.scheduling.external_calendars import ExternalCalendarsController

ROUTES = Routes(
    controllers=(ArtistScheduleController, AvailabilityController, ExternalCalendarsController)
)
