"""QR codes drawn on the server (nothing from another site): the booking link's, and the
Telegram bot's deep link on the console's settings."""

from __future__ import annotations


def qr_svg(text: str) -> str:
    """The QR code of ``text`` as an SVG ``data:`` URI (dark on white, a quiet zone of 4)."""
    import segno  # ~0.1 s to import: by the first page that draws one, not by every process

    return str(segno.make(text, error="m").svg_data_uri(scale=4, border=4))


__all__ = ["qr_svg"]
