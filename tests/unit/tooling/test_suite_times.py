"""``make test``'s closing summary: a CI log may keep only a run's last lines, so the second
part's summary ends with the failures of both parts."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[3]

CONFTEST = """
from tests.support import suite_times

def pytest_addoption(parser):
    suite_times.pytest_addoption(parser)

def pytest_configure(config):
    config.addinivalue_line("markers", "serial: alone")
    suite_times.register(config)
"""

TESTS = """
import pytest

def test_in_process_fails():
    assert 1 + 1 == 3, "arithmetic drifted"

@pytest.mark.serial
def test_serial_passes():
    pass
"""


def run_part(directory: Path, times: Path, *marks: str) -> str:
    command = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "--times-file"]
    result = subprocess.run(
        [*command, str(times), *marks, str(directory)],
        cwd=directory,
        env={"PYTHONPATH": str(REPOSITORY), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    return result.stdout


def test_the_second_part_ends_with_the_first_parts_failure(tmp_path: Path) -> None:
    (tmp_path / "conftest.py").write_text(CONFTEST)
    (tmp_path / "test_parts.py").write_text(TESTS)
    (tmp_path / "pytest.ini").write_text("[pytest]\n")
    times = tmp_path / "times.json"
    first = run_part(tmp_path, times, "-m", "not serial")
    assert "1 failed" in first
    second = run_part(tmp_path, times, "-m", "serial")
    closing = second[second.index("failed in this run") :]
    assert "FAILED test_parts.py::test_in_process_fails" in closing
    assert "arithmetic drifted" in closing
    assert "1 passed" in second.splitlines()[-1]


def test_a_run_without_failures_lists_none(tmp_path: Path) -> None:
    (tmp_path / "conftest.py").write_text(CONFTEST)
    (tmp_path / "test_parts.py").write_text(TESTS.replace("1 + 1 == 3", "1 + 1 == 2"))
    (tmp_path / "pytest.ini").write_text("[pytest]\n")
    times = tmp_path / "times.json"
    run_part(tmp_path, times, "-m", "not serial")
    assert "failed in this run" not in run_part(tmp_path, times, "-m", "serial")
