"""Uploads over HTTP."""

from entrypoints.http.media.controller import UploadsController
from entrypoints.http.routes import Routes

ROUTES = Routes(controllers=(UploadsController,))
