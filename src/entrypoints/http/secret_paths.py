"""Paths whose next segment is a secret: a calendar feed's token (``/cal/<token>.ics``) and a
booking link's (``/book/<token>``, ``/api/v1/booking-links/<token>/slot-views``). Whoever
holds one reads a feed or books through a counted link, so it is kept out of the access and
error logs (written ``<secret>``) and out of traces (those requests are not traced)."""

from __future__ import annotations

SECRET_PREFIXES = ("/cal/", "/book/", "/api/v1/booking-links/")
# For the tracing plugin's exclusions (regular expressions on the path).
UNTRACED_SECRET_PATHS = [f"^{prefix}" for prefix in SECRET_PREFIXES]


def loggable_path(path: str | None) -> str | None:
    """``path`` with a secret segment written ``<secret>``; any other path as it is."""
    if path is None:
        return None
    for prefix in SECRET_PREFIXES:
        if path.startswith(prefix):
            rest = path[len(prefix) :]
            return prefix + "<secret>" + (rest[rest.index("/") :] if "/" in rest else "")
    return path
