"""The ``public_doors`` import contract (scripts/import_contracts.py) finds exactly the
imports that reach past another context's package, on a graph made for the purpose."""

from __future__ import annotations

import grimp
from scripts.import_contracts import Trespass, trespasses


def _graph(*imports: tuple[str, str]) -> grimp.ImportGraph:
    graph = grimp.ImportGraph()
    modules = [
        "core", "core.shared", "core.shared.ids", "core.catalog", "core.catalog.ports",
        "core.catalog.use_cases", "core.catalog.use_cases.load", "core.bookings",
        "core.bookings.rules", "core.bookings.use_cases", "core.bookings.use_cases.create",
        "core.readme",
    ]  # fmt: skip
    for module in modules:
        graph.add_module(module)
    for importer, imported in imports:
        graph.add_import(importer=importer, imported=imported, line_number=7, line_contents="")
    return graph


def _found(graph: grimp.ImportGraph) -> list[Trespass]:
    return list(trespasses(graph, ["core"], ["core.shared"]))


def test_imports_through_the_door_or_inside_a_room_or_of_the_kernel_are_kept() -> None:
    graph = _graph(
        ("core.bookings.use_cases.create", "core.catalog"),  # the door
        ("core.bookings.use_cases.create", "core.bookings.rules"),  # its own room
        ("core.bookings.rules", "core.shared.ids"),  # the shared kernel
        ("core.catalog", "core.catalog.ports"),  # a door re-exporting its own module
        ("core.readme", "core.catalog.ports"),  # a plain module is no room
    )
    assert _found(graph) == []


def test_reaching_into_another_rooms_modules_is_a_trespass_wherever_it_comes_from() -> None:
    graph = _graph(
        ("core.bookings.use_cases.create", "core.catalog.use_cases.load"),
        ("core.bookings", "core.catalog.ports"),
        ("core.bookings.rules", "core.catalog.use_cases"),
    )
    assert _found(graph) == [
        Trespass("core.bookings", "core.catalog.ports", (7,)),
        Trespass("core.bookings.rules", "core.catalog.use_cases", (7,)),
        Trespass("core.bookings.use_cases.create", "core.catalog.use_cases.load", (7,)),
    ]


def test_a_facing_room_enters_its_twin_wholly_and_the_others_by_their_doors() -> None:
    graph = _graph(
        ("http.catalog.controller", "core.catalog.use_cases.load"),  # its own twin
        ("http.catalog.controller", "core.bookings"),  # another core context's door
        ("http.catalog.controller", "core.shared.ids"),  # the kernel
        ("http.bookings.controller", "core.catalog.ports"),  # past another's door
        ("http.bookings.controller", "http.catalog.controller"),  # past a sibling's door
        ("http.kernel", "core.catalog.ports"),  # a plain module is no room
    )
    for module in ("http", "http.catalog", "http.bookings", "http.kernel"):
        graph.add_module(module)
    found = sorted(trespasses(graph, ["http"], ["core.shared"], facing="core"), key=repr)
    assert found == [
        Trespass("http.bookings.controller", "core.catalog.ports", (7,)),
        Trespass("http.bookings.controller", "http.catalog.controller", (7,)),
    ]
