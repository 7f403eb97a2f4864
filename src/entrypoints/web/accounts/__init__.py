"""The accounts context's pages: the account emails' links (``GET /verify-email``,
``/reset-password``, ``/unlock``), whose script (``account.js``) posts the link's token to
the API."""
