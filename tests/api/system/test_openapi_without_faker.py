"""The OpenAPI document is built without Faker, as in the image that leaves it out
(docs/containers.md, "What the image leaves out"): every documented example is written out
(entrypoints.http.response_docs), none generated, and the written ones are real answers."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import msgspec
import pytest

from entrypoints.http.payments.examples import BALANCE_INVOICE
from entrypoints.http.scheduling.slots_body import SLOTS_EXAMPLE
from tests.support.openapi import openapi_document

ROOT = Path(__file__).resolve().parents[3]

# Faker cannot be imported (as where it is not installed), then the app and its document
# are built as tests/support/openapi.py builds them, and the document is written as the
# API's /schema/openapi.json writes it.
SCRIPT = """
import json, sys
sys.modules["faker"] = None  # `import faker` now raises ImportError
from tests.support.openapi import openapi_document
document = openapi_document()
print(json.dumps({
    "paths": len(document["paths"]),
    "loaded": sorted(name for name in ("faker", "polyfactory") if sys.modules.get(name)),
}))
"""


def test_the_document_is_built_where_faker_cannot_be_imported() -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "PYTHONPATH": f"{ROOT / 'src'}{os.pathsep}{ROOT}"},
    )
    assert result.returncode == 0, result.stderr[-4000:]
    built = json.loads(result.stdout.splitlines()[-1])
    assert built["paths"] > 100
    assert built["loaded"] == []  # no example generator was even imported


def _example(path: str, method: str, status: str) -> Any:
    content = openapi_document()["paths"][path][method]["responses"][status]["content"]
    (example,) = content["application/json"]["examples"].values()
    return example["value"]


def _without_nulls(value: Any) -> Any:
    """What Litestar writes into the document: every null left out (response_docs)."""
    if isinstance(value, dict):
        return {k: _without_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_without_nulls(v) for v in value]
    return value


@pytest.mark.parametrize(
    ("path", "method", "status", "view"),
    [
        ("/api/v1/artists/{artist_id}/slots", "get", "200", SLOTS_EXAMPLE),
        ("/api/v1/bookings/{booking_id}/balance-invoice", "post", "201", BALANCE_INVOICE),
        ("/api/v1/bookings/{booking_id}/balance-invoice", "post", "200", BALANCE_INVOICE),
    ],
)
def test_the_written_examples_are_views_as_the_api_encodes_them(
    path: str, method: str, status: str, view: msgspec.Struct
) -> None:
    sent = msgspec.json.encode(view)
    assert msgspec.json.decode(sent, type=type(view)) == view  # every field of its type
    assert _example(path, method, status) == _without_nulls(json.loads(sent))


def test_the_slots_example_shows_the_artist_s_local_times_beside_utc() -> None:
    example = _example("/api/v1/artists/{artist_id}/slots", "get", "200")
    first = example["items"][0]
    assert (first["start"], first["localStart"]) == (
        "2026-03-09T02:00:00Z",
        "2026-03-09T10:00:00+08:00",
    )
    assert example["timeZone"] == "Asia/Ulaanbaatar" and example["nextFrom"]


def test_the_balance_example_adds_up() -> None:
    example = _example("/api/v1/bookings/{booking_id}/balance-invoice", "post", "201")
    assert example["kind"] == "balance"
    assert example["amount"] == example["price"] - example["credit"] + example["adjustment"]
    assert example["credit"] == sum(p["amount"] for p in example["payments"])
