"""The waitlist over HTTP."""
