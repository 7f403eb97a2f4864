"""The analytics context's pages: the console's insights (``console.py``)."""
