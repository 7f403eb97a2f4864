"""The console's spreadsheet files (CSV): UTF-8 with a byte order mark, so spreadsheet apps
read Cyrillic; lines ended by CRLF; every cell safe from formula injection (a cell a
spreadsheet app would take for a formula starts with ``'``); answered as an attachment that
is never kept (docs/console.md)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Final

from litestar import Response

from entrypoints.web.shared.console import CONSOLE_HEADERS

# A cell starting with one of these is a formula (or starts one) to a spreadsheet app.
FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: str) -> str:
    """``value`` as a spreadsheet cell: prefixed with ``'`` when a spreadsheet app would
    read it as a formula (formula injection)."""
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


def spreadsheet(rows: Iterable[Sequence[str]]) -> bytes:
    """``rows`` as a CSV file: UTF-8 with a byte order mark, CRLF, each cell ``safe_cell``."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def spreadsheet_answer(body: bytes, name: str) -> Response[bytes]:
    """``body`` as a downloaded file ``name`` (``text/csv``, an attachment, never kept)."""
    headers = {**CONSOLE_HEADERS, "Content-Disposition": f'attachment; filename="{name}"'}
    return Response(body, media_type="text/csv", headers=headers)  # "; charset=utf-8" added


__all__ = ["FORMULA_STARTS", "safe_cell", "spreadsheet", "spreadsheet_answer"]
