"""The scheduling context's pages: the console's availability (``console.py``) and blocking
time (``blocking.py``)."""

from __future__ import annotations

from typing import Final

from entrypoints.web.scheduling.blocking import BLOCK_PAGES
from entrypoints.web.scheduling.console import CONSOLE_PAGES

PAGES: Final = (*CONSOLE_PAGES, *BLOCK_PAGES)
