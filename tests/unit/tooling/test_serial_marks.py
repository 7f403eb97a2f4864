"""``make test`` runs the suites in two parts: the tests in process spread over the cores
(pytest-xdist), then the ``serial`` ones alone. A test module that starts servers, workers,
database pairs or browsers of its own must say so with the mark: two of them at once would
race for ports and share the cores their deadlines were set for."""

from __future__ import annotations

import re
from pathlib import Path

TESTS = Path(__file__).resolve().parents[2]
# What a test module uses to start processes of its own (tests/support and the fixtures of
# the suites' conftest files).
STARTS_PROCESSES = re.compile(
    r"\b(running_server|start_worker|ServerProcess|replicated|primary_and_replica|webdriver"
    r"|documented_walks|demo_seed|demo_server|ForkedProcess|clients_server)\b"
)
SERIAL = re.compile(r"^pytestmark = .*pytest\.mark\.serial", re.M | re.S)


def modules_starting_processes() -> list[Path]:
    return [
        path
        for path in sorted(TESTS.rglob("test_*.py"))
        if STARTS_PROCESSES.search(path.read_text()) and path.parent.name != "tooling"
    ]


def test_the_pattern_finds_the_modules_known_to_start_processes() -> None:
    found = {p.relative_to(TESTS).as_posix() for p in modules_starting_processes()}
    assert {
        "races/test_same_slot.py",
        "jobs/test_worker.py",
        "api/system/test_documented_walks.py",
        "api/stream/test_stream_api.py",
        "contract/postgres/test_read_replica.py",
    } <= found


def test_every_module_that_starts_processes_is_serial() -> None:
    unmarked = [
        p.relative_to(TESTS).as_posix()
        for p in modules_starting_processes()
        if not SERIAL.search(p.read_text())
    ]
    assert unmarked == [], "add `pytestmark = pytest.mark.serial` (see the module docstring)"
