"""The routes the app serves of search (``ROUTES``), in the order the API lists them."""

from entrypoints.http.routes import Routes
from entrypoints.http.search.controller import (
    ArtistSearchController,
    PortfolioSearchController,
    RecommendationsController,
)

ROUTES = Routes(
    controllers=(ArtistSearchController, PortfolioSearchController, RecommendationsController)
)
