"""One TLS context for every outgoing HTTPS client of the process.

Loading the CA bundle into a context costs about 30 ms of CPU, and httpx does it for each
client it makes unless it is handed a context: the process makes several as it starts
(webhooks, payments, texts, Telegram), and the calendar fetcher one for every feed it reads.
The context only verifies servers (certifi's roots, or ``SSL_CERT_FILE``/``SSL_CERT_DIR`` as
httpx reads them); it keeps no state that one client could pass to another.
"""

from __future__ import annotations

import functools
import ssl

import httpx


@functools.cache
def verifying_context() -> ssl.SSLContext:
    return httpx.create_ssl_context()
