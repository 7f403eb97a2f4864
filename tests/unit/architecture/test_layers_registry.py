"""The registry of contexts and the layers contract name the same contexts in the same order.

``entrypoints/contexts.py`` (the registry) serves the contexts in the order of the layers;
``pyproject.toml``'s layers contract is what ``lint-imports`` holds their imports to. A
context added to one and not the other would be served unchecked, or checked and not
served; one placed differently in each would be wired in another order than its imports
allow. So both read the same, and so do the contract's name and the order
docs/architecture.md writes out ("The contexts and their order"); and every package of
``booking_domain`` is a layer of the contract.

The contract lists its layers from the top (``testing``) down to ``shared``; the registry
lists contexts from the bottom up and holds neither of those two (the kernel and the test
kit serve no requests). Contexts sharing a layer (``a | b``) are read left to right.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from entrypoints.contexts import registered

ROOT = Path(__file__).resolve().parents[3]
CONTRACT_PREFIX = "booking_domain contexts are layered:"
NOT_SERVED = ("shared", "testing")  # the kernel and the test kit: layers, not registry lines


def _layers_contract() -> dict[str, Any]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts: list[dict[str, Any]] = config["tool"]["importlinter"]["contracts"]
    (contract,) = (
        c for c in contracts if c["type"] == "layers" and c["containers"] == ["booking_domain"]
    )
    return contract


def _bottom_up(layers: list[str]) -> list[str]:
    """The contract's layers, lowest first, each layer's contexts left to right."""
    return [name.strip() for layer in reversed(layers) for name in layer.split("|")]


def _order(written: str) -> list[str]:
    """``a < b | c < d`` as the names it lists, in order."""
    return [name.strip().strip("`") for name in re.split(r"[<|]", written)]


def test_the_registry_serves_the_contexts_of_the_layers_contract_in_their_order() -> None:
    layered = [c for c in _bottom_up(_layers_contract()["layers"]) if c not in NOT_SERVED]
    assert [entry.name for entry in registered()] == layered


def test_every_package_of_the_core_is_a_layer_of_the_contract() -> None:
    packages = {p.parent.name for p in (ROOT / "src" / "booking_domain").glob("*/__init__.py")}
    assert packages == set(_bottom_up(_layers_contract()["layers"]))


def test_the_contracts_name_writes_its_layers_out() -> None:
    name = _layers_contract()["name"]
    assert name.startswith(CONTRACT_PREFIX)
    layers = [c for c in _bottom_up(_layers_contract()["layers"]) if c != "testing"]
    assert _order(name.removeprefix(CONTRACT_PREFIX)) == layers


def test_the_architecture_page_writes_the_same_order() -> None:
    page = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    found = re.search(r"contract in `pyproject\.toml`\): (shared <.+?)\.\s", page, re.DOTALL)
    assert found is not None, "docs/architecture.md no longer writes the order out"
    written = re.sub(r"\([^)]*\)", "", " ".join(found.group(1).split()))  # asides dropped
    layers = [c for c in _bottom_up(_layers_contract()["layers"]) if c != "testing"]
    assert _order(written) == layers
