"""The audit context's pages: the audit trail in the console (``console.py``: admins only)."""
