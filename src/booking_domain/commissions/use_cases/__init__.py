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
from booking_domain.commissions.use_cases.inbox import (
    InboxEntry,
    InboxShows,
    OpenRequestFile,
    RequestFile,
    RequestInbox,
)
from booking_domain.commissions.use_cases.project_views import ProjectView
from booking_domain.commissions.use_cases.projects import (
    MAX_REASON,
    BookSession,
    CancelProject,
    GetProject,
    MoveSession,
    MyProjects,
)
from booking_domain.commissions.use_cases.quotes import (
    AcceptQuote,
    ListQuotes,
    OfferQuote,
    ProjectStarted,
    QuoteEntry,
)
from booking_domain.commissions.use_cases.session_slots import (
    ProjectSessionStarts,
    QuoteSessionStarts,
    SessionStarts,
)
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
    offer_quote: OfferQuote
    list_quotes: ListQuotes
    accept_quote: AcceptQuote
    book_session: BookSession
    get_project: GetProject
    my_projects: MyProjects
    quote_starts: QuoteSessionStarts
    project_starts: ProjectSessionStarts
    cancel_project: CancelProject
    move_session: MoveSession
    request_inbox: RequestInbox
    open_request_file: OpenRequestFile


__all__ = [
    "MAX_REASON",
    "AcceptQuote",
    "AcceptRequest",
    "BookSession",
    "CancelProject",
    "CommissionUseCases",
    "CommissionsDeps",
    "DeclineRequest",
    "GetProject",
    "GetRequest",
    "InboxEntry",
    "InboxShows",
    "ListMyRequests",
    "ListQuotes",
    "ListRequestMessages",
    "MessageEntry",
    "MoveSession",
    "MyProjects",
    "OfferQuote",
    "OpenRequestFile",
    "PostRequestMessage",
    "ProjectSessionStarts",
    "ProjectStarted",
    "ProjectView",
    "QuoteEntry",
    "QuoteSessionStarts",
    "RequestFile",
    "RequestInbox",
    "RequestQueue",
    "RequestView",
    "SendRequest",
    "SendRequestCommand",
    "SessionStarts",
    "WithdrawRequest",
]
