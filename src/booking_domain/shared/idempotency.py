"""The ``Idempotency-Key`` a client may send with a POST that creates something (a booking,
a deposit invoice): a retry under the same key gets the first answer, not a second thing."""

from __future__ import annotations

from booking_domain.shared.errors import FieldError

MAX_KEY_LENGTH = 200


def idempotency_key_problem(key: str | None) -> FieldError | None:
    """An ``Idempotency-Key`` is 1 to ``MAX_KEY_LENGTH`` printable ASCII characters."""
    if key is None or (0 < len(key) <= MAX_KEY_LENGTH and key.isascii() and key.isprintable()):
        return None
    return FieldError("Idempotency-Key", f"Use 1 to {MAX_KEY_LENGTH} printable ASCII characters.")
