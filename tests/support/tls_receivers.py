"""A webhook receiver over real TLS on 127.0.0.1: certificates made for host names, the
name each connection's client asked for (SNI), and the connection each request came on."""

from __future__ import annotations

import datetime as dt
import ssl
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import cast

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from tests.support.http_servers import QuietHandler


def certificate(folder: Path, name: str, *more: str) -> tuple[Path, Path]:
    """A self-signed certificate for ``name`` (and ``more`` names) and its key, as files in
    ``folder`` named after the first name."""
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.SubjectAlternativeName([x509.DNSName(n) for n in (name, *more)]), critical=False
        )
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = folder / f"{name}.pem", folder / f"{name}.key"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_file, key_file


@dataclass
class TlsReceiver:
    """Where it listens, a client context trusting its certificates, and per request the
    client's port (one per connection) and the server name that connection asked for."""

    url: str
    trusting: ssl.SSLContext
    requests: list[tuple[int, str | None]] = field(default_factory=list)


@contextmanager
def tls_receiver(names: tuple[str, ...]) -> Iterator[TlsReceiver]:
    """A receiver answering 204 over TLS, keeping connections alive, with a certificate for
    each of ``names``: the one a connection asks for by name, else the first."""
    with tempfile.TemporaryDirectory() as tmp:
        files = {name: certificate(Path(tmp), name) for name in names}
        contexts = {}
        for name, (cert, key) in files.items():
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(cert, key)
            contexts[name] = context
        trusting = ssl.create_default_context()
        for cert, _ in files.values():
            trusting.load_verify_locations(cert)
        asked: dict[int, str | None] = {}

        def choose(sock: ssl.SSLObject, name: str, _: ssl.SSLContext) -> None:
            # a server socket's callback gets the socket itself (typeshed says SSLObject)
            asked[cast(ssl.SSLSocket, sock).getpeername()[1]] = name
            if name in contexts:
                sock.context = contexts[name]

        server_context = contexts[names[0]]
        server_context.sni_callback = choose
        found = TlsReceiver("", trusting)

        class Handler(QuietHandler):
            protocol_version = "HTTP/1.1"  # keep-alive, as real receivers answer

            def do_POST(self) -> None:  # noqa: N802 - the name http.server calls
                self.rfile.read(int(self.headers.get("content-length", "0")))
                port = self.client_address[1]
                found.requests.append((port, asked.get(port)))
                self.send_response(204)
                self.send_header("content-length", "0")
                self.end_headers()

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        # The handshake runs in accept(); one that fails (the client refused the
        # certificate) is an OSError there, which the server drops.
        server.socket = server_context.wrap_socket(server.socket, server_side=True)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        found.url = f"https://127.0.0.1:{server.server_port}/hooks"
        try:
            yield found
        finally:
            server.shutdown()
            server.server_close()
