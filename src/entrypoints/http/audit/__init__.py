"""The audit trail over HTTP (admins)."""
