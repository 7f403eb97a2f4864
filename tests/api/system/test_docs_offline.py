"""The interactive documentation works offline and trusts no CDN: one page, its every asset
served by the API itself, no inline script or style, and a CSP that allows this origin only."""

from __future__ import annotations

import re

import pytest

from entrypoints.http.docs import ASSETS
from tests.api.conftest import Api

pytestmark = pytest.mark.anyio
_REFERENCES = re.compile(r'(?:src|href)="([^"]+)"')
_SCRIPT_TAG = re.compile(r"<script([^>]*)>(.*?)</script>", re.S)


async def test_docs_leads_to_the_one_page(api: Api) -> None:
    response = await api.client.get("/docs", follow_redirects=False)
    assert response.status_code in (301, 302, 307, 308)
    assert response.headers["location"] == "/schema"
    for other_ui in ("/schema/swagger", "/schema/redoc", "/schema/elements", "/schema/rapidoc"):
        assert (await api.client.get(other_ui)).status_code == 404, other_ui


async def test_the_page_loads_only_from_this_origin(api: Api) -> None:
    page = await api.client.get("/schema")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    csp = page.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "unsafe-inline" not in csp and "http" not in csp
    text = page.text
    assert "http://" not in text and "https://" not in text
    assert "<style" not in text and " style=" not in text
    for attributes, body in _SCRIPT_TAG.findall(text):
        assert "src=" in attributes and not body.strip(), "inline script"
    references = _REFERENCES.findall(text)
    assert len(references) >= 4  # favicon, stylesheet, bundle, starter
    for reference in references:
        assert reference.startswith("/schema/") and "//" not in reference, reference
        asset = await api.client.get(reference)
        assert asset.status_code == 200, reference
        assert len(asset.content) > 0


async def test_the_starter_reads_this_api_s_document_and_no_validator(api: Api) -> None:
    starter = (await api.client.get("/schema/assets/inkslot-docs.js")).text
    assert '"/schema/openapi.json"' in starter and "validatorUrl: null" in starter
    assert (await api.client.get("/schema/openapi.json")).status_code == 200


def test_the_vendored_files_carry_their_licence_and_fetch_nothing_remote() -> None:
    assert "Apache License" in (ASSETS / "LICENSE").read_text()
    css = (ASSETS / "swagger-ui.css").read_text()
    assert "@import" not in css and "@font-face" not in css
    assert not re.search(r"url\((['\"]?)https?:", css)
