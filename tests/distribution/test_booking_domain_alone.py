"""booking-domain proven from outside (docs/domain.md, "Installing it on its own"): both
wheels are built from this tree; booking-domain's is installed into a fresh virtual
environment with no index to fetch from, where it must be the one package added, require
nothing, and run its README's example and a consumer's suite (unittest, from the standard
library); then its `testing` extra adds Hypothesis and the README's property test runs too.
inkslot's wheel requires booking-domain at exactly its version and holds none of it."""

from __future__ import annotations

import email.parser
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import booking_domain
from tests.distribution import readme

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "src" / "booking_domain" / "README.md"
CONSUMER_SUITE = Path(__file__).parent / "consumer"
VERSION = booking_domain.__version__


def _uv() -> str:
    found = shutil.which("uv") or str(ROOT / ".tools" / "bin" / "uv")
    if not Path(found).exists():
        pytest.skip("no uv on this machine (make install-dev bootstraps it into .tools/)")
    return found


def _run(*command: str | Path, cwd: Path | None = None) -> str:
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL"))}
    done = subprocess.run(
        [str(part) for part in command], cwd=cwd, env=environment,
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, f"{command}\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def wheels(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("dist")
    for package in ("booking-domain", "inkslot"):
        _run(_uv(), "build", "--wheel", "--package", package, "--out-dir", out, cwd=ROOT)
    found = {wheel.name.split("-")[0]: wheel for wheel in out.glob("*.whl")}
    assert set(found) == {"booking_domain", "inkslot"}
    return found


@pytest.fixture(scope="module")
def alone(wheels: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment's python with booking-domain's wheel alone installed."""
    home = tmp_path_factory.mktemp("consumer")
    _run(sys.executable, "-m", "venv", home / "venv")
    python = home / "venv" / "bin" / "python"
    before = _packages(python)
    _run(python, "-m", "pip", "install", "--no-index", "--quiet", wheels["booking_domain"])
    added = _packages(python) - before
    assert added == {("booking-domain", VERSION)}
    return python


def _packages(python: Path) -> set[tuple[str, str]]:
    listed = json.loads(_run(python, "-m", "pip", "list", "--format", "json"))
    return {(package["name"], package["version"]) for package in listed}


def test_pip_show_lists_no_requirement(alone: Path) -> None:
    shown = _run(alone, "-m", "pip", "show", "booking-domain")
    assert "\nRequires: \n" in shown or shown.rstrip().endswith("Requires:")


def test_the_library_is_imported_from_the_environment_not_this_tree(alone: Path) -> None:
    where = _run(alone, "-I", "-c", "import booking_domain; print(booking_domain.__file__)")
    assert Path(where.strip()).is_relative_to(alone.parent.parent)


def test_the_readme_example_runs_with_the_library_alone(alone: Path, tmp_path: Path) -> None:
    blocks = [block for block in readme.python_blocks(README) if "hypothesis" not in block]
    assert len(blocks) >= 2  # free slots across a DST change; a booking's state machine
    example = tmp_path / "example.py"
    example.write_text(readme.script_of(blocks), encoding="utf-8")
    printed = readme.outputs_of(_run(alone, "-I", example, cwd=tmp_path))
    assert printed == [readme.expected_output(block) for block in blocks]


def test_a_consumers_suite_passes_with_the_library_alone(alone: Path, tmp_path: Path) -> None:
    suite = tmp_path / "suite"
    shutil.copytree(CONSUMER_SUITE, suite, ignore=shutil.ignore_patterns("__pycache__"))
    ran = _run_unittest(alone, suite)
    assert "skipped=1" in ran  # the state machine's part, which needs the testing extra


def test_the_testing_extra_adds_hypothesis_and_the_property_test_runs(
    alone: Path, wheels: dict[str, Path], tmp_path: Path
) -> None:
    wheel = wheels["booking_domain"]
    _run(_uv(), "pip", "install", "--quiet", "--python", alone,
         f"booking-domain[testing] @ {wheel.as_uri()}")  # fmt: skip
    assert {name for name, _ in _packages(alone)} >= {"booking-domain", "hypothesis"}
    blocks = readme.python_blocks(README)
    example = tmp_path / "example.py"
    example.write_text(readme.script_of(blocks), encoding="utf-8")
    printed = readme.outputs_of(_run(alone, "-I", example, cwd=tmp_path))
    assert printed == [readme.expected_output(block) for block in blocks]
    suite = tmp_path / "suite"  # the consumer's suite again: its state machine part runs now
    shutil.copytree(CONSUMER_SUITE, suite, ignore=shutil.ignore_patterns("__pycache__"))
    ran = _run_unittest(alone, suite)
    assert "skipped" not in ran


def _run_unittest(python: Path, suite: Path) -> str:
    """The suite's unittest run (its summary is on stderr, which ``_run`` does not return)."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL"))}
    done = subprocess.run(
        [str(python), "-I", "-m", "unittest", "discover", "-s", str(suite), "-p", "check_*.py"],
        cwd=suite, env=environment, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return done.stderr


def test_inkslot_requires_the_library_at_its_version_and_holds_none_of_it(
    wheels: dict[str, Path],
) -> None:
    with zipfile.ZipFile(wheels["inkslot"]) as wheel:
        names = wheel.namelist()
        (metadata_name,) = [name for name in names if name.endswith(".dist-info/METADATA")]
        metadata = email.parser.Parser().parsestr(wheel.read(metadata_name).decode())
    assert not [name for name in names if name.startswith("booking_domain/")]
    assert f"booking-domain=={VERSION}" in metadata.get_all("Requires-Dist", [])


def test_the_librarys_wheel_holds_the_package_alone(wheels: dict[str, Path]) -> None:
    with zipfile.ZipFile(wheels["booking_domain"]) as wheel:
        tops = {name.split("/")[0] for name in wheel.namelist()}
        listed = wheel.read("booking_domain/public_api.txt").decode()
    assert tops == {"booking_domain", f"booking_domain-{VERSION}.dist-info"}
    assert listed == (ROOT / "src" / "booking_domain" / "public_api.txt").read_text()
