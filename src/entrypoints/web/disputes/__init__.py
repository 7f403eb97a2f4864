"""The disputes context's pages: the operator's disputes in the console (``console.py``:
admins only), each with its booking, its parties and its evidence, and the resolution."""
