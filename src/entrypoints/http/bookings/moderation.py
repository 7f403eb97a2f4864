"""``POST /admin/artists/{id}/suspend`` (admins): bookings' use case, since a suspension
cancels the artist's upcoming bookings in the same transaction. Reinstating is the
catalogue's (``/admin/artists/{id}/reinstate``)."""

from __future__ import annotations

from uuid import UUID

from litestar import Controller, post
from litestar.params import FromPath
from litestar.status_codes import HTTP_200_OK

from booking_domain.bookings.use_cases import Suspension
from booking_domain.shared import Role
from booking_domain.shared.ids import ArtistId
from entrypoints.http.auth import authenticated, role_in
from entrypoints.http.bookings.dto import BookingView
from entrypoints.http.deps import BookingsDep, Caller, caller_dependencies
from entrypoints.http.wire import View


class SuspensionView(View, frozen=True):
    artist_id: UUID
    suspended: bool
    cancelled_bookings: list[BookingView]  # as they are now: cancelled, the refund owed

    @classmethod
    def of(cls, done: Suspension) -> SuspensionView:
        cancelled = [BookingView.of(b) for b in done.cancelled]
        return cls(done.artist.id, done.artist.suspended, cancelled)


class AdminSuspensionController(Controller):
    path = "/admin/artists/{artist_id:uuid}/suspend"
    tags = ["admin", "bookings"]
    guards = [authenticated, role_in(Role.ADMIN)]
    security = [{"bearer": []}]
    dependencies = caller_dependencies("bookings")

    @post(status_code=HTTP_200_OK,
          summary="Suspend an artist: upcoming bookings cancelled, refunded (admins)")  # fmt: skip
    async def suspend(
        self, artist_id: FromPath[UUID], actor: Caller, bookings: BookingsDep
    ) -> SuspensionView:
        return SuspensionView.of(await bookings.suspend_artist(actor, ArtistId(artist_id)))
