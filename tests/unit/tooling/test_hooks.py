"""The git hooks ``make hooks`` installs (``.pre-commit-config.yaml``) run the gates of the
Makefile as the Makefile runs them: ``make lint``'s commands before each commit, the
message check on each message, ``make typecheck`` (strict mypy) before each push. Each hook
type a hook runs at is one ``make hooks`` installs, or the hook would never run."""

from __future__ import annotations

import re
import shlex
import subprocess
from pathlib import Path
from typing import Any

import yaml  # type: ignore[import-untyped]  # PyYAML ships no types (pre-commit brings it)

ROOT = Path(__file__).resolve().parents[3]
MAKE_BIN = "$(BIN)/"  # the Makefile's .venv/bin/, as the hooks write it
HOOK_BIN = ".venv/bin/"


def _config() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(
        (ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    )
    return loaded


def _hooks() -> dict[str, dict[str, Any]]:
    return {hook["id"]: hook for repo in _config()["repos"] for hook in repo["hooks"]}


def _recipe(target: str) -> list[str]:
    """The commands of a Makefile target's own recipe, as written (``$(BIN)`` and all)."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    found = re.search(rf"^{target}:[^\n]*\n((?:\t[^\n]*\n)+)", makefile, re.MULTILINE)
    assert found is not None, f"no target {target}"
    return [line.strip() for line in found.group(1).splitlines()]


def _installed_hook_types() -> set[str]:
    """The hook types ``make hooks`` installs, read from what make would run."""
    dry = subprocess.run(
        ["make", "-n", "hooks"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    (install,) = (line for line in dry.splitlines() if "pre-commit install" in line)
    words = shlex.split(install)
    return {words[i + 1] for i, word in enumerate(words) if word == "--hook-type"}


def test_every_hook_runs_at_a_hook_type_make_hooks_installs() -> None:
    default = _config()["default_stages"]
    stages = {stage for hook in _hooks().values() for stage in hook.get("stages", default)}
    assert {"pre-commit", "commit-msg", "pre-push"} <= stages
    assert stages <= _installed_hook_types()
    assert stages <= set(_config()["default_install_hook_types"])


def test_mypy_runs_before_each_push_as_make_typecheck_runs_it() -> None:
    mypy = _hooks()["mypy"]
    assert mypy["stages"] == ["pre-push"]
    assert mypy["pass_filenames"] is False  # the files are pyproject.toml's, all of them
    assert [mypy["entry"]] == [c.replace(MAKE_BIN, HOOK_BIN) for c in _recipe("typecheck")]
    touched = re.compile(mypy["files"])
    assert touched.match("src/booking_domain/bookings/booking.py")
    assert touched.match("tests/unit/tooling/test_hooks.py")
    assert touched.match("pyproject.toml")
    assert not touched.match("docs/architecture.md")


def test_the_commit_hooks_run_make_lints_commands() -> None:
    hooks = _hooks()
    before_commit = [
        hook["entry"]
        for hook in hooks.values()
        if hook.get("stages", _config()["default_stages"]) == ["pre-commit"]
    ]
    assert before_commit == [c.replace(MAKE_BIN, HOOK_BIN) for c in _recipe("lint")]
    assert hooks["commit-message"]["stages"] == ["commit-msg"]
