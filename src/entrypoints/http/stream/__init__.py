"""The stream over HTTP: a user's changes as Server-Sent Events."""
