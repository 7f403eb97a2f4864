"""Receipts of payments taken in the studio, as an HTML page and a PDF."""
