"""Payments over HTTP: deposit invoices, checks, the provider's callback, settlements."""
