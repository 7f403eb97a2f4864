"""The console's sign-in form as browsers post it: every page here has no referrer, so a
browser's own form comes with ``Origin: null`` and ``Sec-Fetch-Site: same-origin``, which
signs in; another site's form is refused however its headers fall."""

from __future__ import annotations

import pytest

from tests.api.booking_helpers import open_desk
from tests.api.conftest import PASSWORD, Api
from tests.api.console.console_helpers import browser, email_of

pytestmark = pytest.mark.anyio


async def test_the_browsers_own_form_signs_in_and_another_sites_never(api: Api) -> None:
    desk = await open_desk(api)
    form = {"email": email_of(desk.artist.session), "password": PASSWORD}
    own = {"origin": "null", "sec-fetch-site": "same-origin"}
    async with browser(api) as client:
        signed = await client.post(
            "/console/sign-in", data=form, headers=own, follow_redirects=False
        )
        assert signed.status_code == 303 and signed.headers["location"] == "/console"
        assert len(signed.headers.get_list("set-cookie")) == 2
    refused = (
        {"origin": "null"},  # a sandboxed frame's form, or a browser that says no more
        {"origin": "null", "sec-fetch-site": "cross-site"},
        {"origin": "null", "sec-fetch-site": "same-site"},  # a neighbour under our domain
        {"sec-fetch-site": "cross-site"},
        {"origin": "https://evil.example", "sec-fetch-site": "same-origin"},
    )
    for headers in refused:
        async with browser(api) as client:
            answer = await client.post("/console/sign-in", data=form, headers=headers)
            assert answer.status_code == 403, headers
            assert "set-cookie" not in answer.headers, headers
