"""A public object's key as it appears in its URL."""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import quote

from booking_domain.media.storage import check_key


@lru_cache(maxsize=65_536)
def url_path(key: str) -> str:
    """``key`` checked and percent-encoded for a URL path. Remembered: a search page names
    60 or more pictures, the same pictures page after page, and checking and quoting each
    again cost a tenth of a search's CPU (bench/search.py). A key that fails the check
    raises every time (exceptions are not remembered); 65,536 keys hold about 8 MB."""
    return quote(check_key(key))
