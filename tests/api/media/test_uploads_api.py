"""``/api/v1/uploads`` on the local store: request, PUT with the ticket, complete, fetch the
WebP variant; every refusal is a 4xx that leaves nothing half-made."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path
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
    request = {"contentType": "image/jpeg", "size": len(data), "purpose": "idea", **body}
    answer = await api.client.post(UPLOADS, json=request, headers=who)
    assert answer.status_code == 201, answer.text
    return dict(answer.json())


async def _put(api: Api, ticket: dict[str, Any], data: bytes) -> int:
    answer = await api.client.put(_local(ticket["url"]), content=data, headers=ticket["headers"])
    return answer.status_code


async def test_presign_put_complete_and_fetch_the_webp_variant(api: Api) -> None:
    artist = api.bearer(await api.register("ink@example.com", role="artist"))
    data = _jpeg()
    ticket = await _request(api, artist, data, purpose="portfolio")
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


@pytest.mark.parametrize(
    ("purpose", "policy"),
    [("portfolio", "public, max-age=31536000, immutable"), ("idea", "private, max-age=300")],
)
async def test_an_image_is_served_with_its_own_cache_policy_only(
    api: Api, purpose: str, policy: str
) -> None:
    """One ``Cache-Control``: the image's own (media.md), not also the API's ``no-store``."""
    user = api.bearer(await api.register("pic@example.com", role="artist"))  # any purpose
    data = _jpeg((64, 64))
    ticket = await _request(api, user, data, purpose=purpose)
    assert await _put(api, ticket, data) == 200
    done = await api.client.post(f"{UPLOADS}/{ticket['uploadId']}/complete", headers=user)
    assert done.status_code == 200, done.text
    small = next(i for i in done.json()["images"] if i["name"] == "small")
    fetched = await api.client.get(_local(small["url"]))
    assert fetched.status_code == 200
    assert fetched.headers.get_list("cache-control") == [policy]
    assert fetched.headers["x-content-type-options"] == "nosniff"


async def test_complete_before_the_put_is_refused_and_the_upload_stays_open(api: Api) -> None:
    user = api.bearer(await api.register("cu@example.com"))
    data = _jpeg((64, 64))
    ticket = await _request(api, user, data)
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


def _palette_png_with_trns_longer_than_plte() -> bytes:
    """A palette PNG whose transparency table (tRNS, 300 entries) outgrows its palette
    (PLTE, 2 entries), every CRC right: the header checks pass, the decoder chokes."""
    image = Image.new("P", (64, 64))
    image.putpalette([0, 0, 0, 250, 20, 20])
    out = io.BytesIO()
    image.save(out, "PNG", transparency=0)
    png, at, chunks = out.getvalue(), 8, b""
    while at < len(png):
        (length,) = struct.unpack(">I", png[at : at + 4])
        kind, data = png[at + 4 : at + 8], png[at + 8 : at + 8 + length]
        data = bytes(300) if kind == b"tRNS" else data
        crc = struct.pack(">I", zlib.crc32(kind + data))
        chunks += struct.pack(">I", len(data)) + kind + data + crc
        at += 12 + length
    return png[:8] + chunks


def _original(tmp_path: Path, upload_id: str) -> Path:
    """Where the local store keeps an upload's original (the API's data dir is tmp_path)."""
    return tmp_path / "var" / "storage" / "uploads" / "incoming" / upload_id


async def test_an_image_the_decoder_chokes_on_is_rejected_closed_and_removed(
    api: Api, tmp_path: Path
) -> None:
    user = api.bearer(await api.register("cu@example.com"))
    data = _palette_png_with_trns_longer_than_plte()
    ticket = await _request(api, user, data, contentType="image/png")
    assert await _put(api, ticket, data) == 200
    complete = f"{UPLOADS}/{ticket['uploadId']}/complete"
    refused = await api.client.post(complete, headers=user)
    assert refused.status_code == 422, refused.text
    assert (refused.json()["code"], refused.json()["reason"]) == ("image_rejected", "unreadable")
    state = (await api.client.get(f"{UPLOADS}/{ticket['uploadId']}", headers=user)).json()
    assert (state["status"], state["rejection"]) == ("rejected", "unreadable")
    assert _original(tmp_path, ticket["uploadId"]).read_bytes() == b""  # its bytes are gone
    again = await api.client.post(complete, headers=user)
    assert again.status_code == 422 and again.json()["reason"] == "unreadable"


async def test_the_upload_url_takes_one_put_after_completion(api: Api, tmp_path: Path) -> None:
    user = api.bearer(await api.register("cu@example.com"))
    data = _jpeg((64, 64))
    ticket = await _request(api, user, data)
    assert await _put(api, ticket, data) == 200
    done = await api.client.post(f"{UPLOADS}/{ticket['uploadId']}/complete", headers=user)
    assert done.status_code == 200
    assert await _put(api, ticket, data) == 412
    assert _original(tmp_path, ticket["uploadId"]).read_bytes() == b""  # nothing was stored
    state = (await api.client.get(f"{UPLOADS}/{ticket['uploadId']}", headers=user)).json()
    assert state["status"] == "ready" and state["images"] == done.json()["images"]


async def test_the_upload_url_takes_one_put_after_a_rejection(api: Api, tmp_path: Path) -> None:
    user = api.bearer(await api.register("cu@example.com"))
    fake = b"<html></html>" + b" " * 100
    ticket = await _request(api, user, fake)
    assert await _put(api, ticket, fake) == 200
    refused = await api.client.post(f"{UPLOADS}/{ticket['uploadId']}/complete", headers=user)
    assert refused.status_code == 422
    real = _jpeg((64, 64))[: len(fake)]  # the signed length, other bytes
    assert await _put(api, ticket, real) == 412
    assert _original(tmp_path, ticket["uploadId"]).read_bytes() == b""


@pytest.mark.parametrize("purpose", ["portfolio", "avatar", "cover"])
async def test_customers_cannot_ask_for_public_images(api: Api, purpose: str) -> None:
    customer = api.bearer(await api.register("cu@example.com"))
    body = {"contentType": "image/jpeg", "size": 100, "purpose": purpose}
    refused = await api.client.post(UPLOADS, json=body, headers=customer)
    assert refused.status_code == 403, refused.text
    assert refused.json()["code"] == "upload_purpose_not_allowed"
    assert (
        await api.client.post(UPLOADS, json=body | {"purpose": "idea"}, headers=customer)
    ).status_code == 201


async def test_an_admin_asks_only_for_what_an_admin_uses(api: Api) -> None:
    admin = api.bearer(await api.admin())
    for purpose, status in (("portfolio", 403), ("idea", 403), ("avatar", 201), ("evidence", 201)):
        body = {"contentType": "image/jpeg", "size": 100, "purpose": purpose}
        assert (await api.client.post(UPLOADS, json=body, headers=admin)).status_code == status
