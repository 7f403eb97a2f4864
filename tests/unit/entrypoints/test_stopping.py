"""SIGTERM while a command's event loop runs cancels the command, whose ``finally`` blocks
close what it opened, and the process exits 0."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

COMMAND = textwrap.dedent(
    """
    import asyncio, signal, sys
    from pathlib import Path
    from entrypoints.stopping import run_until_stopped

    marks = Path(sys.argv[1])

    async def command():
        lock = asyncio.Lock()
        try:
            while True:  # in and out of a lock, as a pool's scheduler is
                async with lock:
                    await asyncio.sleep(0)
                if not marks.exists():
                    marks.write_text("running\\n")
                await asyncio.sleep(0)
        finally:
            assert not lock.locked(), "the stop left the lock taken"
            marks.write_text(marks.read_text() + "closing\\n")
            await asyncio.sleep(0.5)  # closing takes a while: a second SIGTERM comes meanwhile
            marks.write_text(marks.read_text() + "closed\\n")

    def before(signum, frame):
        raise SystemExit(3)

    signal.signal(signal.SIGTERM, before)
    try:
        run_until_stopped(command())
    finally:
        restored = signal.getsignal(signal.SIGTERM) is before
        marks.write_text(marks.read_text() + f"restored {restored}\\n")
    """
)


def test_sigterm_cancels_the_command_which_closes_what_it_opened_and_exits_0(
    tmp_path: Path,
) -> None:
    marks = tmp_path / "marks"
    process = subprocess.Popen([sys.executable, "-c", COMMAND, str(marks)], cwd=tmp_path)
    try:
        deadline = time.monotonic() + 30
        while not marks.exists() and time.monotonic() < deadline:
            time.sleep(0.05)  # polling a starting process, not waiting for domain time
        process.send_signal(signal.SIGTERM)
        while "closing" not in marks.read_text() and time.monotonic() < deadline:
            time.sleep(0.01)  # polling the process, not waiting for domain time
        process.send_signal(signal.SIGTERM)  # impatient: it must not cut the closing short
        assert process.wait(timeout=30) == 0
    finally:
        if process.poll() is None:
            process.kill()
    assert marks.read_text().splitlines() == ["running", "closing", "closed", "restored True"]
