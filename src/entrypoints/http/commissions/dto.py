"""Tattoo requests on the wire."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal
from uuid import UUID

import msgspec
from msgspec import Meta

from booking_domain.commissions import (
    MAX_DATES,
    MAX_IDEA,
    MAX_IMAGES,
    MAX_MESSAGE,
    MAX_PLACEMENT_TEXT,
    MAX_SIZE_CM,
    BodyArea,
    ColourMode,
    DraftDetails,
    TattooRequest,
)
from booking_domain.commissions.use_cases import MessageEntry, RequestView, SendRequestCommand
from booking_domain.media import UploadId
from booking_domain.shared.ids import ArtistId
from entrypoints.http.media import ImageView
from entrypoints.http.wire import Dto, PageView, View, utc

BodyAreaName = Literal[
    "head", "face", "neck", "shoulder", "upper_arm", "forearm", "hand", "finger", "chest",
    "stomach", "ribs", "upper_back", "lower_back", "full_back", "hip", "thigh", "knee", "calf",
    "ankle", "foot", "other",
]  # fmt: skip
ColourName = Literal["colour", "black_and_grey"]
Amount = Annotated[int, Meta(ge=0, le=10**12)]
MessageText = Annotated[str, Meta(min_length=1, max_length=MAX_MESSAGE)]


class PlacementDto(msgspec.Struct, rename="camel", forbid_unknown_fields=True, frozen=True):
    area: BodyAreaName
    text: Annotated[str, Meta(max_length=MAX_PLACEMENT_TEXT)] = ""


class BudgetDto(
    msgspec.Struct,
    rename={"minimum": "min", "maximum": "max"},
    forbid_unknown_fields=True,
    frozen=True,
):
    minimum: Amount  # minor units
    maximum: Amount
    currency: Annotated[str, Meta(pattern=r"^[A-Z]{3}$")] = "MNT"


class SendRequestBody(Dto, frozen=True):
    artist_id: UUID
    idea: Annotated[str, Meta(min_length=1, max_length=MAX_IDEA)]
    placement: PlacementDto
    size_cm: Annotated[int, Meta(ge=1, le=MAX_SIZE_CM)]
    colour: ColourName
    budget: BudgetDto
    first_tattoo: bool
    age_confirmed: bool = False  # the customer is 18 or older: required to be true
    preferred_dates: Annotated[list[dt.date], Meta(max_length=MAX_DATES)] = []
    upload_ids: Annotated[list[UUID], Meta(max_length=MAX_IMAGES)] = []  # "idea" uploads

    def command(self) -> SendRequestCommand:
        details = DraftDetails(
            idea=self.idea,
            area=BodyArea(self.placement.area),
            placement_text=self.placement.text,
            size_cm=self.size_cm,
            colour=ColourMode(self.colour),
            budget_min=self.budget.minimum,
            budget_max=self.budget.maximum,
            currency=self.budget.currency,
            preferred_dates=tuple(self.preferred_dates),
            first_tattoo=self.first_tattoo,
        )
        uploads = tuple(UploadId(u) for u in self.upload_ids)
        return SendRequestCommand(ArtistId(self.artist_id), details, uploads, self.age_confirmed)


class AnswerBody(Dto, frozen=True):
    """The artist's words with an acceptance or a refusal (they open the thread's answer)."""

    message: MessageText


class WithdrawBody(Dto, frozen=True):
    message: MessageText | None = None


class MessageBody(Dto, frozen=True):
    text: MessageText
    upload_id: UUID | None = None  # the author's own upload made with purpose "idea"


class PlacementView(View, frozen=True):
    area: str
    text: str


class BudgetView(msgspec.Struct, rename={"minimum": "min", "maximum": "max"}, frozen=True):
    minimum: int
    maximum: int
    currency: str


class RequestSummaryView(View, frozen=True):
    id: UUID
    customer_id: UUID
    artist_id: UUID
    status: str  # open | accepted | declined | withdrawn
    turn: str  # whose answer the thread waits for: artist | customer
    turn_since: dt.datetime
    idea: str
    placement: PlacementView
    size_cm: int
    colour: str
    budget: BudgetView
    preferred_dates: list[dt.date]
    first_tattoo: bool
    image_count: int
    message_count: int
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int

    @classmethod
    def of(cls, r: TattooRequest) -> RequestSummaryView:
        d = r.details
        budget = BudgetView(
            d.budget.minimum.amount, d.budget.maximum.amount, d.budget.minimum.currency
        )
        return cls(
            id=r.id, customer_id=r.customer_id, artist_id=r.artist_id, status=r.status.value,
            turn=r.turn.value, turn_since=utc(r.turn_since), idea=d.idea,
            placement=PlacementView(d.placement.area.value, d.placement.text),
            size_cm=d.size_cm, colour=d.colour.value, budget=budget,
            preferred_dates=list(d.preferred_dates), first_tattoo=d.first_tattoo,
            image_count=len(r.images), message_count=r.message_count,
            created_at=utc(r.created_at), updated_at=utc(r.updated_at), version=r.version,
        )  # fmt: skip


class RequestImageView(View, frozen=True):
    upload_id: UUID
    variants: list[ImageView]  # signed URLs, valid 5 minutes: read again for fresh ones


class RequestDetailView(View, frozen=True):
    request: RequestSummaryView
    images: list[RequestImageView]
    viewer_role: str  # customer | artist | admin

    @classmethod
    def of(cls, seen: RequestView) -> RequestDetailView:
        images = [
            RequestImageView(image.upload_id, [ImageView.of(link) for link in links])
            for image, links in zip(seen.request.images, seen.images, strict=True)
        ]
        return cls(RequestSummaryView.of(seen.request), images, seen.viewer.value)


class RequestMessageView(View, frozen=True):
    id: UUID
    author_id: UUID
    author_role: str
    text: str
    images: list[ImageView]  # signed URLs, valid 5 minutes
    created_at: dt.datetime

    @classmethod
    def of(cls, entry: MessageEntry) -> RequestMessageView:
        m = entry.message
        images = [ImageView.of(link) for link in entry.images]
        return cls(m.id, m.author_id, m.author_role.value, m.text, images, utc(m.created_at))


class RequestPage(PageView[RequestSummaryView], frozen=True):
    items: list[RequestSummaryView]


class RequestMessagePage(PageView[RequestMessageView], frozen=True):
    items: list[RequestMessageView]
