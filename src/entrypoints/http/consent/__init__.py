"""Consent forms over HTTP: an artist's forms and requirement, a booking's consent."""
