"""The commissions context's pages: a tattoo request's page (``GET /requests/{id}``), a
shell whose script (``request.js``) reads the request and its thread from the API."""
