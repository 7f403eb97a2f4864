"""Disputes: a party contests a closed booking; an admin settles it once, for good.

The rules are here; the dispute's storage, use cases and endpoints come with the admin and
disputes work (issue 15), and will be added in this context's ``ports`` and ``use_cases``.
"""

from booking_domain.disputes.dispute import (
    DISPUTE_WINDOW,
    Dispute,
    DisputeStatus,
    open_dispute,
    resolve_dispute,
)
from booking_domain.disputes.errors import DisputeAlreadyExistsError, DisputeWindowClosedError

__all__ = [
    "DISPUTE_WINDOW",
    "Dispute",
    "DisputeAlreadyExistsError",
    "DisputeStatus",
    "DisputeWindowClosedError",
    "open_dispute",
    "resolve_dispute",
]
