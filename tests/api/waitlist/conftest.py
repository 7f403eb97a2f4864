"""The waitlist's api tests move the clock by minutes to days (holds running out, dates
passing): their sessions' access tokens outlive that."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.api.conftest import Api, ApiFactory


@pytest.fixture
async def api(make_api: ApiFactory) -> Api:
    return await make_api(access_token_ttl=timedelta(days=30))
