"""The routes the app serves of privacy (``ROUTES``)."""

from entrypoints.http.privacy.controller import ExportController, LeavingController
from entrypoints.http.routes import Routes

ROUTES = Routes(controllers=(ExportController, LeavingController))
