"""Every documented walk runs word for word (tests/support/walks.py): the shell blocks of
README.md and docs/*.md marked ``<!-- walk: NAME STEP -->``, put together by walk in step
order and run with bash (``-euo pipefail``, so a failing ``curl -f`` or a lookup that finds
nothing fails the walk) against a real ``inkslot serve`` of the local profile with its demo
data, in a fresh data directory, as ``make run`` serves a fresh clone. The walks run at once,
each against a server of its own, from the session's first test on; each test reports its
own walk (they come last in the session)."""

from __future__ import annotations

import re
import shutil

import pytest

from tests.support.walk_scripts import WALKS
from tests.support.walks import Walks

pytestmark = pytest.mark.serial


def test_the_walks_are_found_and_numbered_once() -> None:
    assert {"readme", "deposit-mail", "dispute"} <= WALKS.keys()
    for name in WALKS:
        numbers = [int(n) for n in re.findall(rf"^# --- .*, {name} step (\d+)$", WALKS[name], re.M)]
        assert numbers == list(range(1, len(numbers) + 1)), (name, numbers)


@pytest.mark.skipif(shutil.which("curl") is None, reason="the walks use curl")
@pytest.mark.parametrize("name", sorted(WALKS))
def test_the_documented_walk_runs(name: str, documented_walks: Walks) -> None:
    run = documented_walks.runs[name].result()
    assert run.passwords_shown, f"no demo passwords in the log:\n{run.output}"
    assert run.returncode == 0, run.output
