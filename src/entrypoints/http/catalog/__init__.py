"""The catalogue over HTTP: artists and their services, studios, portfolios. Scheduling
answers with the artist (``ArtistView``); search shows artists' pictures (``ArtistImageView``)."""

from entrypoints.http.catalog.controller import (
    AdminArtistsController,
    ArtistsController,
    StudiosController,
)
from entrypoints.http.catalog.dto import ArtistImageView, ArtistView
from entrypoints.http.catalog.portfolio_controller import (
    ArtistPortfolioController,
    PortfolioController,
)
from entrypoints.http.routes import Routes

ROUTES = Routes(
    controllers=(
        ArtistsController,
        StudiosController,
        AdminArtistsController,
        PortfolioController,
        ArtistPortfolioController,
    )
)

__all__ = ["ROUTES", "ArtistImageView", "ArtistView"]
