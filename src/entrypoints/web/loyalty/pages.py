"""``GET /loyalty``: one's points, the link in the points messages.

A shell whose script reads the visitor's own accounts and their latest entries from the API
(``/me/loyalty``). Never kept (``no-store``).
"""

from __future__ import annotations

from typing import Any, Final

from litestar import Request, get
from litestar.enums import MediaType
from litestar.response import Template

from entrypoints.web.loyalty.console import CONSOLE_PAGES
from entrypoints.web.loyalty.texts import LOYALTY_TEXTS
from entrypoints.web.shared.render import Lang, shell_page


@get("/loyalty", include_in_schema=False, media_type=MediaType.HTML)
async def loyalty_page(request: Request[Any, Any, Any], lang: Lang = None) -> Template:
    """One's points (the points messages' link): whose they are is the API's to say."""
    return shell_page("loyalty.html.j2", request, lang, LOYALTY_TEXTS)


PAGES: Final = (loyalty_page, *CONSOLE_PAGES)
