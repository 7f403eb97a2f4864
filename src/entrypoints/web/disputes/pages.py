"""The disputes context's pages: the console's operator pages of disputes (``console.py``)."""

from __future__ import annotations

from typing import Final

from entrypoints.web.disputes.console import CONSOLE_PAGES

PAGES: Final = CONSOLE_PAGES
