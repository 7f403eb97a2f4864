"""SIGTERM while a command's event loop runs cancels its work, never its closing, and the
process exits as the command's handler before said a stop ends: 0 for ``serve`` and
``worker`` (a stop carried out), 143 for a one-shot command (stopped midway, not done)."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

COMMAND = textwrap.dedent(
    """
    import asyncio, signal, sys
    from pathlib import Path
    from entrypoints.stopping import run_until_stopped

    marks, handler = Path(sys.argv[1]), sys.argv[2]

    def mark(line):
        marks.write_text((marks.read_text() if marks.exists() else "") + line + "\\n")

    lock = asyncio.Lock()

    async def work():
        while True:  # in and out of a lock, as a pool's scheduler is
            async with lock:
                await asyncio.sleep(0)
            if not marks.exists():
                mark("running")
            await asyncio.sleep(0)

    async def close():
        assert not lock.locked(), "the stop left the lock taken"
        mark("closing")
        await asyncio.sleep(0.5)  # closing takes a while: a second SIGTERM comes meanwhile
        mark("closed")

    def carried_out(signum, frame):
        raise SystemExit(0)

    before = carried_out if handler == "own" else signal.SIG_DFL
    signal.signal(signal.SIGTERM, before)
    try:
        run_until_stopped(work, close)
    finally:
        mark(f"restored {signal.getsignal(signal.SIGTERM) is before}")
    """
)


@pytest.mark.parametrize(("handler", "exit_code"), [("own", 0), ("default", 143)])
def test_sigterm_cancels_the_work_the_closing_runs_to_its_end_and_the_stop_exits(
    tmp_path: Path, handler: str, exit_code: int
) -> None:
    marks = tmp_path / "marks"
    process = subprocess.Popen([sys.executable, "-c", COMMAND, str(marks), handler])
    try:
        deadline = time.monotonic() + 30
        while not marks.exists() and time.monotonic() < deadline:
            time.sleep(0.05)  # polling a starting process, not waiting for domain time
        process.send_signal(signal.SIGTERM)
        while "closing" not in marks.read_text() and time.monotonic() < deadline:
            time.sleep(0.01)  # polling the process, not waiting for domain time
        process.send_signal(signal.SIGTERM)  # impatient: it must not cut the closing short
        assert process.wait(timeout=30) == exit_code
    finally:
        if process.poll() is None:
            process.kill()
    assert marks.read_text().splitlines() == ["running", "closing", "closed", "restored True"]
