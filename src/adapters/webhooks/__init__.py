"""Sending webhook deliveries over HTTP, signed per Standard Webhooks."""
