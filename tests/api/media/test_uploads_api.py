"""``/api/v1/uploads`` on the local store: request, PUT with the ticket, complete, fetch the
WebP variant; every refusal is a 4xx that leaves nothing half-made."""

from __future__ import annotations

import io
from typing import Any
from urllib.parse import urlsplit

import pytest
from PIL import Image

from tests.api.conftest import Api

pytestmark = pytest.mark.anyio
UPLOADS = "/api/v1/uploads"


def _jpeg(size: tuple[int, int] = (2000, 1500)) -> bytes:
    out = io.BytesIO()
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (47.0, 55.0, 0.0)}
    Image.new("RGB", size, (90, 140, 200)).save(out, "JPEG", exif=exif.tobytes())
    return out.getvalue()


def _local(url: str) -> str:
    """The app is reached through the test client: keep the path and query of a URL."""
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


async def _request(api: Api, who: dict[str, str], data: bytes, **body: Any) -> dict[str, Any]:
    request = {"contentType": "image/jpeg", "size": len(data), "purpose": "portfolio", **body}
    answer = await api.client.post(UPLOADS, json=request, headers=who)
    assert answer.status_code == 201, answer.text
    return dict(answer.json())


async def _put(api: Api, ticket: dict[str, Any], data: bytes) -> int:
    answer = await api.client.put(_local(ticket["url"]), content=data, headers=ticket["headers"])
    return answer.status_code


async def test_presign_put_complete_and_fetch_the_webp_variant(api: Api) -> None:
    artist = api.bearer(await api.register("ink@example.com", role="artist"))
    data = _jpeg()
    ticket = await _request(api, artist, data)
    assert ticket["method"] == "PUT" and ticket["headers"]["If-None-Match"] == "*"
    assert await _put(api, ticket, data) == 200
    done = await api.client.post(f"{UPLOADS}/{ticket['uploadId']}/complete", headers=artist)
    assert done.status_code == 200, done.text
    state = done.json()
    assert state["status"] == "ready"
    large = next(i for i in state["images"] if i["name"] == "large")
    assert (large["width"], large["height"]) == (1600, 1200)
    fetched = await api.client.get(_local(large["url"]))
    assert fetched.status_code == 200
    assert fetched.headers["content-type"] == "image/webp"
    assert fetched.headers["x-content-type-options"] == "nosniff"
    assert "immutable" in fetched.headers["cache-control"]
    with Image.open(io.BytesIO(fetched.content)) as image:
        assert image.format == "WEBP" and len(image.getexif()) == 0
    again = await api.client.post(f"{UPLOADS}/{ticket['uploadId']}/complete", headers=artist)
    assert again.status_code == 200 and again.json()["images"] == state["images"]


async def test_complete_before_the_put_is_refused_and_the_upload_stays_open(api: Api) -> None:
    user = api.bearer(await api.register("cu@example.com"))
    data = _jpeg((64, 64))
    ticket = await _request(api, user, data, purpose="idea")
    early = await api.client.post(f"{UPLOADS}/{ticket['uploadId']}/complete", headers=user)
    assert early.status_code == 422 and early.json()["code"] == "upload_not_received"
    assert await _put(api, ticket, data) == 200
    done = await api.client.post(f"{UPLOADS}/{ticket['uploadId']}/complete", headers=user)
    assert done.status_code == 200
    small = next(i for i in done.json()["images"] if i["name"] == "small")
    assert "/_storage/uploads/private/" in small["url"]  # idea images are never public
    assert (await api.client.get(_local(small["url"]))).status_code == 200


async def test_bytes_that_are_not_the_declared_image_are_refused_and_removed(api: Api) -> None:
    user = api.bearer(await api.register("cu@example.com"))
    fake = b"<html><script>alert(1)</script></html>" + b" " * 200
    ticket = await _request(api, user, fake)
    assert await _put(api, ticket, fake) == 200
    refused = await api.client.post(f"{UPLOADS}/{ticket['uploadId']}/complete", headers=user)
    assert refused.status_code == 422
    assert refused.json()["code"] == "image_rejected"
    assert refused.json()["reason"] == "format_not_allowed"
    state = (await api.client.get(f"{UPLOADS}/{ticket['uploadId']}", headers=user)).json()
    assert state["status"] == "rejected" and state["images"] == []
    # The refused original is gone: a presigned GET for it finds nothing.
    repeat = await api.client.post(f"{UPLOADS}/{ticket['uploadId']}/complete", headers=user)
    assert repeat.status_code == 422 and repeat.json()["reason"] == "format_not_allowed"


async def test_a_put_differing_from_the_ticket_is_refused(api: Api) -> None:
    user = api.bearer(await api.register("cu@example.com"))
    data = _jpeg((64, 64))
    ticket = await _request(api, user, data)
    wrong_type = {**ticket["headers"], "Content-Type": "text/html"}
    answer = await api.client.put(_local(ticket["url"]), content=data, headers=wrong_type)
    assert answer.status_code == 403
    assert await _put(api, ticket, data + b"x") == 403  # another length breaks the signature
    api.clock.advance(__import__("datetime").timedelta(minutes=11))
    assert await _put(api, ticket, data) == 403  # expired


@pytest.mark.parametrize(
    "body",
    [
        {"contentType": "image/gif", "size": 10, "purpose": "portfolio"},
        {"contentType": "image/svg+xml", "size": 10, "purpose": "portfolio"},
        {"contentType": "image/jpeg", "size": 20_000_001, "purpose": "portfolio"},
        {"contentType": "image/jpeg", "size": 0, "purpose": "portfolio"},
        {"contentType": "image/jpeg", "size": 10, "purpose": "wallpaper"},
    ],
)
async def test_unacceptable_requests_are_422(api: Api, body: dict[str, Any]) -> None:
    user = api.bearer(await api.register("cu@example.com"))
    answer = await api.client.post(UPLOADS, json=body, headers=user)
    assert answer.status_code == 422


async def test_someone_elses_upload_is_not_found_and_strangers_are_401(api: Api) -> None:
    owner = api.bearer(await api.register("owner@example.com"))
    other = api.bearer(await api.register("other@example.com"))
    data = _jpeg((64, 64))
    ticket = await _request(api, owner, data)
    for path in (f"{UPLOADS}/{ticket['uploadId']}", f"{UPLOADS}/{ticket['uploadId']}/complete"):
        method = api.client.get if path.endswith(ticket["uploadId"]) else api.client.post
        answer = await method(path, headers=other)
        assert answer.status_code == 404 and answer.json()["code"] == "upload_not_found"
    assert (await api.client.post(UPLOADS, json={})).status_code == 401
    admin = api.bearer(await api.admin())
    assert (
        await api.client.get(f"{UPLOADS}/{ticket['uploadId']}", headers=admin)
    ).status_code == 200
