"""Disputes over HTTP."""

from entrypoints.http.disputes.controller import AdminDisputesController, DisputesController
from entrypoints.http.routes import Routes

ROUTES = Routes(controllers=(DisputesController, AdminDisputesController))
