"""The server-rendered pages (the booking page, the pages emails link to) as the API tests
read them: the data block a page hands its script, and the headers every such page sends."""

from __future__ import annotations

import json
import re
from typing import Any

import httpx

_PAGE_DATA = re.compile(r'<script type="application/json" id="page-data">(.*?)</script>', re.S)


def page_data(html: str) -> dict[str, Any]:
    """The JSON the page hands its script (``#page-data``)."""
    found = _PAGE_DATA.search(html)
    assert found is not None
    data: dict[str, Any] = json.loads(found.group(1))
    return data


def assert_strict_html(page: httpx.Response) -> None:
    """HTML under a strict policy of its own: scripts from the site only and none inline,
    no referrer sent on, nothing stored."""
    assert page.headers["content-type"].startswith("text/html")
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert page.headers.get_list("content-security-policy") == [policy]  # not the API's too
    assert page.headers["referrer-policy"] == "no-referrer"
    assert page.headers.get_list("cache-control") == ["no-store"]
    assert "<script>" not in page.text  # no inline script
