"""Benchmark: what one webhook delivery costs the sender, over plain HTTP and over TLS.

Outside the local profile a delivery goes to the address the SSRF guard checked, with the
host's name as its TLS server name (docs/events.md, "Webhooks"). This bench runs a receiver
in a process of its own (HTTP/1.1, keep-alive, 204 answers; over TLS a self-signed
certificate for a host name the sender is told to trust), then sends deliveries through
``HttpWebhookSender`` the way the guard sends them, eight at a time as a webhook round does,
and prints the sender process's CPU per delivery and the deliveries per second for:

1. plain HTTP, connections kept (the cheapest: the reference);
2. TLS, pinned to the address with the host's name, connections kept (the sender as it is);
3. TLS, the same, with a new connection for every delivery (``connection: close``): what
   each delivery to an ``https`` receiver cost before the sender kept a pool per host.

Ratios are to the first line, measured in the same run. Prints; never asserts.

    .venv/bin/python bench/webhook_tls.py [--deliveries 2000] [--concurrency 8]
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import ssl
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from tests.support.tls_receivers import certificate  # noqa: E402

from adapters.webhooks.http import HttpWebhookSender  # noqa: E402

HOST = "hooks.example.com"


def _serve(port_out: multiprocessing.Queue, cert: str | None, key: str | None) -> None:  # type: ignore[type-arg]
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("content-length", "0")))
            self.send_response(204)
            self.send_header("content-length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: object) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    if cert and key:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert, key)
        server.socket = context.wrap_socket(server.socket, server_side=True)
    port_out.put(server.server_port)
    server.serve_forever()


async def _measure(
    deliveries: int, concurrency: int, send: Callable[[], Awaitable[int]]
) -> tuple[float, float]:
    """(sender CPU ms per delivery, deliveries per second)."""
    for _ in range(concurrency):  # warm: the first connections
        await send()
    queue = iter(range(deliveries))

    async def lane() -> None:
        for _ in queue:
            status = await send()
            assert status == 204, status

    cpu, wall = time.process_time(), time.perf_counter()
    await asyncio.gather(*(lane() for _ in range(concurrency)))
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    return 1000 * cpu / deliveries, deliveries / wall


async def _run(args: argparse.Namespace, plain: int, tls: int, trusting: ssl.SSLContext) -> None:
    sender = HttpWebhookSender(allow_private_targets=False, verify=trusting)
    body = b'{"type":"booking.confirmed","data":{}}'

    def pinned(extra: dict[str, str]) -> Callable[[], Awaitable[int]]:
        url = httpx.URL(f"https://127.0.0.1:{tls}/hooks")
        ext = {"sni_hostname": HOST}
        return lambda: sender._post(url, body, {"host": HOST, **extra}, ext)

    plain_url = httpx.URL(f"http://127.0.0.1:{plain}/hooks")
    cases = [
        ("plain HTTP, kept", lambda: sender._post(plain_url, body, {"host": HOST}, {})),
        ("TLS pinned to the address, kept", pinned({})),
        ("TLS pinned, a connection per delivery", pinned({"connection": "close"})),
    ]
    try:
        results = [
            (name, *await _measure(args.deliveries, args.concurrency, send)) for name, send in cases
        ]
    finally:
        await sender.close()
    base_cpu, base_rate = results[0][1], results[0][2]
    print(f"{args.deliveries} deliveries, {args.concurrency} at a time, the receiver apart")
    for name, cpu, rate in results:
        print(
            f"  {name:<40} sender CPU {cpu:6.3f} ms ({cpu / base_cpu:4.2f}x)   "
            f"{rate:7.1f} /s ({rate / base_rate:4.2f}x)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--deliveries", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=8)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        cert, key = certificate(Path(tmp), HOST)
        trusting = ssl.create_default_context(cafile=str(cert))
        ports: multiprocessing.Queue = multiprocessing.Queue()  # type: ignore[type-arg]
        servers = [
            multiprocessing.Process(target=_serve, args=(ports, c, k), daemon=True)
            for c, k in ((None, None), (str(cert), str(key)))
        ]
        try:
            servers[0].start()
            plain = ports.get(timeout=10)
            servers[1].start()
            tls = ports.get(timeout=10)
            asyncio.run(_run(args, plain, tls, trusting))
        finally:
            for server in servers:
                server.terminate()


if __name__ == "__main__":
    main()
