"""Pictures for the console's settings (the profile's avatar and cover, the portfolio),
straight from the browser to storage (docs/console.md, "Profile and portfolio"):

1. ``POST /console/settings/uploads`` (form-encoded, with the form token): the media
   context's ``RequestUpload`` for the session's account, answered as JSON: where to
   ``PUT`` the file, with which headers (a signed URL of the store, valid 10 minutes);
2. the page's script (``console-upload.js``) PUTs the file there itself, showing its
   progress; the bytes never pass through the app (locally the store is the app itself);
3. the picture's form is sent with the upload's id; the handler completes it
   (``CompleteUpload``: checked, made into WebP variants, metadata removed) and hands it to
   the catalogue's use case.

Without script the same form sends the file itself (``multipart/form-data``); the handler
then stores it as an import does (``ImportImage``: the same checks), so the page works with
no script at all, within the app's limit on a request's body.

The pages that upload allow the store's origin in their ``connect-src`` (and only they).
"""

from __future__ import annotations

from typing import Any, Final
from uuid import UUID

from litestar import Request, Response, post
from litestar.datastructures import UploadFile
from litestar.response import Template

from booking_domain.media import UploadId
from booking_domain.shared import DomainError, InvalidInputError
from entrypoints.http.serving import UPLOAD_ORIGINS, serving_of
from entrypoints.web.shared.console import CONSOLE, Desk, artist_desk, checked_form
from entrypoints.web.shared.console_forms import BadFieldError, refusal_text, whole_number
from entrypoints.web.shared.render import content_security_policy

UPLOADS: Final = f"{CONSOLE}/settings/uploads"
PURPOSES: Final = frozenset({"portfolio", "avatar", "cover"})
CHOOSE_PICTURE: Final = "Choose a picture first."  # a form with neither an upload nor a file
MAX_BYTES: Final = 20 * 1024 * 1024  # the media context's bound (docs/api.md, "Uploads")
_JSON_HEADERS: Final = {"Cache-Control": "no-store"}


def upload_policy(request: Request[Any, Any, Any]) -> str:
    """The console's policy, with the store's origin allowed for the script's ``PUT``."""
    origins = tuple(request.app.state.get(UPLOAD_ORIGINS, ()))
    return content_security_policy(connect=origins)


def _json(body: dict[str, Any], status: int) -> Response[dict[str, Any]]:
    return Response(body, status_code=status, headers=_JSON_HEADERS)


@post(UPLOADS, include_in_schema=False, status_code=201)
async def console_request_upload(request: Request[Any, Any, Any]) -> Response[dict[str, Any]]:
    """Where the browser PUTs one picture (``RequestUpload``), as JSON; a form without its
    token is 403, a signed-out one 401, a purpose, type or size refused 422."""
    desk = await artist_desk(request, None)
    if not isinstance(desk, Desk):
        return _json({"problem": "signed_out"}, 401)
    form = await checked_form(request, desk)
    if isinstance(form, Template):
        return _json({"problem": "form_token"}, 403)
    purpose = form.get("purpose", "")
    media = serving_of(request.app).bundles.media
    try:
        size = whole_number(form.get("size"), 1, MAX_BYTES)
        if purpose not in PURPOSES:
            raise BadFieldError
        made = await media.request_upload(
            desk.actor, purpose=purpose, content_type=form.get("content_type", "")[:100], size=size
        )
    except BadFieldError:
        return _json({"problem": "invalid_upload"}, 422)
    except DomainError as refused:
        status = 422 if isinstance(refused, InvalidInputError) else 403
        return _json({"problem": refusal_text(desk.locale, refused)}, status)
    ticket = made.ticket
    return _json(
        {
            "uploadId": str(made.upload.id),
            "method": ticket.method,
            "url": ticket.url,
            "headers": dict(ticket.headers),
        },
        201,
    )


class NoPictureError(Exception):
    """The form carries neither a finished upload's id nor a file."""


def _upload_id(text: str) -> UploadId:
    try:
        return UploadId(UUID(text))
    except ValueError:
        raise NoPictureError from None


async def finished_upload(
    request: Request[Any, Any, Any], desk: Desk, form: dict[str, str], purpose: str
) -> UploadId:
    """The picture the form brings, finished: the upload the script PUT (``upload_id``),
    completed now; or, without script, the file sent with the form, stored and completed
    here. ``NoPictureError`` for neither; the media context's refusals as they come."""
    media = serving_of(request.app).bundles.media
    if form.get("upload_id"):
        upload_id = _upload_id(form["upload_id"])
        await media.complete_upload(desk.actor, upload_id)
        return upload_id
    sent = (await request.form()).get("file")
    if not isinstance(sent, UploadFile) or not sent.filename:
        raise NoPictureError
    data = await sent.read(MAX_BYTES + 1)
    if not data:
        raise NoPictureError
    view = await media.import_image(
        desk.actor, purpose=purpose, content_type=sent.content_type or "", data=data
    )
    return view.upload.id


UPLOAD_PAGES: Final = (console_request_upload,)

__all__ = [
    "CHOOSE_PICTURE",
    "MAX_BYTES",
    "UPLOADS",
    "UPLOAD_PAGES",
    "NoPictureError",
    "finished_upload",
    "upload_policy",
]
