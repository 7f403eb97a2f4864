"""``/metrics``: Prometheus' text format with requests by route template and status,
problems by code, the store's figures and the pool; readable with the token only (or from
loopback without one); and, with several API processes, one sum over all of them."""

from __future__ import annotations

import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from uuid import uuid4

import pytest
from prometheus_client.parser import text_string_to_metric_families

from entrypoints.http.metrics import _is_loopback
from tests.api.booking_helpers import open_desk
from tests.api.conftest import ApiFactory
from tests.support.server import running_server

pytestmark = [pytest.mark.anyio, pytest.mark.serial]
TOKEN = "scrape-" + "x" * 24


def _samples(text: str) -> dict[tuple[str, frozenset[tuple[str, str]]], float]:
    found = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            found[(sample.name, frozenset(sample.labels.items()))] = sample.value
    return found


def _value(samples: dict[tuple[str, frozenset[tuple[str, str]]], float], name: str,
           **labels: str) -> float:  # fmt: skip
    return sum(v for (n, ls), v in samples.items() if n == name and set(labels.items()) <= set(ls))


async def test_metrics_count_routes_problems_and_the_stores_figures(make_api: ApiFactory) -> None:
    api = await make_api(metrics_token=TOKEN)
    desk = await open_desk(api)
    before = _samples((await api.client.get("/metrics", headers=_bearer())).text)
    booking_id = await desk.booked()
    for _ in range(3):
        seen = await desk.get(f"/{booking_id}", desk.customer)
        assert seen.status_code == 200
    missing = await desk.get(f"/{uuid4()}", desk.customer)
    assert missing.status_code == 404
    taken = await desk.book()
    assert taken.status_code == 409

    scraped = await api.client.get("/metrics", headers=_bearer())
    assert scraped.status_code == 200
    assert scraped.headers["content-type"].startswith("text/plain")
    after = _samples(scraped.text)
    one = "/api/v1/bookings/{booking_id}"

    def grew(name: str, **labels: str) -> float:
        return _value(after, name, **labels) - _value(before, name, **labels)

    assert grew("inkslot_requests_total", path=one, method="GET", status_code="200") == 3
    assert grew("inkslot_requests_total", path=one, method="GET", status_code="404") == 1
    assert grew("inkslot_requests_total", path="/api/v1/bookings", status_code="201") == 1
    assert grew("inkslot_problems_total", path="/api/v1/bookings", code="slot_taken") == 1
    assert grew("inkslot_problems_total", path=one, code="booking_not_found") == 1
    assert grew("inkslot_request_duration_seconds_count", path=one) == 4
    assert not any(booking_id in str(labels) for _, labels in after)  # templates, not ids
    assert grew("inkslot_bookings") == 1  # one booking made, whatever its status
    assert "# TYPE inkslot_jobs gauge" in scraped.text  # by queue and status, when any
    assert _value(after, "inkslot_db_pool_connections", state="limit") > 0


@pytest.mark.parametrize(
    "headers", [{}, {"authorization": "Bearer wrong"}, {"authorization": f"Basic {TOKEN}"}]
)
async def test_without_the_token_metrics_are_refused(
    make_api: ApiFactory, headers: dict[str, str]
) -> None:
    api = await make_api(metrics_token=TOKEN)
    refused = await api.client.get("/metrics", headers=headers)
    assert (refused.status_code, refused.json()["code"]) == (401, "invalid_token")
    assert TOKEN not in refused.text


async def test_without_a_token_setting_only_loopback_clients_read(make_api: ApiFactory) -> None:
    api = await make_api()  # the test client is not a loopback address
    refused = await api.client.get("/metrics")
    assert refused.status_code == 403
    assert [_is_loopback(h) for h in ("127.0.0.1", "::1", "10.0.0.1", "testclient", None)] == [
        True, True, False, False, False,
    ]  # fmt: skip
    schema = (await api.client.get("/schema/openapi.json")).json()
    assert "/metrics" not in schema["paths"]


def _bearer() -> dict[str, str]:
    return {"authorization": f"Bearer {TOKEN}"}


def test_two_api_processes_report_one_sum(database_url: str, tmp_path: Path) -> None:
    """Whichever process answers a scrape, it counts the requests both served."""
    counts = tmp_path / "server" / "metrics"  # where each process writes its own counts

    def writers() -> set[str]:
        return {p.stem.rsplit("_", 1)[-1] for p in counts.glob("counter_*.db")}

    def live(base: str) -> None:
        with urllib.request.urlopen(base + "/health/live", timeout=10) as r:
            assert r.status == 200

    with running_server(database_url, tmp_path / "server", workers=2) as server:
        served = 0
        # Batches of parallel requests until both processes have served some (the kernel
        # hands each connection to either; a few batches are enough).
        with ThreadPoolExecutor(8) as pool:
            while served == 0 or (len(writers()) < 2 and served < 4000):
                list(pool.map(live, [server.base_url] * 100))
                served += 100
        assert len(writers()) >= 2, writers()
        totals = set()
        for _ in range(6):  # several scrapes: either process may answer each
            with urllib.request.urlopen(server.base_url + "/metrics", timeout=10) as r:
                text = r.read().decode()
            totals.add(_value(_samples(text), "inkslot_requests_total", path="/health/live"))
        assert totals == {served}, (totals, served)
