"""The routes the app serves of commissions (``ROUTES``), in the order the API lists them."""

from entrypoints.http.commissions.controller import MyRequestsController, RequestsController
from entrypoints.http.routes import Routes

ROUTES = Routes(controllers=(RequestsController, MyRequestsController))
