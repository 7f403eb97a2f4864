"""The routes the app serves of the Telegram bot (``ROUTES``)."""

from entrypoints.http.routes import Routes
from entrypoints.http.telegram.controller import TelegramWebhookController

ROUTES = Routes(controllers=(TelegramWebhookController,))
