"""Uploads over HTTP. Its door: ``ImageView``, how every context shows a picture."""

from entrypoints.http.media.dto import ImageView

__all__ = ["ImageView"]
