"""The ``ObjectStore`` contract (``booking_domain.media.storage``): every refusal is shown
refused by both backends."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import httpx
import pytest

from booking_domain.media import (
    InvalidKeyError,
    InvalidMetadataError,
    ObjectNotFoundError,
    ObjectTooLargeError,
    PresignedPut,
    UploadTicket,
)
from booking_domain.media.errors import InvalidStorageRequestError
from tests.contract.media.conftest import Backend

pytestmark = pytest.mark.anyio
BODY = b"\xff\xd8\xff" + bytes(range(256)) * 6  # 1,539 bytes


async def _ticket(backend: Backend, key: str = "a.jpg", /, **changes: object) -> UploadTicket:
    upload = PresignedPut(
        f"{backend.key_prefix}/{key}",
        content_type="image/jpeg",
        content_length=len(BODY),
        metadata={"owner-id": "user-42", "upload-id": "up-1"},
    )
    for name, value in changes.items():
        object.__setattr__(upload, name, value)
    return await backend.store.presign_put(upload)


async def _put(
    backend: Backend, ticket: UploadTicket, body: bytes = BODY, /, **headers: str | None
) -> httpx.Response:
    sent = dict(ticket.headers)
    for name, value in headers.items():
        name = name.replace("_", "-")
        sent = {k: v for k, v in sent.items() if k.lower() != name.lower()}
        if value is not None:
            sent[name] = value
    return await backend.http.put(ticket.url, content=body, headers=sent)


def _with_query(url: str, **params: str) -> str:
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query)) | params
    return urlunsplit(parts._replace(query=urlencode(query)))


def _signature_param(url: str) -> str:
    return "X-Amz-Signature" if "X-Amz-Signature" in url else "X-Signature"


async def test_c1_an_upload_with_the_ticket_headers_is_stored(backend: Backend) -> None:
    ticket = await _ticket(backend)
    assert "Content-Length" not in ticket.headers
    answer = await _put(backend, ticket)
    assert answer.status_code == 200, answer.text
    info = await backend.store.head(ticket.key)
    assert info is not None
    assert (info.size, info.content_type) == (len(BODY), "image/jpeg")
    assert dict(info.metadata) == {"owner-id": "user-42", "upload-id": "up-1"}


async def test_c2_another_content_type_is_refused(backend: Backend) -> None:
    ticket = await _ticket(backend)
    answer = await _put(backend, ticket, Content_Type="text/html")
    assert answer.status_code == 403
    assert await backend.store.head(ticket.key) is None


async def test_c3_a_signed_metadata_header_left_out_is_refused(backend: Backend) -> None:
    ticket = await _ticket(backend)
    answer = await _put(backend, ticket, **{"x-amz-meta-owner-id": None})
    assert answer.status_code == 403
    assert await backend.store.head(ticket.key) is None


@pytest.mark.parametrize("body", [BODY[:-1], BODY * 10], ids=["shorter", "longer"])
async def test_c4_another_length_is_refused(backend: Backend, body: bytes) -> None:
    ticket = await _ticket(backend)
    answer = await _put(backend, ticket, body)
    assert 400 <= answer.status_code < 500
    assert await backend.store.head(ticket.key) is None


async def test_c5_an_expired_url_is_refused(backend: Backend) -> None:
    ticket = await _ticket(backend)
    backend.expire(601)
    answer = await _put(backend, ticket)
    assert answer.status_code == 403
    assert await backend.store.head(ticket.key) is None


async def test_c6_a_tampered_signature_is_refused(backend: Backend) -> None:
    ticket = await _ticket(backend)
    name = _signature_param(ticket.url)
    given = dict(parse_qsl(urlsplit(ticket.url).query))[name]
    tampered = given[:-2] + ("AA" if not given.endswith("AA") else "BB")
    answer = await backend.http.put(
        _with_query(ticket.url, **{name: tampered}), content=BODY, headers=dict(ticket.headers)
    )
    assert answer.status_code == 403
    assert await backend.store.head(ticket.key) is None


async def test_c6_an_edited_expiry_is_refused(backend: Backend) -> None:
    ticket = await _ticket(backend)
    name = "X-Amz-Expires" if "X-Amz-Expires" in ticket.url else "X-Expires"
    value = int(dict(parse_qsl(urlsplit(ticket.url).query))[name]) + 3000
    answer = await backend.http.put(
        _with_query(ticket.url, **{name: str(value)}), content=BODY, headers=dict(ticket.headers)
    )
    assert answer.status_code == 403


async def test_c7_the_signature_on_another_key_is_refused(backend: Backend) -> None:
    ticket = await _ticket(backend)
    other = ticket.url.replace("/a.jpg", "/b.jpg")
    answer = await backend.http.put(other, content=BODY, headers=dict(ticket.headers))
    assert answer.status_code == 403
    assert await backend.store.head(f"{backend.key_prefix}/b.jpg") is None


async def test_c8_a_write_once_key_is_not_overwritten(backend: Backend) -> None:
    ticket = await _ticket(backend)
    assert (await _put(backend, ticket)).status_code == 200
    again = await _ticket(backend)
    other_body = bytes(reversed(BODY))
    answer = await _put(backend, again, other_body)
    assert answer.status_code == 412
    assert await backend.store.get(ticket.key, max_bytes=len(BODY)) == BODY


async def test_c8b_an_object_emptied_in_place_keeps_a_write_once_key_taken(
    backend: Backend,
) -> None:
    """What a finished upload's original becomes (``media.use_cases.uploads``): its bytes
    replaced by nothing, its key still refusing the upload's own URL a second time."""
    ticket = await _ticket(backend)
    assert (await _put(backend, ticket)).status_code == 200
    await backend.store.put(ticket.key, b"", content_type="application/octet-stream")
    info = await backend.store.head(ticket.key)
    assert info is not None and info.size == 0
    assert (await _put(backend, ticket)).status_code == 412
    assert await backend.store.get(ticket.key, max_bytes=len(BODY)) == b""


async def test_c9_absent_objects(backend: Backend) -> None:
    key = f"{backend.key_prefix}/missing.jpg"
    assert await backend.store.head(key) is None
    with pytest.raises(ObjectNotFoundError):
        await backend.store.get(key, max_bytes=100)
    await backend.store.delete(key)
    await backend.store.delete(key)


async def test_c10_put_then_get_and_the_byte_cap(backend: Backend) -> None:
    key = f"{backend.key_prefix}/v/large.webp"
    info = await backend.store.put(key, BODY, content_type="image/webp", metadata={"k": "v"})
    assert info.size == len(BODY)
    assert await backend.store.get(key, max_bytes=len(BODY)) == BODY
    with pytest.raises(ObjectTooLargeError):
        await backend.store.get(key, max_bytes=len(BODY) - 1)
    await backend.store.delete(key)
    assert await backend.store.head(key) is None


async def test_c11_a_signed_download_works_until_it_expires(backend: Backend) -> None:
    key = f"{backend.key_prefix}/private.webp"
    await backend.store.put(key, BODY, content_type="image/webp")
    url = await backend.store.presign_get(key, expires_in=120)
    answer = await backend.http.get(url)
    assert answer.status_code == 200
    assert answer.content == BODY
    assert answer.headers["content-type"] == "image/webp"
    backend.expire(121)
    assert (await backend.http.get(url)).status_code == 403


@pytest.mark.parametrize("key", ["../x", "/x", "a//b", "a/", "A.jpg", "x" * 513, "a/../b", ""])
async def test_c12_a_key_outside_the_rule_is_refused_before_any_io(
    backend: Backend, key: str
) -> None:
    with pytest.raises(InvalidKeyError):
        await backend.store.presign_put(
            PresignedPut(key, content_type="image/jpeg", content_length=1)
        )
    with pytest.raises(InvalidKeyError):
        await backend.store.head(key)


@pytest.mark.parametrize(
    ("change", "error"),
    [
        ({"metadata": {"Owner": "x"}}, InvalidMetadataError),
        ({"metadata": {"owner": "caf\u00e9"}}, InvalidMetadataError),
        ({"metadata": {"k": "v" * 3000}}, InvalidMetadataError),
        ({"expires_in": 604801}, InvalidStorageRequestError),
        ({"expires_in": 3601}, InvalidStorageRequestError),
        ({"content_length": 0}, InvalidStorageRequestError),
        ({"content_type": "image/jpeg\r\nx-amz-acl: public"}, InvalidStorageRequestError),
    ],
)
async def test_c12_a_presign_outside_the_rules_is_refused(
    backend: Backend, change: dict[str, object], error: type[Exception]
) -> None:
    with pytest.raises(error):
        await _ticket(backend, **change)


async def test_c14_an_extra_unsigned_metadata_header_is_refused(backend: Backend) -> None:
    ticket = await _ticket(backend)
    answer = await _put(backend, ticket, **{"x-amz-meta-admin": "true"})
    assert answer.status_code == 403
    assert await backend.store.head(ticket.key) is None
