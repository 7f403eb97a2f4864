"""Loyalty over HTTP: programs and one's own points."""
