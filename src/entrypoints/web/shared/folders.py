"""Where the web room's files are.

Each room (a context's package under ``entrypoints.web``, and ``shared``) keeps its own
``templates/``, ``static/`` and ``locales/`` folders beside its pages. The page machinery
reads them as one set: a template or a static file is named without its room (pages include
the shared partials and each other's by name, and a file's address stays
``/static/booking-page/<name>`` wherever it lives), so two rooms holding the same name are
an error when the process starts, never one file silently hiding the other.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

WEB: Final = Path(__file__).resolve().parent.parent
SHARED: Final = "shared"


def rooms() -> list[Path]:
    """The room packages of the web room: ``shared`` first, then the contexts' by name."""
    found = [p for p in WEB.iterdir() if p.is_dir() and (p / "__init__.py").is_file()]
    return sorted(found, key=lambda p: (p.name != SHARED, p.name))


def folders(kind: str) -> list[Path]:
    """The ``kind`` folders (``templates``, ``static``, ``locales``) of every room that has
    one, in the order of ``rooms``."""
    return [room / kind for room in rooms() if (room / kind).is_dir()]


def files(kind: str) -> dict[str, Path]:
    """Every file directly inside the rooms' ``kind`` folders, by its name (ValueError for
    a name that two rooms hold)."""
    found: dict[str, Path] = {}
    for folder in folders(kind):
        for path in sorted(folder.iterdir()):
            if not path.is_file():
                continue
            if path.name in found:
                raise ValueError(f"{path} and {found[path.name]}: one name in two rooms")
            found[path.name] = path
    return found
