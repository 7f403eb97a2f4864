"""The routes the app serves of stream (``ROUTES``), in the order the API lists them."""

from entrypoints.http.routes import Routes
from entrypoints.http.stream.controller import EventStreamController

ROUTES = Routes(controllers=(EventStreamController,))
