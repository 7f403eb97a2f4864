"""Entering a code sent to a number: the one rule for signing in or up, unlocking, proving
a new number (``use_cases.phone_codes``) and proving the owner again inside another
context's unit of work (deleting an account: ``booking_domain.privacy``)."""

from __future__ import annotations

import hmac
from datetime import datetime
from typing import Protocol

from booking_domain.accounts.phone_codes import (
    CODE_DIGITS,
    CodePurpose,
    InvalidCodeError,
    PhoneCode,
    PhoneCodeId,
    PhoneCodePolicy,
)
from booking_domain.accounts.ports import HasPhoneCodes, KeyedDigest
from booking_domain.shared.ports import UnitOfWork


class CodeEntries(UnitOfWork, HasPhoneCodes, Protocol):
    """What entering a code needs of a unit of work."""


def code_hash(digest: KeyedDigest, code_id: PhoneCodeId, entered: str) -> str:
    """The digest a code is stored under: keyed, and bound to the code's id."""
    return digest.digest("phone-code", str(code_id), entered)


async def enter_code(
    uow: CodeEntries,
    digest: KeyedDigest,
    policy: PhoneCodePolicy,
    number: str,
    entered: str,
    now: datetime,
    purposes: frozenset[CodePurpose] = frozenset({CodePurpose.SIGN_IN}),
) -> PhoneCode:
    """The number's live code for one of ``purposes``, entered: a wrong entry is counted
    and committed, then refused (``InvalidCodeError``); a right one is returned spent, for
    the caller to save with its change. A code sent for another purpose is refused and left
    as it is."""
    record = await uow.phone_codes.live_for_update(number, now)
    if record is None or record.purpose not in purposes:
        raise InvalidCodeError()
    well_formed = len(entered) == CODE_DIGITS and entered.isascii() and entered.isdigit()
    matches = well_formed and hmac.compare_digest(
        record.code_hash, code_hash(digest, record.id, entered)
    )
    after = record.entered(matches, now, policy)
    if not matches:
        await uow.phone_codes.save(after)
        await uow.commit()
        raise InvalidCodeError()
    return after
