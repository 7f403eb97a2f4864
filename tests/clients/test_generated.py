"""The committed OpenAPI document (clients/openapi.json) and the clients generated from it
are what the working tree generates: `make clients` writes them, `make clients-check` and
these tests compare (docs/clients.md). A response changed in the API without regenerating
fails here, as the last test shows on a changed copy of the document."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from scripts.clients import (
    CLIENTS,
    DOCUMENT,
    TYPES,
    NodeMissingError,
    differences,
    ensure_node_modules,
    export_document,
    failure_message,
    write_typescript_types,
)


@pytest.fixture(scope="module")
def exported() -> str:
    """The document as the working tree's app makes it now (a process of its own, ~4 s)."""
    return export_document()


def node_or_skip() -> None:
    try:
        ensure_node_modules()
    except NodeMissingError as missing:
        pytest.skip(f"the TypeScript types are not checked: {missing}")


def test_the_committed_document_is_the_apps(exported: str) -> None:
    committed = (CLIENTS / DOCUMENT).read_text("utf-8")
    assert exported == committed, failure_message([DOCUMENT])


def test_the_python_client_is_what_the_document_generates(exported: str) -> None:
    differing = differences(exported, typescript=False)
    assert differing == [], failure_message(differing)


def test_the_typescript_types_are_what_the_document_generates(exported: str) -> None:
    node_or_skip()
    with tempfile.TemporaryDirectory(prefix="inkslot-types-") as tmp:
        fresh = Path(tmp) / "schema.d.ts"
        write_typescript_types(exported, fresh)
        current = fresh.read_bytes() == (CLIENTS / TYPES).read_bytes()
    assert current, failure_message([TYPES])


def test_a_response_changed_without_regenerating_fails_the_check() -> None:
    """A booking's answer gains a field in the document; the committed clients were made
    before: the check names the document, the Python model and the TypeScript types."""
    try:
        ensure_node_modules()
        typescript = True
    except NodeMissingError:
        typescript = False  # the Python half still proves it; the other tests say why
    document = json.loads((CLIENTS / DOCUMENT).read_text("utf-8"))
    booking = document["components"]["schemas"]["BookingView"]
    booking["properties"]["depositReminderAt"] = {"type": "string", "format": "date-time"}
    booking["required"].append("depositReminderAt")
    changed = json.dumps(document, sort_keys=True, indent=2, ensure_ascii=False) + "\n"

    differing = differences(changed, typescript=typescript)

    expected = {DOCUMENT, "python/inkslot_client/models/booking_view.py"}
    assert expected | ({TYPES} if typescript else set()) == set(differing)
    assert "run `make clients`" in failure_message(differing)
