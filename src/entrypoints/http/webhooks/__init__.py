"""Webhook endpoints and their deliveries over HTTP."""

from entrypoints.http.routes import Routes
from entrypoints.http.webhooks.controller import WebhooksController

ROUTES = Routes(controllers=(WebhooksController,))
