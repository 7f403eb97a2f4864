"""Bookings over HTTP: requests, changes, history, ideas, admins' lists and suspensions."""
