"""Where the fuzzing suite leaves its summary for the end of the run (tests/conftest.py)."""

from __future__ import annotations

import pytest

FUZZ_SUMMARY = pytest.StashKey[str]()
