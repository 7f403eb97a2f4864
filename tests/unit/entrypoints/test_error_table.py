"""Every domain error maps to a deliberate 4xx/5xx status, never to the 500 fallback."""

from __future__ import annotations

from booking_domain.shared import DomainError
from booking_domain.shared.errors import ServiceUnavailableError
from entrypoints.http.problems import status_for
from tests.support.errors import all_domain_errors


def test_no_domain_error_falls_through_to_500() -> None:
    unmapped = [
        k.__name__ for k in all_domain_errors() if k is not DomainError and status_for(k) == 500
    ]
    assert unmapped == []


def test_client_errors_are_4xx_and_only_unavailability_is_5xx() -> None:
    for klass in all_domain_errors():
        if klass is DomainError:
            continue
        status = status_for(klass)
        assert 400 <= status < 500 or (
            status == 503 and issubclass(klass, ServiceUnavailableError)
        ), klass


def test_error_codes_are_unique_and_snake_case() -> None:
    classes = [k for k in all_domain_errors() if k is not DomainError]
    codes = [k.code for k in classes]
    duplicates = {c for c in codes if codes.count(c) > 1}
    assert duplicates == set()
    assert all(c.replace("_", "").isalnum() and c == c.lower() for c in codes)


def test_the_walk_sees_the_known_errors() -> None:
    names = {k.__name__ for k in all_domain_errors()}
    assert {"EmailAlreadyRegisteredError", "AccountLockedError", "InvalidCredentialsError"} <= names
