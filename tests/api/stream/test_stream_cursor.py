"""``Last-Event-ID`` must be a cursor the feed handed out: one of another shape, or one after
the newest event there is, is 422 ``invalid_cursor`` and no stream opens."""

from __future__ import annotations

import pytest

from tests.api.conftest import Api
from tests.api.stream.asgi_probe import first_answer

pytestmark = pytest.mark.anyio

STREAM = "/api/v1/events/stream"
PAST_EVERYTHING = "9" * 20 + "-" + "9" * 20  # its xid is past 2^64, too
AHEAD = "00000000000000000001-00000000000000000001"  # no event was ever recorded


async def test_a_cursor_never_handed_out_is_refused_before_the_stream_opens(api: Api) -> None:
    session = await api.register()
    bearer = api.bearer(session)
    for headers, query in (
        ({**bearer, "Last-Event-ID": PAST_EVERYTHING}, ""),
        ({**bearer, "Last-Event-ID": AHEAD}, ""),
        (bearer, f"lastEventId={AHEAD}"),
        ({**bearer, "Last-Event-ID": "not-a-cursor"}, ""),
    ):
        answer = await first_answer(api.app, STREAM, headers, query)
        assert answer.status == 422, (headers, query, answer.status)
        assert answer.headers["content-type"].startswith("application/problem+json")
        assert answer.json()["code"] == "invalid_cursor"
    opened = await first_answer(api.app, STREAM, bearer)
    assert opened.status == 200  # without a cursor: the stream opens
