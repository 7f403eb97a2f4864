"""What a process costs to start: the ``inkslot`` commands an operator and the test suite
start over and over, for the working tree and (``--rev``) a git revision, alternating.

- ``inkslot --help``: the parser alone;
- ``inkslot jobs failed``: an operator command beside ``make run`` (a local-profile server on
  its own data directory, started once and shared by both trees);
- ``inkslot serve --workers N``: seconds from the start to ``/health/ready`` answering 200,
  and the CPU the process tree spent until it stopped again (its embedded PostgreSQL,
  already made, is not counted: it is another process group's).

CPU is user + system time of the command and the children it waited for, in seconds; each
figure is the median of ``--runs``. Prints, never asserts.

    .venv/bin/python bench/startup.py [--rev HEAD~1] [--runs 5] [--workers 1,2]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

from serving import export

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
CLI = [PYTHON, "-m", "entrypoints.cli"]


def env_for(tree: Path, data_dir: Path, **extra: str) -> dict[str, str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith("INKSLOT_")}
    return {
        **base,
        "PYTHONPATH": str(tree / "src"),
        "INKSLOT_DATA_DIR": str(data_dir),
        "INKSLOT_SEED_DEMO_DATA": "false",
        **extra,
    }


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def cpu_of(command: list[str], env: dict[str, str]) -> float:
    before = children_cpu()
    subprocess.run(command, env=env, capture_output=True, check=True, cwd=str(ROOT))
    return children_cpu() - before


def serve_once(env: dict[str, str], workers: int, port: int) -> tuple[float, float]:
    """Seconds to ready, and CPU until stopped."""
    before = children_cpu()
    started = time.monotonic()
    process = subprocess.Popen(
        [*CLI, "serve", "--port", str(port), "--workers", str(workers)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=str(ROOT),
    )
    try:
        while not _ready(f"http://127.0.0.1:{port}/health/ready"):
            if process.poll() is not None or time.monotonic() - started > 120:
                raise RuntimeError("the server did not start")
            time.sleep(0.02)
        ready = time.monotonic() - started
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=60)
    return ready, children_cpu() - before


def _ready(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=1) as response:
            return bool(response.status == 200)
    except OSError:
        return False


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def median_of(runs: int, measure: Callable[[], float]) -> float:
    return statistics.median(measure() for _ in range(runs))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rev", help="a git revision to compare the working tree with")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--workers", default="1,2")
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="inkslot-bench-startup-"))
    trees = {"working tree": ROOT}
    if args.rev:
        trees[args.rev] = export(args.rev, scratch / "rev")
    beside = scratch / "beside"  # make run's data directory, for the operator command
    server = subprocess.Popen(
        [*CLI, "serve", "--port", str(port := _free_port())],
        env=env_for(ROOT, beside),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=str(ROOT),
    )
    try:
        deadline = time.monotonic() + 120
        while not _ready(f"http://127.0.0.1:{port}/health/ready"):
            if time.monotonic() > deadline:
                raise RuntimeError("the server beside did not start")
            time.sleep(0.1)
        results: dict[str, dict[str, float]] = {name: {} for name in trees}
        for name, tree in trees.items():
            results[name]["--help CPU s"] = median_of(
                args.runs, lambda t=tree: cpu_of([*CLI, "--help"], env_for(t, beside))
            )
            results[name]["jobs failed CPU s"] = median_of(
                args.runs, lambda t=tree: cpu_of([*CLI, "jobs", "failed"], env_for(t, beside))
            )
        for workers in (int(w) for w in args.workers.split(",")):
            for name, tree in trees.items():
                own = scratch / f"serve-{name.replace(' ', '-')}-{workers}"
                serve_once(env_for(tree, own), workers, _free_port())  # makes its database
                samples = [
                    serve_once(env_for(tree, own), workers, _free_port()) for _ in range(args.runs)
                ]
                results[name][f"serve --workers {workers}: ready s"] = statistics.median(
                    s[0] for s in samples
                )
                results[name][f"serve --workers {workers}: CPU s"] = statistics.median(
                    s[1] for s in samples
                )
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=60)
        shutil.rmtree(scratch, ignore_errors=True)
    names = list(trees)
    print(f"{'':34}" + "".join(f"{n:>16}" for n in names) + ("   ratio" if len(names) > 1 else ""))
    for figure in results[names[0]]:
        row = [results[n][figure] for n in names]
        ratio = f"   {row[0] / row[1]:.2f}" if len(row) > 1 and row[1] else ""
        print(f"{figure:34}" + "".join(f"{v:16.2f}" for v in row) + ratio)


if __name__ == "__main__":
    main()
