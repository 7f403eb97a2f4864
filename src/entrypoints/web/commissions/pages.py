"""``GET /requests/{id}``: a tattoo request's page, the link in its notifications.

The same kind of shell as a booking's page (``entrypoints.web.bookings``): its script signs
in and reads the request and its thread from the API, which shows them to the request's two
parties (and admins) only. Never kept (``no-store``).
"""

from __future__ import annotations

from typing import Any, Final
from uuid import UUID

from litestar import Request, get
from litestar.enums import MediaType
from litestar.params import FromPath
from litestar.response import Template

from entrypoints.web.commissions.console import CONSOLE_PAGES
from entrypoints.web.commissions.texts import REQUEST_TEXTS
from entrypoints.web.shared.render import Lang, missing_page, shell_page


@get("/requests/{request_id:str}", include_in_schema=False, media_type=MediaType.HTML)
async def request_page(
    request_id: FromPath[str], request: Request[Any, Any, Any], lang: Lang = None
) -> Template:
    """A tattoo request's page (its notifications' link); an address that cannot name a
    request is the "not found" page."""
    try:
        parsed = UUID(request_id)
    except ValueError:
        return missing_page(request, lang)
    return shell_page(
        "request.html.j2", request, lang, REQUEST_TEXTS, fields={"requestId": str(parsed)}
    )


PAGES: Final = (request_page, *CONSOLE_PAGES)
