"""A booking's consent: ``GET /bookings/{id}/consent`` (its parties, admins: the form to sign
while unsigned, the signed consent after), ``POST /bookings/{id}/consent`` (the customer
signs; the artist, in person, for a client record), ``POST /bookings/{id}/consent/id-check``
(the artist or an admin), and the signed copy, ``GET /bookings/{id}/consent.html`` and
``.pdf``. Strangers get 404 (docs/consent.md)."""

from __future__ import annotations

from uuid import UUID

from litestar import Response, get, post
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody
from litestar.status_codes import HTTP_200_OK, HTTP_201_CREATED

from booking_domain.bookings import (
    BookingActionNotAllowedError,
    BookingNotFoundError,
    ConsentNotSignedError,
)
from booking_domain.catalog import ArtistNotFoundError
from booking_domain.consent import (
    ConsentActionNotAllowedError,
    ConsentAlreadySignedError,
    ConsentClosedError,
    ConsentFormChangedError,
    ConsentNotFoundError,
    ConsentNotRequiredError,
    IdAlreadyCheckedError,
    IdNotAdultError,
    InvalidConsentError,
)
from booking_domain.consent.use_cases import ConsentUseCases, DocumentFormat, Download
from booking_domain.shared import ConcurrentUpdateError
from booking_domain.shared.ids import BookingId
from entrypoints.http.auth import client_address
from entrypoints.http.caller import AnyRequest, Caller
from entrypoints.http.consent.dto import BookingConsentView, ConsentView, IdCheckBody, SignBody
from entrypoints.http.controllers import SignedIn
from entrypoints.http.problem_docs import raises_exactly

ConsentDep = NamedDependency[ConsentUseCases]
# The copy is a document, not a page of the app: nothing in it runs or loads.
DOCUMENT_HEADERS = {"Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'"}


def _download(made: Download) -> Response[bytes]:
    headers = {
        **DOCUMENT_HEADERS,
        "Content-Disposition": f'attachment; filename="{made.filename}"',
        "Cache-Control": "private, no-store",
    }
    return Response(made.body, media_type=made.media_type, headers=headers)


# Reading a booking's consent: the booking not there, or not the caller's (the same 404).
READ_RAISES = raises_exactly(BookingNotFoundError)
# Signing (SignConsent): besides, the artist gone, not the signer's step, no consent
# required, signed already (or at once by another), closed with the booking, the form
# revised meanwhile, an answer or signature refused; a write that lost a race.
SIGN_RAISES = raises_exactly(
    BookingNotFoundError,
    ArtistNotFoundError,
    ConsentActionNotAllowedError,
    ConsentNotRequiredError,
    ConsentAlreadySignedError,
    ConsentClosedError,
    ConsentFormChangedError,
    InvalidConsentError,
    ConcurrentUpdateError,
)
# The ID check (CheckCustomerId): besides, not the artist's (or an admin's) step, not
# signed yet, checked already, closed, the ID shows no adult.
CHECK_ID_RAISES = raises_exactly(
    BookingNotFoundError,
    BookingActionNotAllowedError,
    ConsentNotSignedError,
    IdAlreadyCheckedError,
    ConsentClosedError,
    IdNotAdultError,
    ConcurrentUpdateError,
)
# A copy of the signed consent: the booking not the caller's, its artist gone, no
# consent signed.
COPY_RAISES = raises_exactly(BookingNotFoundError, ArtistNotFoundError, ConsentNotFoundError)


class BookingConsentController(SignedIn, context="consent"):
    path = "/bookings/{booking_id:uuid}"
    tags = ["consent"]

    @get(
        "/consent",
        summary="A booking's consent: the form to sign, or the signed consent",
        opt=READ_RAISES,
    )
    async def read(
        self, booking_id: FromPath[UUID], actor: Caller, consent: ConsentDep
    ) -> BookingConsentView:
        found = await consent.get_booking_consent(actor, BookingId(booking_id))
        return BookingConsentView.of(found)

    @post(
        "/consent",
        status_code=HTTP_201_CREATED,
        summary="Sign a booking's consent form (its customer; its artist for a client record)",
        opt=SIGN_RAISES,
    )
    async def sign(
        self,
        request: AnyRequest,
        booking_id: FromPath[UUID],
        data: JSONBody[SignBody],
        actor: Caller,
        consent: ConsentDep,
    ) -> ConsentView:
        signed = await consent.sign(
            actor,
            BookingId(booking_id),
            data.draft(),
            address=client_address(request),
            user_agent=request.headers.get("user-agent"),
        )
        return ConsentView.of(signed)

    @post(
        "/consent/id-check",
        status_code=HTTP_200_OK,
        summary="Record the customer's photo ID check (the booking's artist, admins)",
        opt=CHECK_ID_RAISES,
    )
    async def check_id(
        self,
        booking_id: FromPath[UUID],
        data: JSONBody[IdCheckBody],
        actor: Caller,
        consent: ConsentDep,
    ) -> ConsentView:
        checked = await consent.check_id(
            actor, BookingId(booking_id), document=data.document, shows_adult=data.shows_adult
        )
        return ConsentView.of(checked)


class ConsentCopyController(SignedIn, context="consent"):
    path = "/bookings/{booking_id:uuid}"
    tags = ["consent"]

    @get(
        "/consent.html",
        media_type="text/html",
        summary="The signed consent as an HTML page (its parties, admins)",
        opt=COPY_RAISES,
    )
    async def html(
        self, booking_id: FromPath[UUID], actor: Caller, consent: ConsentDep
    ) -> Response[bytes]:
        made = await consent.download(actor, BookingId(booking_id), DocumentFormat.HTML)
        return _download(made)

    @get(
        "/consent.pdf",
        media_type="application/pdf",
        summary="The signed consent as a PDF (its parties, admins)",
        opt=COPY_RAISES,
    )
    async def pdf(
        self, booking_id: FromPath[UUID], actor: Caller, consent: ConsentDep
    ) -> Response[bytes]:
        made = await consent.download(actor, BookingId(booking_id), DocumentFormat.PDF)
        return _download(made)
