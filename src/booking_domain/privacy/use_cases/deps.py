"""What every privacy use case is given."""

from __future__ import annotations

from dataclasses import dataclass, field

from booking_domain.accounts import (
    KeyedDigest,
    LockoutPolicy,
    PasswordHasher,
    PhoneCodePolicy,
    PhoneNumbers,
    SessionCheck,
)
from booking_domain.media import MediaStores
from booking_domain.privacy.ports import PrivacyUnitOfWorkFactory
from booking_domain.shared.clock import Clock


@dataclass(frozen=True, slots=True)
class PrivacyDeps:
    uow: PrivacyUnitOfWorkFactory
    clock: Clock
    hasher: PasswordHasher
    sessions: SessionCheck
    phones: PhoneNumbers
    digest: KeyedDigest
    stores: MediaStores  # a leaver's pictures on tattoo requests are deleted from them
    codes: PhoneCodePolicy = field(default_factory=PhoneCodePolicy)
    lockout: LockoutPolicy = field(default_factory=LockoutPolicy)
