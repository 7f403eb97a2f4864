"""Search over HTTP: artists, portfolio pieces, recommendations."""

from entrypoints.http.routes import Routes
from entrypoints.http.search.controller import (
    ArtistSearchController,
    PortfolioSearchController,
    RecommendationsController,
)

ROUTES = Routes(
    controllers=(ArtistSearchController, PortfolioSearchController, RecommendationsController)
)
