"""The routes the app serves of webhooks (``ROUTES``), in the order the API lists them."""

from entrypoints.http.routes import Routes
from entrypoints.http.webhooks.controller import WebhooksController

ROUTES = Routes(controllers=(WebhooksController,))
