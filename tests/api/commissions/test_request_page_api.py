"""A tattoo request's page (``/requests/{id}``, where its notifications link) over HTTP: HTML
with the booking page's strict Content-Security-Policy, no referrer and no-store; a shell
that names nothing of the request (its script asks the API, which decides who sees it); an
address that cannot name a request is the "not found" page."""

from __future__ import annotations

import re
from uuid import uuid4

import httpx
import pytest

from tests.api.booking_helpers import open_desk
from tests.api.commissions.test_requests_api import send
from tests.api.conftest import Api
from tests.support.html_pages import assert_strict_html, page_data

pytestmark = pytest.mark.anyio


def _is_strict_html(page: httpx.Response) -> None:
    assert_strict_html(page)
    assert "style=" not in page.text  # no inline style either


async def test_a_requests_page_is_a_shell_its_script_fills_in(api: Api) -> None:
    desk = await open_desk(api)
    sent = await send(desk)
    assert sent.status_code == 201, sent.text
    request_id = sent.json()["request"]["id"]
    page = await api.client.get(f"/requests/{request_id}")
    assert page.status_code == 200
    _is_strict_html(page)
    data = page_data(page.text)
    assert data["requestId"] == request_id and data["lang"] == "en"
    assert "fox" not in page.text  # the request itself only through the API
    assert "Skip to the request" in page.text
    assert 'for="phone"' in page.text and 'for="email"' in page.text
    assert 'for="message-text"' in page.text and 'for="answer-message"' in page.text
    assert page.text.index("/static/booking-page/common.js") < page.text.index(
        "/static/booking-page/request.js"
    )
    assert set(re.findall(r'data-text="(\w+)"', page.text)) <= set(data["texts"])
    served = await api.client.get("/static/booking-page/request.js")
    assert served.status_code == 200 and served.content

    mongolian = await api.client.get(f"/requests/{request_id}", params={"lang": "mn"})
    assert '<html lang="mn">' in mongolian.text and "Шивээсний хүсэлт" in mongolian.text
    assert page_data(mongolian.text)["texts"]["accept"] == "Хүсэлтийг зөвшөөрөх"


async def test_an_unknown_request_is_the_same_shell_the_api_answers_404(api: Api) -> None:
    page = await api.client.get(f"/requests/{uuid4()}")
    assert page.status_code == 200  # the server knows nobody here: the API decides
    assert page_data(page.text)["requestId"]


async def test_an_address_that_names_no_request_is_not_found(api: Api) -> None:
    for path in ("/requests/not-a-request", "/requests/%00%FF", "/requests/12345"):
        page = await api.client.get(path)
        assert page.status_code == 404, path
        assert "<html" in page.text
