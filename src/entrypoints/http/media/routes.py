"""The routes the app serves of media (``ROUTES``), in the order the API lists them."""

from entrypoints.http.media.controller import UploadsController
from entrypoints.http.routes import Routes

ROUTES = Routes(controllers=(UploadsController,))
