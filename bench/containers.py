"""What the image costs: its size, an empty-cache build, and ``docker run`` to
``/health/ready`` answering 200 on an empty and on a migrated database (docs/containers.md,
"Size and cold start").

- build: the build cache emptied (``docker builder prune``: the layers and uv's cache
  mount; the base image is kept), then ``deploy/docker/build.sh BASE TAG``, timed;
- size: the image's, its largest layer (the virtualenv) and the largest packages in it;
- cold start: a PostgreSQL container (``--postgres-image``, the local stand-in by default)
  on a network of its own; each run starts a new API container with ``docker run -d`` and
  times it until ``/health/ready`` answers 200 on its published port. Empty: a new database
  each run (every migration, then the demo seed of the local profile); migrated: the
  database the last empty run left, so only the start itself.

Every figure is printed with the 1-minute load average read just before it (``/proc/loadavg``):
on a shared machine the figures mean little without it. Needs a Docker daemon and the images
(``deploy/docker/local-images.sh`` makes the local ones). Prints, never asserts; removes the
containers and the network it made.

    .venv/bin/python bench/containers.py [--runs 3] [--no-build] [--image local/inkslot:bench]
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAME = "inkslot-bench"  # the network, the database container, the API containers' prefix
PASSWORD = "bench-only"
READY_WITHIN = 300.0


@dataclass(frozen=True)
class Figure:
    seconds: float
    load: float  # the 1-minute load average just before


def docker(*args: str, timeout: float = 600, check: bool = True) -> str:
    done = subprocess.run(
        ["docker", *args], capture_output=True, text=True, timeout=timeout, cwd=ROOT
    )
    if check and done.returncode != 0:
        raise RuntimeError(f"docker {' '.join(args)}: {done.stderr.strip()[-2000:]}")
    return done.stdout.strip()


def load() -> float:
    return float(Path("/proc/loadavg").read_text().split()[0])


def timed(action: Callable[[], object]) -> Figure:
    before = load()
    started = time.monotonic()
    action()
    return Figure(time.monotonic() - started, before)


def build(base: str, image: str) -> Figure:
    docker("builder", "prune", "--all", "--force")
    command = [str(ROOT / "deploy/docker/build.sh"), base, image]

    def run() -> None:
        subprocess.run(command, cwd=ROOT, capture_output=True, check=True, timeout=3600)

    return timed(run)


def sizes(image: str) -> tuple[float, float, list[str]]:
    """MB of the image and of its largest layer, and its largest packages (MB, name)."""
    total = int(docker("image", "inspect", "--format", "{{.Size}}", image))
    layers = docker("history", "--no-trunc", "--human=false", "--format", "{{.Size}}", image)
    largest = max(int(size) for size in layers.split())
    packages = docker(
        "run", "--rm", "--entrypoint", "sh", image, "-c",
        "du -sm /opt/inkslot/venv/lib/python3*/site-packages/* | sort -rn | head -6",
    )  # fmt: skip
    named = [f"{line.split()[0]} {Path(line.split()[1]).name}" for line in packages.splitlines()]
    return total / 1e6, largest / 1e6, named


@contextmanager
def database(postgres_image: str) -> Iterator[None]:
    """A PostgreSQL container on a network of its own, removed afterwards."""
    docker("network", "create", NAME)
    try:
        docker(
            "run", "-d", "--name", f"{NAME}-pg", "--network", NAME,
            "-e", "POSTGRES_USER=inkslot", "-e", f"POSTGRES_PASSWORD={PASSWORD}",
            postgres_image,
        )  # fmt: skip
        deadline = time.monotonic() + 120
        # On TCP: while the first start creates the database, the server listens on its
        # socket alone.
        probe = ["docker", "exec", f"{NAME}-pg", "pg_isready", "-q", "-h", "127.0.0.1"]
        while subprocess.run(probe, capture_output=True).returncode != 0:
            if time.monotonic() > deadline:
                raise RuntimeError("PostgreSQL did not start")
            time.sleep(0.5)
        yield
    finally:
        docker("rm", "--force", f"{NAME}-pg", check=False)
        docker("network", "rm", NAME, check=False)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def ready(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as answer:
            return bool(answer.status == 200)
    except (urllib.error.URLError, OSError):
        return False


def cold_start(image: str, db: str) -> Figure:
    """``docker run`` of the API on database ``db`` until /health/ready answers 200."""
    port = free_port()
    container = f"{NAME}-api"
    url = f"postgresql://inkslot:{PASSWORD}@{NAME}-pg:5432/{db}"

    def start() -> None:
        docker(
            "run", "-d", "--name", container, "--network", NAME,
            "-p", f"127.0.0.1:{port}:8000", "-e", f"INKSLOT_DATABASE_URL={url}", image,
        )  # fmt: skip
        deadline = time.monotonic() + READY_WITHIN
        while not ready(f"http://127.0.0.1:{port}/health/ready"):
            if time.monotonic() > deadline:
                logs = docker("logs", "--tail", "30", container, check=False)
                raise RuntimeError(f"not ready within {READY_WITHIN:.0f} s:\n{logs}")
            time.sleep(0.05)

    try:
        return timed(start)
    finally:
        docker("rm", "--force", container, check=False)


def cold_starts(image: str, postgres_image: str, runs: int) -> tuple[list[Figure], list[Figure]]:
    empty, migrated = [], []
    with database(postgres_image):
        for run in range(runs):
            db = f"bench_{run}"
            docker("exec", f"{NAME}-pg", "createdb", "-U", "inkslot", db)
            empty.append(cold_start(image, db))
            print(f"  empty database {run + 1}: {show([empty[-1]])}", flush=True)
        for run in range(runs):
            migrated.append(cold_start(image, f"bench_{runs - 1}"))
            print(f"  migrated database {run + 1}: {show([migrated[-1]])}", flush=True)
    return empty, migrated


def show(figures: list[Figure]) -> str:
    seconds = sorted(f.seconds for f in figures)
    loads = sorted(f.load for f in figures)
    span = (
        f"{seconds[0]:.1f} s" if len(seconds) == 1 else f"{seconds[0]:.1f} to {seconds[-1]:.1f} s"
    )
    return f"{span} (load {loads[0]:.1f} to {loads[-1]:.1f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", default="local/python:3.11-slim")
    parser.add_argument("--image", default="local/inkslot:bench")
    parser.add_argument("--postgres-image", default="local/postgres:15-bookworm")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-build", action="store_true", help="measure an existing --image")
    args = parser.parse_args()
    print(f"{len(os.sched_getaffinity(0))} cores; load average {load():.1f}", flush=True)
    if not args.no_build:
        print(f"build, empty cache: {show([build(args.base, args.image)])}", flush=True)
    total, layer, packages = sizes(args.image)
    print(f"image: {total:.0f} MB; largest layer {layer:.0f} MB; largest packages (MB):")
    print("  " + ", ".join(packages))
    empty, migrated = cold_starts(args.image, args.postgres_image, args.runs)
    print(f"docker run to /health/ready, empty database: {show(empty)}")
    print(f"docker run to /health/ready, migrated database: {show(migrated)}")
    print(json.dumps({"loadavg_now": Path("/proc/loadavg").read_text().split()[:3]}))


if __name__ == "__main__":
    main()
