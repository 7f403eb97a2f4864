"""The routes the app serves of analytics (``ROUTES``), in the order the API lists them."""

from entrypoints.http.analytics.controller import (
    ArtistAnalyticsController,
    PlatformAnalyticsController,
)
from entrypoints.http.routes import Routes

ROUTES = Routes(controllers=(ArtistAnalyticsController, PlatformAnalyticsController))
