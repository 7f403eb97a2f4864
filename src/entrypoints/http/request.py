"""The request class: JSON bodies that cannot be decoded are malformed (400), whatever the
reason.

Litestar turns msgspec's ``DecodeError`` into a 400, but a body nested deeper than the
decoder's recursion limit raises ``RecursionError`` and a string that is not UTF-8 raises
``UnicodeDecodeError``, both of which would otherwise end as a 500.
"""

from __future__ import annotations

from typing import Any

from litestar import Request
from litestar.exceptions import SerializationException


class ApiRequest(Request[Any, Any, Any]):
    async def json(self) -> Any:
        try:
            return await super().json()
        except (RecursionError, UnicodeDecodeError) as exc:
            raise SerializationException(
                "The body must be UTF-8 JSON nested at most a few hundred levels deep."
            ) from exc
