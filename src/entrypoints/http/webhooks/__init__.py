"""Webhook endpoints and their deliveries over HTTP."""
