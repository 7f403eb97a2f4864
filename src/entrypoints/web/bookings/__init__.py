"""The bookings context's pages: a booking's own page (``GET /bookings/{id}`` and the
messages' action links), a shell whose script (``mine.js``) signs in and asks the API, with
the consent section of the consent room (``entrypoints.web.consent``)."""
