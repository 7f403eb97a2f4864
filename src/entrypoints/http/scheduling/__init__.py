"""Scheduling over HTTP: availability, the scheduling policy, free slots."""
