"""Inkslot's own import-linter contract type, loaded by ``lint-imports`` (pyproject.toml,
``contract_types``; lint-imports puts the working directory on the import path).

``public_doors``: the packages directly inside each of ``containers`` are rooms (bounded
contexts); a room uses another room only through its door, the package itself
(``from booking_domain.bookings import ...``), never a module inside it (its ``use_cases``,
its model modules). With ``doors = "closed"`` rooms never import each other at all (the HTTP
packages of the contexts). ``common`` names children that are not rooms (shared kernels,
test kits): anyone may import their modules, and they may import any room's modules. Plain
modules directly inside a container (``entrypoints.http.auth``) are not rooms either.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from grimp import ImportGraph
from importlinter import Contract, ContractCheck, fields, output


@dataclass(frozen=True)
class Trespass:
    importer: str
    imported: str
    lines: tuple[int, ...]


class PublicDoorsContract(Contract):
    type_name = "public_doors"

    containers = fields.ListField(subfield=fields.StringField())
    common = fields.ListField(subfield=fields.StringField(), required=False, default=[])
    doors = fields.StringField(required=False, default="open")

    def check(self, graph: ImportGraph, verbose: bool) -> ContractCheck:
        found = sorted(
            self._trespasses(graph), key=lambda t: (t.importer, t.imported, t.lines)
        )
        return ContractCheck(kept=not found, metadata={"trespasses": found})

    def render_broken_contract(self, check: ContractCheck) -> None:
        for trespass in check.metadata["trespasses"]:
            lines = ", ".join(map(str, trespass.lines))
            output.print_error(
                f"- {trespass.importer} -> {trespass.imported} (l.{lines})", bold=False
            )
        output.new_line()
        door = "through its package only" if self.doors != "closed" else "never"
        output.print(f"A context uses another {door}: import from the package itself.")

    def _trespasses(self, graph: ImportGraph) -> Iterator[Trespass]:
        common = set(self.common)
        for container in self.containers:
            rooms = {
                child
                for child in graph.find_children(container)
                if child not in common and graph.find_children(child)
            }
            for room in sorted(rooms):
                inside = {room, *graph.find_descendants(room)}
                for module in sorted(inside):
                    for imported in graph.find_modules_directly_imported_by(module):
                        owner = _room_of(imported, rooms)
                        if owner is None or owner == room:
                            continue
                        if self.doors != "closed" and imported == owner:
                            continue  # through the door
                        details = graph.get_import_details(importer=module, imported=imported)
                        lines = tuple(d["line_number"] for d in details)
                        yield Trespass(module, imported, lines)


def _room_of(module: str, rooms: set[str]) -> str | None:
    for room in rooms:
        if module == room or module.startswith(room + "."):
            return room
    return None
