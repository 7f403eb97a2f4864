"""The privacy context over HTTP: taking one's data, ``GET /api/v1/me/export`` (a zip of
JSON files), and leaving, ``DELETE /api/v1/me`` (docs/privacy.md)."""

from __future__ import annotations

import json
import zipfile
from collections.abc import AsyncIterator, Iterator
from tempfile import SpooledTemporaryFile
from typing import IO, Annotated

from litestar import delete, get
from litestar.di import NamedDependency
from litestar.params import JSONBody
from litestar.response import Stream
from litestar.status_codes import HTTP_204_NO_CONTENT
from msgspec import UNSET, Meta, UnsetType

from booking_domain.accounts import (
    AccountDeletedError,
    AccountLockedError,
    CannotProveOwnerError,
    InvalidCodeError,
    PasswordProof,
    PhoneCodeProof,
    Proof,
    UserNotFoundError,
)
from booking_domain.bookings import BookingActionNotAllowedError, RefundOutOfRangeError
from booking_domain.catalog import ArtistNotFoundError
from booking_domain.commissions import (
    ProjectClosedError,
    RequestActionNotAllowedError,
    RequestClosedError,
    RequestNotOpenError,
)
from booking_domain.privacy import ExportPart, PrivacyUseCases
from booking_domain.shared import (
    ConcurrentUpdateError,
    InvalidInputError,
    InvalidTransitionError,
)
from entrypoints.http.auth import client_address
from entrypoints.http.caller import AnyRequest, Caller
from entrypoints.http.controllers import SignedIn
from entrypoints.http.problem_docs import raises_exactly
from entrypoints.http.wire import Dto

PrivacyDep = NamedDependency[PrivacyUseCases]

# As the accounts' requests bound them (entrypoints/http/accounts: dto.py, phone.py).
Password = Annotated[str, Meta(max_length=1024, description="Your current password")]
Phone = Annotated[str, Meta(min_length=1, max_length=40, description="Your verified number")]
Code = Annotated[str, Meta(min_length=1, max_length=12, description="The 6 digits received")]

_IN_MEMORY = 8 * 1024 * 1024  # a bigger zip spills to a temporary file
_CHUNK = 64 * 1024


# The export: the account is gone.
EXPORT_RAISES = raises_exactly(UserNotFoundError)
# Deleting the account (DeleteAccount): gone already, no proof that fits it (a wrong or
# missing password, a wrong code, none possible), the pair locked by wrong passwords
# (423); then what cancelling its bookings, projects and requests may refuse when one moved
# meanwhile, and a write that lost a race (concurrent_update, as on every change).
DELETE_RAISES = raises_exactly(
    UserNotFoundError,
    AccountDeletedError,
    InvalidInputError,
    InvalidCodeError,
    CannotProveOwnerError,
    AccountLockedError,
    ArtistNotFoundError,
    BookingActionNotAllowedError,
    RefundOutOfRangeError,
    InvalidTransitionError,
    ProjectClosedError,
    RequestActionNotAllowedError,
    RequestClosedError,
    RequestNotOpenError,
    ConcurrentUpdateError,
)


class DeleteAccountRequest(Dto, frozen=True):
    """Prove it is you: the password, or (for an account without one) the phone number and
    a sign-in code just sent to it (``POST /auth/phone/send-code``, purpose ``sign_in``)."""

    password: Password | UnsetType = UNSET
    phone: Phone | UnsetType = UNSET
    code: Code | UnsetType = UNSET

    def proof(self) -> Proof | None:
        if not isinstance(self.password, UnsetType):
            return PasswordProof(self.password)
        if isinstance(self.phone, UnsetType) or isinstance(self.code, UnsetType):
            return None
        return PhoneCodeProof(self.phone, self.code)


async def write_zip(parts: AsyncIterator[ExportPart], into: IO[bytes]) -> None:
    """Each file a JSON array, written a part at a time (parts of one file come together)."""
    with zipfile.ZipFile(into, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        current: str | None = None
        entry: IO[bytes] | None = None
        first = True
        async for part in parts:
            if part.file != current:
                if entry is not None:
                    entry.write(b"\n]\n")
                    entry.close()
                entry, current, first = archive.open(part.file, "w"), part.file, True
                entry.write(b"[")
            assert entry is not None
            for item in part.records:
                entry.write((b"\n" if first else b",\n") + json.dumps(item).encode())
                first = False
        if entry is not None:
            entry.write(b"\n]\n")
            entry.close()


def _chunks(spooled: IO[bytes]) -> Iterator[bytes]:
    with spooled:
        spooled.seek(0)
        while chunk := spooled.read(_CHUNK):
            yield chunk


class ExportController(SignedIn, context="privacy"):
    path = "/me/export"
    tags = ["account"]

    @get(
        media_type="application/zip",
        summary="Everything Inkslot holds about you (a zip)",
        opt=EXPORT_RAISES,
    )
    async def export(self, actor: Caller, privacy: PrivacyDep) -> Stream:
        """A zip of JSON files: your profile, sessions, bookings (as customer, and as artist),
        their payments, your ideas and reviews, your artist profile, services, availability
        and portfolio, your uploads' details (not the images), notifications and the audit
        entries about you. Never a password or token hash. Only your own data."""
        made = await privacy.export_my_data(actor)
        spooled = SpooledTemporaryFile(max_size=_IN_MEMORY)  # noqa: SIM115 (closed by _chunks)
        await write_zip(made.parts, spooled)
        stamp = made.made_at.strftime("%Y%m%d")
        name = f"inkslot-export-{stamp}.zip"
        return Stream(
            _chunks(spooled),
            media_type="application/zip",
            headers={"Content-Disposition": f'attachment; filename="{name}"'},
        )


class LeavingController(
    SignedIn,
    context="privacy",
    # a wrong password counts as a failed sign-in of the pair: 423 once it is locked
):
    path = "/me"
    tags = ["account"]

    @delete(status_code=HTTP_204_NO_CONTENT, summary="Delete your account", opt=DELETE_RAISES)
    async def delete_account(
        self,
        request: AnyRequest,
        data: JSONBody[DeleteAccountRequest],
        actor: Caller,
        privacy: PrivacyDep,
    ) -> None:
        """Proves it is you again (password, or a fresh sign-in code to your verified
        number), then in one step: cancels your upcoming bookings (refunds by the policy;
        an artist's are refunded in full), hides your artist profile, signs out every
        session and anonymises the account. Bookings, payments, reviews and the audit trail
        stay, shown as by "Deleted user" (docs/privacy.md). A wrong password: 422
        ``invalid_input``; a wrong code: 401 ``invalid_code``."""
        await privacy.delete_account(actor, data.proof(), address=client_address(request))
