"""The analytics context's pages: only the console's insights (``console.py``)."""

from __future__ import annotations

from typing import Final

from entrypoints.web.analytics.console import CONSOLE_PAGES

PAGES: Final = (*CONSOLE_PAGES,)
"""The analytics context's pages: the console's insights (``console.py``: the artist's
figures over a range as charts and tables, and as a spreadsheet file)."""
