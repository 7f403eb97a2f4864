"""The catalogue's pages: the booking page a booking link opens (``GET /book/{token}``),
rendered from the catalogue's and the reviews' use cases, with its script (``book.js``),
its templates (``book.html.j2``, the replaced link's ``gone.html.j2``, the policy before
paying) and its words; the console's services (``console.py``); and the operator's artists
(``admin.py``), whose suspension form the bookings room answers (``artists_page`` shows a
refusal of it)."""

from entrypoints.web.catalog.admin import (
    ARTISTS,
    NO_SUCH_ARTIST,
    artist_id_of,
    artists_page,
    opened_form,
    refused_step,
    shown_list,
)

__all__ = [
    "ARTISTS",
    "NO_SUCH_ARTIST",
    "artist_id_of",
    "artists_page",
    "opened_form",
    "refused_step",
    "shown_list",
]
