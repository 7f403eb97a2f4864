"""Where the time goes, printed at the end of every run: the seconds the tests of each
directory under ``tests/`` took (setup, call and teardown, added up over the workers when
the run is spread over several), and the slowest tests, so a slow-down shows the day it
lands. CONTRIBUTING.md keeps the last figures.

``make test`` runs in two parts (the tests in process spread over the cores, then the
serial ones); with ``--times-file PATH`` each part adds its figures to the file, and the
summary is of everything the file holds: the second part prints the whole run's, and
ends with every test that failed in either part and the end of its report, so the last
lines of a run (all a CI log may keep) name a failure of the first part too.
"""

from __future__ import annotations

import json
import time
from collections import defaultdict
from pathlib import Path

import pytest

SLOWEST = 15
REPORT_LINES = 25  # of each failure's report, in the closing list


def suite_of(nodeid: str) -> str:
    """``tests/api/x/test_y.py::test`` -> ``api``."""
    parts = nodeid.split("::", 1)[0].split("/")
    return parts[1] if len(parts) > 2 and parts[0] == "tests" else parts[0]


class SuiteTimes:
    """A pytest plugin: each test's seconds, kept (and merged into ``path``), then printed."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.tests: defaultdict[str, float] = defaultdict(float)
        self.parts: list[tuple[str, float]] = []
        self.failures: dict[str, str] = {}
        self.started = time.monotonic()

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        self.tests[report.nodeid] += report.duration
        if report.failed:
            where = report.nodeid if report.when == "call" else f"{report.nodeid} ({report.when})"
            tail = report.longreprtext.splitlines()[-REPORT_LINES:]
            self.failures[where] = "\n".join(tail)

    def pytest_terminal_summary(
        self, terminalreporter: pytest.TerminalReporter, config: pytest.Config
    ) -> None:
        if not self.tests:
            return
        name = "serial" if config.getoption("markexpr", "") == "serial" else "parallel"
        tests, parts = dict(self.tests), [(name, time.monotonic() - self.started)]
        failures = dict(self.failures)
        if self.path is not None:
            tests, parts, failures = self._merged(tests, parts, failures)
        suites: defaultdict[str, float] = defaultdict(float)
        for nodeid, seconds in tests.items():
            suites[suite_of(nodeid)] += seconds
        write = terminalreporter.write_line
        terminalreporter.section("time per suite (test seconds, summed over workers)")
        for suite, seconds in sorted(suites.items(), key=lambda item: -item[1]):
            write(f"{suite:<12} {seconds:8.1f} s")
        write(f"{'(all)':<12} {sum(suites.values()):8.1f} s in {len(tests)} tests")
        write("wall: " + ", ".join(f"{part} {seconds:.0f} s" for part, seconds in parts))
        terminalreporter.section(f"the {SLOWEST} slowest tests (setup, call and teardown)")
        for nodeid, seconds in sorted(tests.items(), key=lambda item: -item[1])[:SLOWEST]:
            write(f"{seconds:8.2f} s  {nodeid}")
        if failures:
            terminalreporter.section(f"failed in this run ({len(failures)}), each report's end")
            for where, tail in failures.items():
                write(f"FAILED {where}", red=True, bold=True)
                for line in tail.splitlines():
                    write(f"    {line}")

    def _merged(
        self, tests: dict[str, float], parts: list[tuple[str, float]], failures: dict[str, str]
    ) -> tuple[dict[str, float], list[tuple[str, float]], dict[str, str]]:
        assert self.path is not None
        kept = json.loads(self.path.read_text()) if self.path.exists() else {}
        tests = {**kept.get("tests", {}), **tests}
        parts = [*(tuple(part) for part in kept.get("parts", [])), *parts]
        failures = {**kept.get("failures", {}), **failures}
        self.path.write_text(json.dumps({"tests": tests, "parts": parts, "failures": failures}))
        return tests, parts, failures


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--times-file",
        type=Path,
        default=None,
        help="add this run's test times to this JSON file and summarise all it holds",
    )


def register(config: pytest.Config) -> None:
    if hasattr(config, "workerinput"):  # an xdist worker: the controller sums its reports
        return
    config.pluginmanager.register(SuiteTimes(config.getoption("times_file")), "suite-times")
