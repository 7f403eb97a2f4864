"""Inkslot's own import-linter contract type, loaded by ``lint-imports`` (pyproject.toml,
``contract_types``; lint-imports puts the working directory on the import path).

``public_doors``: the packages directly inside each of ``containers`` are rooms (bounded
contexts); a room uses another room only through its door, the package itself
(``from booking_domain.bookings import ...``), never a module inside it (its ``use_cases``,
its model modules, its ports). ``common`` names children that are not rooms (the shared
kernel): anyone may import their modules. Plain modules directly inside a container
(``entrypoints.http.auth``) are not rooms either.

``facing`` (optional) names a second container whose rooms are the twins of the first's:
``entrypoints.http.search`` may use all of ``booking_domain.search`` (its own context's use
cases and views), and every other room of ``booking_domain`` only through its door.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import cast

from grimp import ImportGraph
from importlinter import Contract, ContractCheck, fields, output


@dataclass(frozen=True)
class Trespass:
    """``importer`` reaches past the door of the room that holds ``imported``."""

    importer: str
    imported: str
    lines: tuple[int, ...]


class PublicDoorsContract(Contract):
    type_name = "public_doors"

    containers = fields.ListField(subfield=fields.StringField())
    common = fields.ListField(subfield=fields.StringField(), required=False, default=[])
    facing = fields.StringField(required=False, default="")

    def check(self, graph: ImportGraph, verbose: bool) -> ContractCheck:
        # The fields hold their parsed values on an instance (import-linter's own contracts
        # read them the same way); its types describe the fields.
        containers, common = cast(list[str], self.containers), cast(list[str], self.common)
        facing = cast(str, self.facing)
        found = sorted(trespasses(graph, containers, common, facing), key=_order)
        return ContractCheck(kept=not found, metadata={"trespasses": found})

    def render_broken_contract(self, check: ContractCheck) -> None:
        for trespass in check.metadata["trespasses"]:
            lines = ", ".join(map(str, trespass.lines))
            output.print_error(
                f"- {trespass.importer} -> {trespass.imported} (l.{lines})", bold=False
            )
        output.new_line()
        output.print("Import from the other context's package itself, and export it there.")


def trespasses(
    graph: ImportGraph, containers: list[str], common: list[str], facing: str = ""
) -> Iterator[Trespass]:
    """Every import from one room into a module inside another room (of its own container,
    or, with ``facing``, of the facing container other than its twin)."""
    for container in containers:
        rooms = _rooms(graph, container, common)
        across = _rooms(graph, facing, common) if facing else set()
        for room in sorted(rooms):
            twin = f"{facing}.{room.rsplit('.', 1)[1]}" if facing else None
            for module in sorted({room, *graph.find_descendants(room)}):
                for imported in graph.find_modules_directly_imported_by(module):
                    owner = _room_of(imported, rooms) or _room_of(imported, across)
                    if owner is None or owner in (room, twin) or imported == owner:
                        continue
                    details = graph.get_import_details(importer=module, imported=imported)
                    lines = tuple(d["line_number"] for d in details)
                    yield Trespass(module, imported, lines)


def _rooms(graph: ImportGraph, container: str, common: list[str]) -> set[str]:
    """The packages directly inside ``container``, but the shared ones."""
    return {
        child
        for child in graph.find_children(container)
        if child not in common and graph.find_children(child)
    }


def _room_of(module: str, rooms: set[str]) -> str | None:
    return next((r for r in rooms if module == r or module.startswith(r + ".")), None)


def _order(trespass: Trespass) -> tuple[str, str]:
    return trespass.importer, trespass.imported
