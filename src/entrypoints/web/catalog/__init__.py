"""The catalogue's pages: the booking page a booking link opens (``GET /book/{token}``),
rendered from the catalogue's and the reviews' use cases, with its script (``book.js``),
its templates (``book.html.j2``, the replaced link's ``gone.html.j2``, the policy before
paying) and its words; and the console's services (``console.py``)."""
