"""moto's S3 server behind a SigV4 presigned-URL verifier (as R2 and S3 check them).

moto accepts any signature, so on its own it cannot show that a bad upload is refused.
``StrictPresignMiddleware`` checks every presigned request with botocore's own
``S3SigV4QueryAuth`` before moto sees it, as R2 and S3 do: parameters, access key, every
signed header present and no unsigned ``x-amz-*`` header, the signature, then the expiry
against an injectable clock. SDK calls (an ``Authorization`` header) pass through.
"""

from __future__ import annotations

import hmac
import threading
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qsl, quote

from botocore.auth import S3SigV4QueryAuth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials
from moto.moto_server.werkzeug_app import (
    DomainDispatcherApplication,
    MotoRequestHandler,
    create_backend_app,
)
from werkzeug.serving import BaseWSGIServer, make_server

WsgiApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]
_REQUIRED = (
    "X-Amz-Algorithm",
    "X-Amz-Credential",
    "X-Amz-Date",
    "X-Amz-Expires",
    "X-Amz-SignedHeaders",
)


class StrictPresignMiddleware:
    def __init__(
        self, app: WsgiApp, secrets: Mapping[str, str], clock: Callable[[], float]
    ) -> None:
        self.app, self.secrets, self.clock = app, dict(secrets), clock

    def __call__(
        self, environ: dict[str, Any], start_response: Callable[..., Any]
    ) -> Iterable[bytes]:
        query = dict(parse_qsl(environ.get("QUERY_STRING", ""), keep_blank_values=True))
        if "X-Amz-Signature" not in query or "HTTP_AUTHORIZATION" in environ:
            return self.app(environ, start_response)
        refusal = self._refusal(environ, query)
        if refusal is None:
            return self.app(environ, start_response)
        status, code = refusal
        body = (
            f'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>{code}</Code></Error>'.encode()
        )
        start_response(
            status, [("Content-Type", "application/xml"), ("Content-Length", str(len(body)))]
        )
        return [body]

    def _refusal(self, environ: dict[str, Any], query: dict[str, str]) -> tuple[str, str] | None:
        if any(name not in query for name in _REQUIRED):
            return "400 Bad Request", "AuthorizationQueryParametersError"
        try:
            expires = int(query["X-Amz-Expires"])
            access_key, _date, region, service, _ = query["X-Amz-Credential"].split("/")
        except ValueError:
            return "400 Bad Request", "AuthorizationQueryParametersError"
        if not 1 <= expires <= 604800:
            return "400 Bad Request", "AuthorizationQueryParametersError"
        secret = self.secrets.get(access_key)
        if secret is None:
            return "403 Forbidden", "InvalidAccessKeyId"
        headers = _headers(environ)
        signed = query["X-Amz-SignedHeaders"].split(";")
        if any(name not in headers for name in signed):
            return "403 Forbidden", "SignatureDoesNotMatch"
        if any(name.startswith("x-amz-") and name not in signed for name in headers):
            return "403 Forbidden", "AccessDenied"
        rest = "&".join(
            f"{quote(k, safe='-_.~')}={quote(v, safe='-_.~')}"
            for k, v in query.items()
            if k != "X-Amz-Signature"
        )
        path = environ.get("RAW_URI", environ.get("PATH_INFO", "/")).split("?")[0]
        request = AWSRequest(
            method=environ["REQUEST_METHOD"],
            url=f"http://{headers['host']}{path}?{rest}",
            headers={name: headers[name] for name in signed},
        )
        request.context["timestamp"] = query["X-Amz-Date"]
        auth = S3SigV4QueryAuth(Credentials(access_key, secret), service, region, expires=expires)
        expected = auth.signature(
            auth.string_to_sign(request, auth.canonical_request(request)), request
        )
        if not hmac.compare_digest(expected, query["X-Amz-Signature"]):
            return "403 Forbidden", "SignatureDoesNotMatch"
        signed_at = datetime.strptime(query["X-Amz-Date"], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
        if self.clock() > signed_at.timestamp() + expires:
            return "403 Forbidden", "AccessDenied"  # "Request has expired"
        return None


def _headers(environ: Mapping[str, Any]) -> dict[str, str]:
    found = {
        k[5:].replace("_", "-").lower(): str(v) for k, v in environ.items() if k.startswith("HTTP_")
    }
    if environ.get("CONTENT_TYPE"):
        found["content-type"] = environ["CONTENT_TYPE"]
    if environ.get("CONTENT_LENGTH"):
        found["content-length"] = environ["CONTENT_LENGTH"]
    return found


class StrictMotoServer:
    """moto's S3 on 127.0.0.1 at a free port, behind the verifier, in a thread."""

    def __init__(self, secrets: Mapping[str, str], clock: Callable[[], float]) -> None:
        self._app = StrictPresignMiddleware(
            DomainDispatcherApplication(create_backend_app), secrets, clock
        )
        self._server: BaseWSGIServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def endpoint_url(self) -> str:
        assert self._server is not None
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def start(self) -> None:
        self._server = make_server(
            "127.0.0.1", 0, self._app, True, request_handler=MotoRequestHandler
        )
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
        if self._thread is not None:
            self._thread.join()
