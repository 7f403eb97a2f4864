"""Commission use cases, and their bundle (``CommissionUseCases``)."""

from __future__ import annotations

from dataclasses import dataclass

from booking_domain.commissions.use_cases.cases import (
    AcceptRequest,
    DeclineRequest,
    GetRequest,
    ListMyRequests,
    ListRequestMessages,
    PostRequestMessage,
    RequestQueue,
    SendRequest,
    SendRequestCommand,
    WithdrawRequest,
)
from booking_domain.commissions.use_cases.common import MessageEntry, RequestView
from booking_domain.commissions.use_cases.deps import CommissionsDeps
from booking_domain.shared.use_case import UseCaseBundle


@dataclass(frozen=True, slots=True)
class CommissionUseCases(UseCaseBundle[CommissionsDeps]):
    send_request: SendRequest
    get_request: GetRequest
    my_requests: ListMyRequests
    request_queue: RequestQueue
    accept_request: AcceptRequest
    decline_request: DeclineRequest
    withdraw_request: WithdrawRequest
    post_message: PostRequestMessage
    list_messages: ListRequestMessages


__all__ = [
    "AcceptRequest",
    "CommissionUseCases",
    "CommissionsDeps",
    "DeclineRequest",
    "GetRequest",
    "ListMyRequests",
    "ListRequestMessages",
    "MessageEntry",
    "PostRequestMessage",
    "RequestQueue",
    "RequestView",
    "SendRequest",
    "SendRequestCommand",
    "WithdrawRequest",
]
