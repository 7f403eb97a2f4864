"""Accounts over HTTP: sign-up, sign-in, sessions, the profile, admins' user lists."""
