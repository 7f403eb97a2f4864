"""The scheduling context's pages: only the console's availability (``console.py``)."""

from __future__ import annotations

from typing import Final

from entrypoints.web.scheduling.console import CONSOLE_PAGES

PAGES: Final = (*CONSOLE_PAGES,)
