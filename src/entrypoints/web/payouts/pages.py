"""The ledger's pages: the console's payouts (``console.py``)."""

from __future__ import annotations

from typing import Final

from entrypoints.web.payouts.console import CONSOLE_PAGES

PAGES: Final = CONSOLE_PAGES
