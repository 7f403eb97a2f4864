"""Inkslot's own import-linter contract type, loaded by ``lint-imports`` (pyproject.toml,
``contract_types``; lint-imports puts the working directory on the import path).

``public_doors``: the packages directly inside each of ``containers`` are rooms (bounded
contexts); a room uses another room only through its door, the package itself
(``from booking_domain.bookings import ...``), never a module inside it (its ``use_cases``,
its model modules, its ports). ``common`` names children that are not rooms (the shared
kernel): anyone may import their modules. Plain modules directly inside a container
(``entrypoints.http.auth``) are not rooms either.
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

    def check(self, graph: ImportGraph, verbose: bool) -> ContractCheck:
        # The fields hold their parsed values on an instance (import-linter's own contracts
        # read them the same way); its types describe the fields.
        containers, common = cast(list[str], self.containers), cast(list[str], self.common)
        found = sorted(trespasses(graph, containers, common), key=_order)
        return ContractCheck(kept=not found, metadata={"trespasses": found})

    def render_broken_contract(self, check: ContractCheck) -> None:
        for trespass in check.metadata["trespasses"]:
            lines = ", ".join(map(str, trespass.lines))
            output.print_error(
                f"- {trespass.importer} -> {trespass.imported} (l.{lines})", bold=False
            )
        output.new_line()
        output.print("Import from the other context's package itself, and export it there.")


def trespasses(graph: ImportGraph, containers: list[str], common: list[str]) -> Iterator[Trespass]:
    """Every import from one room into a module inside another room."""
    for container in containers:
        rooms = {
            child
            for child in graph.find_children(container)
            if child not in common and graph.find_children(child)
        }
        for room in sorted(rooms):
            for module in sorted({room, *graph.find_descendants(room)}):
                for imported in graph.find_modules_directly_imported_by(module):
                    owner = _room_of(imported, rooms)
                    if owner is None or owner == room or imported == owner:
                        continue
                    details = graph.get_import_details(importer=module, imported=imported)
                    lines = tuple(d["line_number"] for d in details)
                    yield Trespass(module, imported, lines)


def _room_of(module: str, rooms: set[str]) -> str | None:
    return next((r for r in rooms if module == r or module.startswith(r + ".")), None)


def _order(trespass: Trespass) -> tuple[str, str]:
    return trespass.importer, trespass.imported
