"""HTTP helper: a finished upload (requested, PUT to the local store, completed)."""

from __future__ import annotations

import io
from typing import Any
from urllib.parse import urlsplit

from PIL import Image

from tests.api.conftest import Api


def a_jpeg(
    size: tuple[int, int] = (800, 600), colour: tuple[int, int, int] = (90, 140, 200)
) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, "JPEG")
    return out.getvalue()


def local_path(url: str) -> str:
    """The test client reaches the app: keep a URL's path and query."""
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


async def finished_upload(
    api: Api, who: dict[str, str], purpose: str = "portfolio", data: bytes | None = None
) -> dict[str, Any]:
    data = data or a_jpeg()
    body = {"contentType": "image/jpeg", "size": len(data), "purpose": purpose}
    ticket = (await api.client.post("/api/v1/uploads", json=body, headers=who)).json()
    put = await api.client.put(local_path(ticket["url"]), content=data, headers=ticket["headers"])
    assert put.status_code == 200, put.text
    done = await api.client.post(f"/api/v1/uploads/{ticket['uploadId']}/complete", headers=who)
    assert done.status_code == 200, done.text
    return dict(done.json())
