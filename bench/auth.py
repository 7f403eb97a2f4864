"""Benchmark: GET /api/v1/me (JWT check + one query) and POST /api/v1/auth/login.

By default it starts its own server exactly as `make run` does (`inkslot serve`, local
profile, one process, embedded PostgreSQL in a temporary directory) and measures it with a
closed-loop client. Point it at a running server instead with --url.

    .venv/bin/python bench/auth.py [--seconds 10] [--workers 1] [--url http://127.0.0.1:8000]

Prints requests/s, p50 and p99 per scenario, and the argon2 parameters in force. Login is
bounded by argon2 by design (each login is one deliberate ~50-100 ms hash). Last, the
enumeration probe: failed logins for a registered and an unregistered email, alternating on
one connection, with each kind's median and spread: the medians must not differ by more than
the noise. (On its own server the probe lifts the lockout, which would otherwise answer both
kinds with an equally quick 423 after five failures.)
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))

from loadgen import build_request, run_load
from serving import stop_server, wait_until_ready

PASSWORD = "violet-needle-harbour"


def _post(base: str, path: str, body: dict[str, str]) -> dict[str, object]:
    request = urllib.request.Request(
        base + path, data=json.dumps(body).encode(), headers={"content-type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _start_server(
    data_dir: str, port: int, rate_limit: int, workers: int
) -> subprocess.Popen[bytes]:
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("INKSLOT_")},
        "INKSLOT_DATA_DIR": data_dir,
        "INKSLOT_PORT": str(port),
        "INKSLOT_SEED_DEMO_DATA": "false",
        # The benchmark's single client address would otherwise be throttled within seconds.
        "INKSLOT_AUTH_RATE_LIMIT_PER_MINUTE": str(rate_limit),
        "INKSLOT_SIGN_UP_RATE_LIMIT_PER_HOUR": str(rate_limit),
        "INKSLOT_LOGIN_MAX_FAILURES": "1000000000",  # the probe times failures, not the lock
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "entrypoints.cli", "serve", "--workers", str(workers)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=open(Path(data_dir) / "server.log", "wb"),  # noqa: SIM115 - lives with the process
    )
    wait_until_ready(process, port)
    return process


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", help="a running server (default: start one)")
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--me-concurrency", type=int, nargs="+", default=[16, 64])
    parser.add_argument("--login-concurrency", type=int, default=4)
    parser.add_argument("--probe-pairs", type=int, default=150)
    parser.add_argument(
        "--workers", type=int, default=1, help="API processes (1 is what `make run` starts)"
    )
    args = parser.parse_args()

    server = None
    tmp = tempfile.mkdtemp(prefix="inkslot-bench-")
    base = args.url
    if base is None:
        port = _free_port()
        server = _start_server(tmp, port, rate_limit=10_000_000, workers=args.workers)
        base = f"http://127.0.0.1:{port}"
    host, port = urlsplit(base).hostname or "127.0.0.1", urlsplit(base).port or 80
    try:
        email = f"bench-{os.getpid()}-{int(time.time())}@example.com"
        session = _post(
            base,
            "/api/v1/auth/register",
            {"email": email, "password": PASSWORD, "name": "Load Tester", "role": "customer"},
        )
        token = session["tokens"]["accessToken"]  # type: ignore[index]
        me = build_request("GET", "/api/v1/me", host, {"Authorization": f"Bearer {token}"})
        login_body = json.dumps({"email": email, "password": PASSWORD}).encode()
        login = build_request(
            "POST", "/api/v1/auth/login", host, {"Content-Type": "application/json"}, login_body
        )

        print(f"server: {base}  (API processes: {args.workers}; all share 2 cores)")
        print(_argon2_line())
        for concurrency in args.me_concurrency:
            result = run_load(
                "GET /api/v1/me",
                host,
                port,
                lambda _: me,
                concurrency=concurrency,
                duration=args.seconds,
            )
            print(result.line())
        result = run_load(
            "POST /api/v1/auth/login",
            host,
            port,
            lambda _: login,
            concurrency=args.login_concurrency,
            duration=args.seconds,
        )
        print(result.line())
        print(_enumeration_probe(host, port, email, args.probe_pairs))
    finally:
        if server is not None:
            stop_server(server)


def _enumeration_probe(host: str, port: int, known: str, pairs: int) -> str:
    """Alternate a wrong password for ``known`` with an unregistered email, ``pairs`` times
    each, on one keep-alive connection; compare the two latency distributions."""
    connection = http.client.HTTPConnection(host, port, timeout=30)
    timings: dict[str, list[float]] = {"known": [], "unknown": []}
    statuses: dict[str, Counter[int]] = {"known": Counter(), "unknown": Counter()}
    emails = {"known": known, "unknown": f"nobody-{os.getpid()}@example.com"}
    for n in range(2 * pairs + 10):
        kind = "known" if n % 2 == 0 else "unknown"
        body = json.dumps({"email": emails[kind], "password": "not-the-password"})
        started = time.perf_counter()
        connection.request("POST", "/api/v1/auth/login", body, {"content-type": "application/json"})
        response = connection.getresponse()
        response.read()
        if n >= 10:  # the first few warm both paths up
            timings[kind].append((time.perf_counter() - started) * 1000)
            statuses[kind][response.status] += 1
    connection.close()
    lines = [f"enumeration probe: {pairs} failed logins of each kind, alternating"]
    for kind, values in timings.items():
        q1, median, q3 = statistics.quantiles(values, n=4)
        codes = ", ".join(f"{k}: {v}" for k, v in sorted(statuses[kind].items()))
        lines.append(
            f"  {kind + ' email':<14} median {median:7.2f} ms   IQR {q1:6.2f}-{q3:6.2f} ms   "
            f"[{codes}]"
        )
    gap = statistics.median(timings["known"]) - statistics.median(timings["unknown"])
    noise = max(_iqr(values) for values in timings.values())
    lines.append(f"  median gap {gap:+.2f} ms against a spread (IQR) of {noise:.2f} ms")
    return "\n".join(lines)


def _iqr(values: list[float]) -> float:
    q1, _, q3 = statistics.quantiles(values, n=4)
    return q3 - q1


def _argon2_line() -> str:
    from entrypoints.settings import load_settings

    s = load_settings()
    return (
        f"argon2id: time_cost={s.argon2_time_cost} memory={s.argon2_memory_kib} KiB "
        f"parallelism={s.argon2_parallelism} (server defaults unless INKSLOT_ARGON2_* set)"
    )


if __name__ == "__main__":
    main()
