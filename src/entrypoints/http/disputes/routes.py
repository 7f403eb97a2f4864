"""The routes the app serves of disputes (``ROUTES``), in the order the API lists them."""

from entrypoints.http.disputes.controller import AdminDisputesController, DisputesController
from entrypoints.http.routes import Routes

ROUTES = Routes(controllers=(DisputesController, AdminDisputesController))
