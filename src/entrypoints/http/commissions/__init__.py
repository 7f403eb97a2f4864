"""Tattoo requests over HTTP."""
