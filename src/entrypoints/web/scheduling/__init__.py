"""The scheduling context's pages: the console's availability (``console.py``: the weekly
hours, time off and date overrides, the scheduling settings and a preview of the free
starts they make)."""
