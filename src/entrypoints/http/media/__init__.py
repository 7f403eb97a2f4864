"""Uploads over HTTP; ``ImageView`` is how every context shows a picture."""

from entrypoints.http.media.controller import UploadsController
from entrypoints.http.media.dto import ImageView
from entrypoints.http.routes import Routes

ROUTES = Routes(controllers=(UploadsController,))

__all__ = ["ROUTES", "ImageView"]
