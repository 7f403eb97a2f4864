"""The request class: how a JSON body is read.

- A body is JSON only when the client says so (``application/json`` or a ``+json`` type):
  anything else is 415 ``unsupported_media_type``, never guessed at. A handler whose body is
  optional (``data: JSONBody[X | None] = None``) takes a request with no body at all, and
  reads it as none.
- A body that cannot be decoded is malformed (400), whatever the reason. Litestar turns
  msgspec's ``DecodeError`` into a 400, but a body nested deeper than the decoder's recursion
  limit raises ``RecursionError`` and a string that is not UTF-8 ``UnicodeDecodeError``,
  both of which would otherwise end as a 500.
- A body is checked against its handler's request type strictly: ``"5"`` is not a number,
  ``"true"`` not a boolean (422 naming the field). Litestar's own conversion is lenient, as it
  must be for query strings, where every value arrives as text.
"""

from __future__ import annotations

from typing import Any

import msgspec
from litestar import Request
from litestar.exceptions import HTTPException, SerializationException, ValidationException
from litestar.status_codes import HTTP_415_UNSUPPORTED_MEDIA_TYPE


class ApiRequest(Request[Any, Any, Any]):
    async def json(self) -> Any:
        body = self.route_handler.parsed_fn_signature.parameters.get("data")
        if body is not None and body.is_optional and not await self.body():
            return None  # an optional body left out
        _require_json(self.content_type[0])
        try:
            value = await super().json()
        except (RecursionError, UnicodeDecodeError) as exc:
            raise SerializationException(
                "The body must be UTF-8 JSON nested at most a few hundred levels deep."
            ) from exc
        if body is not None and value is not None:
            _check_strictly(value, body.annotation)
        return value


def _require_json(media_type: str) -> None:
    if media_type != "application/json" and not media_type.endswith("+json"):
        raise HTTPException(
            status_code=HTTP_415_UNSUPPORTED_MEDIA_TYPE,
            detail="Send the body as application/json.",
        )


def _check_strictly(value: Any, annotation: Any) -> None:
    try:
        msgspec.convert(value, annotation, strict=True)
    except msgspec.ValidationError as exc:
        raise ValidationException(
            extra=[{"key": "data", "message": str(exc), "source": "body"}]
        ) from exc
