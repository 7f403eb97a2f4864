"""The audit context's pages: the console's audit trail (``console.py``)."""

from __future__ import annotations

from typing import Final

from entrypoints.web.audit.console import CONSOLE_PAGES

PAGES: Final = CONSOLE_PAGES
