"""A class's underscored members are its own module's business: no module of ``src`` uses
``X._name`` (a call, or any other use; dunders aside) of a class ``X`` it imports by name
from another module (``from m import X``). What two modules share gets a public name.
Checked on the source; a class reached another way (an instance, ``m.X``) is not seen."""

from __future__ import annotations

import ast
from collections.abc import Iterator, Mapping
from pathlib import Path

SRC = Path(__file__).parents[3] / "src"


def _classes(trees: Mapping[str, ast.Module]) -> set[str]:
    return {
        node.name
        for tree in trees.values()
        for node in ast.walk(tree)
        if isinstance(node, ast.ClassDef)
    }


def _imported_names(tree: ast.Module) -> dict[str, str]:
    """The names a module imports from other modules (``from m import X as Y``), each to
    the name it has in its own module."""
    return {
        alias.asname or alias.name: alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module
        for alias in node.names
    }


def private_uses(trees: Mapping[str, ast.Module]) -> Iterator[str]:
    """``module:line X._name`` for each use of an imported class's underscored member."""
    classes = _classes(trees)
    for module, tree in trees.items():
        imported = _imported_names(tree)
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)):
                continue
            private = node.attr.startswith("_") and not node.attr.startswith("__")
            if private and imported.get(node.value.id) in classes:
                yield f"{module}:{node.lineno} {node.value.id}.{node.attr}"


def test_no_module_uses_a_private_member_of_a_class_from_another_module() -> None:
    trees = {
        str(path.relative_to(SRC)): ast.parse(path.read_text(), str(path))
        for path in SRC.rglob("*.py")
    }
    assert len(trees) > 100  # the tree was found
    assert list(private_uses(trees)) == []


def test_the_check_sees_a_private_call_across_modules_and_nothing_else() -> None:
    trees = {
        "a.py": ast.parse(
            "class Make:\n"
            "    @staticmethod\n"
            "    def _write(): ...\n"
            "    def run(self):\n"
            "        Make._write()\n"  # its own module: fine
        ),
        "b.py": ast.parse(
            "from a import Make\n"
            "from a import Make as Made\n"
            "Make._write()\n"
            "Made._write\n"
            "Make.__name__\n"  # a dunder: fine
            "Make.run\n"  # public: fine
        ),
    }
    assert sorted(private_uses(trees)) == ["b.py:3 Make._write", "b.py:4 Made._write"]
