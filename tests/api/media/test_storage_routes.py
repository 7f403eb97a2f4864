"""The local store's own routes (``/_storage``, ``/media``) take anything a client sends and
answer with S3's 4xx codes, never a 500, and never reach outside their directories."""

from __future__ import annotations

import pytest

from tests.api.conftest import Api

pytestmark = pytest.mark.anyio


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/_storage/uploads/../../etc/passwd"),
        ("GET", "/_storage/uploads/%2e%2e/%2e%2e/etc/passwd"),
        ("GET", "/_storage/uploads/.meta/incoming/x.json"),
        ("GET", "/_storage/nope/incoming/x"),
        ("GET", "/_storage/uploads/incoming/x?X-Expires=abc&X-Signature=x&X-SignedHeaders="),
        ("GET", "/_storage/uploads/incoming/x?X-Expires=99999999999999999999999&X-Signature=x"),
        ("PUT", "/_storage/uploads/incoming/x"),
        ("PUT", "/_storage/uploads/incoming/x?X-Expires=1&X-Signature=%00&X-SignedHeaders=host"),
        ("DELETE", "/_storage/uploads/incoming/x"),
        ("POST", "/media/img/x/large.webp"),
        ("GET", "/media/"),
        ("GET", "/media/img/%00/large.webp"),
        ("GET", "/media/img/x/\u00e9.webp"),
        ("GET", "/media/.meta/img/x/large.webp.json"),
        ("GET", "/media/img/missing/large.webp"),
    ],
)
async def test_hostile_storage_requests_are_4xx(api: Api, method: str, path: str) -> None:
    answer = await api.client.request(method, path, content=b"x" * 10)
    assert 400 <= answer.status_code < 500, (answer.status_code, answer.text)
    assert "root:" not in answer.text
    assert answer.headers["x-content-type-options"] == "nosniff"
