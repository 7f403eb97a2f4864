"""Scheduling over HTTP: availability, the scheduling policy, free slots."""

from entrypoints.http.routes import Routes
from entrypoints.http.scheduling.controller import ArtistScheduleController, AvailabilityController

ROUTES = Routes(controllers=(ArtistScheduleController, AvailabilityController))
