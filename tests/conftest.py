"""Settings shared by every suite.

Hypothesis runs the ``ci`` profile (300 examples per property) unless HYPOTHESIS_PROFILE
says otherwise; ``dev`` is quicker for a tight edit loop.
"""

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    print_blob=True,
)
settings.register_profile("dev", max_examples=50, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
