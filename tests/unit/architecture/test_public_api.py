"""booking-domain's public API is what its committed list says (src/booking_domain/README.md,
"Its public API and its version"): a name removed or a signature changed fails here until
the list is written again in the same commit, which is when its version is decided."""

from __future__ import annotations

import importlib.metadata
import re
import tomllib
from pathlib import Path

import pytest
from scripts import public_api

import booking_domain
import booking_domain.scheduling

ROOT = Path(__file__).resolve().parents[3]

STALE = """booking-domain's public API changed (below: - in the committed list, + in the code).
A name removed or a signature changed incompatibly is a new major version, a name added a
new minor one: write the list again (`python scripts/public_api.py --write`), set
`booking_domain.__version__` and inkslot's requirement `booking-domain==` (pyproject.toml)
to the new version, and say what changed in src/booking_domain/CHANGELOG.md.

"""


def test_the_committed_list_is_the_codes_public_api() -> None:
    committed = public_api.LIST_FILE.read_text(encoding="utf-8")
    stale = public_api.difference(committed, public_api.render())
    assert not stale, STALE + stale


def test_the_list_would_show_a_name_taken_out_of_a_package(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = public_api.render()
    kept = [name for name in booking_domain.scheduling.__all__ if name != "free_slots"]
    monkeypatch.setattr(booking_domain.scheduling, "__all__", kept)
    changed = public_api.difference(before, public_api.render())
    removed = [line for line in changed.splitlines() if line.startswith("-booking_domain")]
    assert removed == [f"-{line}" for line in before.splitlines()
                       if line.startswith("booking_domain.scheduling.free_slots:")]  # fmt: skip


def test_the_list_shows_a_signature_not_only_a_name() -> None:
    lines = public_api.render().splitlines()
    (free_slots,) = [
        line for line in lines if line.startswith("booking_domain.scheduling.free_slots:")
    ]
    assert "between: Interval" in free_slots and "limit: int | None = None" in free_slots


def test_the_list_names_the_version_it_describes() -> None:
    header = public_api.LIST_FILE.read_text(encoding="utf-8").splitlines()[0]
    assert header == public_api.HEADER.format(version=booking_domain.__version__)


def test_inkslot_requires_exactly_the_version_in_its_tree() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = [*project["dependencies"], *project["optional-dependencies"]["testing"]]
    pins = [re.fullmatch(r"booking-domain(\[testing\])?==(\S+)", line) for line in requirements]
    versions = {pin.group(2) for pin in pins if pin}
    assert versions == {booking_domain.__version__}
    assert importlib.metadata.version("booking-domain") == booking_domain.__version__
