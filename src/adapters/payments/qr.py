"""QR codes of payment links, as the payment pages show them."""

from __future__ import annotations

import base64
import io


def qr_png_base64(text: str) -> str:
    """The QR code of ``text`` as a base64 PNG without a ``data:`` prefix (QPay's form)."""
    import segno  # ~0.1 s to import: by the first invoice, not by every process that starts

    out = io.BytesIO()
    segno.make(text, error="m").save(out, kind="png", scale=4)
    return base64.b64encode(out.getvalue()).decode("ascii")
