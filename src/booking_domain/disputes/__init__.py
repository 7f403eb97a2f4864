"""Disputes: a party contests a closed booking, both sides bring evidence, an admin settles
it once, for good (``dispute.py``, ``evidence.py``; storage in ``ports.py``; use cases in
``use_cases``)."""

from booking_domain.disputes.dispute import (
    DISPUTE_WINDOW,
    Dispute,
    DisputeStatus,
    open_dispute,
    resolve_dispute,
)
from booking_domain.disputes.errors import (
    DisputeAlreadyExistsError,
    DisputeClosedError,
    DisputeNotFoundError,
    DisputeWindowClosedError,
    InvalidEvidenceError,
    TooMuchEvidenceError,
)
from booking_domain.disputes.evidence import (
    MAX_MESSAGE,
    MAX_MESSAGES,
    DisputeMessage,
    MessageId,
    add_evidence,
    dispute_role,
)
from booking_domain.disputes.ports import DisputeFilter

__all__ = [
    "DISPUTE_WINDOW",
    "MAX_MESSAGE",
    "MAX_MESSAGES",
    "Dispute",
    "DisputeAlreadyExistsError",
    "DisputeClosedError",
    "DisputeFilter",
    "DisputeMessage",
    "DisputeNotFoundError",
    "DisputeStatus",
    "DisputeWindowClosedError",
    "InvalidEvidenceError",
    "MessageId",
    "TooMuchEvidenceError",
    "add_evidence",
    "dispute_role",
    "open_dispute",
    "resolve_dispute",
]
