"""The stream over HTTP: a user's changes as Server-Sent Events."""

from entrypoints.http.routes import Routes
from entrypoints.http.stream.controller import EventStreamController

ROUTES = Routes(controllers=(EventStreamController,))
