"""The loyalty context's pages: one's points (``GET /loyalty``), a shell whose script
(``loyalty.js``) reads the visitor's own accounts from the API."""
