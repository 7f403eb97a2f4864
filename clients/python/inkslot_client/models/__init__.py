"""Contains all the data models used in inputs/outputs"""

from .accepted_view import AcceptedView
from .account_view import AccountView
from .accounts_session_view import AccountsSessionView
from .admin_analytics_platform_analytics_format_type_1 import AdminAnalyticsPlatformAnalyticsFormatType1
from .admin_analytics_platform_analytics_format_type_2_type_1 import AdminAnalyticsPlatformAnalyticsFormatType2Type1
from .admin_analytics_platform_analytics_format_type_3_type_1 import AdminAnalyticsPlatformAnalyticsFormatType3Type1
from .admin_artists_list_profiles_status_type_1 import AdminArtistsListProfilesStatusType1
from .admin_artists_list_profiles_status_type_2_type_1 import AdminArtistsListProfilesStatusType2Type1
from .admin_artists_list_profiles_status_type_3_type_1 import AdminArtistsListProfilesStatusType3Type1
from .admin_bookings_list_all_payment_status_type_0_item import AdminBookingsListAllPaymentStatusType0Item
from .admin_bookings_list_all_status_type_0_item import AdminBookingsListAllStatusType0Item
from .admin_disputes_list_disputes_status_type_1 import AdminDisputesListDisputesStatusType1
from .admin_disputes_list_disputes_status_type_2_type_1 import AdminDisputesListDisputesStatusType2Type1
from .admin_disputes_list_disputes_status_type_3_type_1 import AdminDisputesListDisputesStatusType3Type1
from .admin_transactions_list_transactions_status_type_0_item import AdminTransactionsListTransactionsStatusType0Item
from .admin_user_view import AdminUserView
from .admin_users_list_users_role_type_1 import AdminUsersListUsersRoleType1
from .admin_users_list_users_role_type_2_type_1 import AdminUsersListUsersRoleType2Type1
from .admin_users_list_users_role_type_3_type_1 import AdminUsersListUsersRoleType3Type1
from .aftercare_request import AftercareRequest
from .aftercare_view import AftercareView
from .analytics_service_view import AnalyticsServiceView
from .answer_view import AnswerView
from .answered_view import AnsweredView
from .api_key_list import ApiKeyList
from .api_key_view import ApiKeyView
from .api_key_view_status import ApiKeyViewStatus
from .approval_request import ApprovalRequest
from .artist_analytics_view import ArtistAnalyticsView
from .artist_card_view import ArtistCardView
from .artist_image_request import ArtistImageRequest
from .artist_image_view import ArtistImageView
from .artist_page import ArtistPage
from .artist_request import ArtistRequest
from .artist_search_page import ArtistSearchPage
from .artist_view import ArtistView
from .artists_artist_id_analytics_artist_analytics_format_type_1 import (
    ArtistsArtistIdAnalyticsArtistAnalyticsFormatType1,
)
from .artists_artist_id_analytics_artist_analytics_format_type_2_type_1 import (
    ArtistsArtistIdAnalyticsArtistAnalyticsFormatType2Type1,
)
from .artists_artist_id_analytics_artist_analytics_format_type_3_type_1 import (
    ArtistsArtistIdAnalyticsArtistAnalyticsFormatType3Type1,
)
from .artists_artist_id_reviews_list_reviews_sort import ArtistsArtistIdReviewsListReviewsSort
from .artists_search_artists_sort import ArtistsSearchArtistsSort
from .artists_search_artists_styles_match import ArtistsSearchArtistsStylesMatch
from .audit_entry_view import AuditEntryView
from .audit_entry_view_after_type_0 import AuditEntryViewAfterType0
from .audit_entry_view_before_type_0 import AuditEntryViewBeforeType0
from .audit_page_view import AuditPageView
from .availability_view import AvailabilityView
from .balance_invoice_request import BalanceInvoiceRequest
from .block_request import BlockRequest
from .booked_session_view import BookedSessionView
from .booking_consent_view import BookingConsentView
from .booking_event_view import BookingEventView
from .booking_events_view import BookingEventsView
from .booking_link_list import BookingLinkList
from .booking_link_request import BookingLinkRequest
from .booking_link_view import BookingLinkView
from .booking_page import BookingPage
from .booking_view import BookingView
from .bookings_list_bookings_status_type_0_item import BookingsListBookingsStatusType0Item
from .breakdown_view import BreakdownView
from .budget_dto import BudgetDto
from .budget_view import BudgetView
from .calendar_feed_view import CalendarFeedView
from .cancel_project_body import CancelProjectBody
from .cancellation_quote_view import CancellationQuoteView
from .catalog_service_view import CatalogServiceView
from .catalog_settings_view import CatalogSettingsView
from .change_email_request import ChangeEmailRequest
from .change_password_request import ChangePasswordRequest
from .change_phone_request import ChangePhoneRequest
from .change_status_request import ChangeStatusRequest
from .change_status_request_status import ChangeStatusRequestStatus
from .client_dto import ClientDto
from .code_sent_view import CodeSentView
from .commissions_answer_body import CommissionsAnswerBody
from .consent_answer_body import ConsentAnswerBody
from .consent_requirement_view import ConsentRequirementView
from .consent_view import ConsentView
from .create_api_key_request import CreateApiKeyRequest
from .create_api_key_request_scopes_item import CreateApiKeyRequestScopesItem
from .create_booking_request import CreateBookingRequest
from .customer_contact_view import CustomerContactView
from .customer_lookup_dto import CustomerLookupDto
from .deep_link_view import DeepLinkView
from .delete_account_request import DeleteAccountRequest
from .delivery_page import DeliveryPage
from .delivery_view import DeliveryView
from .delivery_view_body import DeliveryViewBody
from .deposit_dto import DepositDto
from .deposit_invoice_request import DepositInvoiceRequest
from .deposit_view import DepositView
from .desk_booking_view import DeskBookingView
from .device_session_list import DeviceSessionList
from .device_session_view import DeviceSessionView
from .difference_view import DifferenceView
from .dispute_detail_view import DisputeDetailView
from .dispute_page import DisputePage
from .dispute_summary_view import DisputeSummaryView
from .entry_dto import EntryDto
from .entry_view import EntryView
from .evidence_request import EvidenceRequest
from .evidence_view import EvidenceView
from .expiring_view import ExpiringView
from .external_calendar_page import ExternalCalendarPage
from .external_calendar_request import ExternalCalendarRequest
from .external_calendar_view import ExternalCalendarView
from .failed_notification_page import FailedNotificationPage
from .failed_notification_view import FailedNotificationView
from .fetch_outcome_view import FetchOutcomeView
from .flash_design_change import FlashDesignChange
from .flash_design_request import FlashDesignRequest
from .flash_design_view import FlashDesignView
from .flash_sheet_page import FlashSheetPage
from .flash_variant_request import FlashVariantRequest
from .flash_variant_view import FlashVariantView
from .forgot_password_request import ForgotPasswordRequest
from .form_body import FormBody
from .form_body_locale import FormBodyLocale
from .form_content_view import FormContentView
from .form_summary_view import FormSummaryView
from .form_version_view import FormVersionView
from .form_view import FormView
from .granularity import Granularity
from .health_view import HealthView
from .hide_request import HideRequest
from .id_check_body import IdCheckBody
from .id_check_body_document_type import IdCheckBodyDocumentType
from .id_check_view import IdCheckView
from .idea_change import IdeaChange
from .idea_page import IdeaPage
from .idea_request import IdeaRequest
from .idea_view import IdeaView
from .image_view import ImageView
from .inbox_item_view import InboxItemView
from .inbox_page import InboxPage
from .invite_landing_view import InviteLandingView
from .invoice_view import InvoiceView
from .join_body import JoinBody
from .ledger_entry_page import LedgerEntryPage
from .ledger_entry_view import LedgerEntryView
from .ledger_view import LedgerView
from .link_counts_view import LinkCountsView
from .link_sent_view import LinkSentView
from .location import Location
from .lock_request import LockRequest
from .login_request import LoginRequest
from .loyalty_entry_page import LoyaltyEntryPage
from .loyalty_view import LoyaltyView
from .made_api_key_view import MadeApiKeyView
from .made_invite_view import MadeInviteView
from .marked_view import MarkedView
from .message_body import MessageBody
from .method_revenue_view import MethodRevenueView
from .money_dto import MoneyDto
from .next_slot_view import NextSlotView
from .offer_booking_view import OfferBookingView
from .offer_view import OfferView
from .onboarding_view import OnboardingView
from .open_dispute_request import OpenDisputeRequest
from .open_dispute_request_on_behalf_of_type_1 import OpenDisputeRequestOnBehalfOfType1
from .open_dispute_request_on_behalf_of_type_2_type_1 import OpenDisputeRequestOnBehalfOfType2Type1
from .open_dispute_request_on_behalf_of_type_3_type_1 import OpenDisputeRequestOnBehalfOfType3Type1
from .override_request import OverrideRequest
from .override_view import OverrideView
from .owed_page import OwedPage
from .owed_view import OwedView
from .own_studio_member_view import OwnStudioMemberView
from .payment_method import PaymentMethod
from .payments_stripe_events_event_body import PaymentsStripeEventsEventBody
from .payout_account_view import PayoutAccountView
from .payout_body import PayoutBody
from .period_view import PeriodView
from .placement_dto import PlacementDto
from .placement_dto_area import PlacementDtoArea
from .placement_view import PlacementView
from .platform_analytics_view import PlatformAnalyticsView
from .portfolio_card_view import PortfolioCardView
from .portfolio_image_view import PortfolioImageView
from .portfolio_item_change import PortfolioItemChange
from .portfolio_item_request import PortfolioItemRequest
from .portfolio_item_view import PortfolioItemView
from .portfolio_page import PortfolioPage
from .portfolio_search_page import PortfolioSearchPage
from .preferences_change import PreferencesChange
from .preferences_view import PreferencesView
from .problem import Problem
from .problem_field import ProblemField
from .program_body import ProgramBody
from .program_view import ProgramView
from .project_detail_view import ProjectDetailView
from .project_page import ProjectPage
from .project_session_view import ProjectSessionView
from .project_started_view import ProjectStartedView
from .question_body import QuestionBody
from .question_body_dates import QuestionBodyDates
from .question_body_disclosure_type_1 import QuestionBodyDisclosureType1
from .question_body_disclosure_type_2_type_1 import QuestionBodyDisclosureType2Type1
from .question_body_disclosure_type_3_type_1 import QuestionBodyDisclosureType3Type1
from .question_body_kind import QuestionBodyKind
from .question_view import QuestionView
from .quote_body import QuoteBody
from .quote_list import QuoteList
from .quote_view import QuoteView
from .received_payment_view import ReceivedPaymentView
from .recommendation_list import RecommendationList
from .recommendation_view import RecommendationView
from .reconciliation_page import ReconciliationPage
from .reconciliation_view import ReconciliationView
from .refresh_request import RefreshRequest
from .refund_page import RefundPage
from .refund_view import RefundView
from .register_request import RegisterRequest
from .register_request_locale_type_0 import RegisterRequestLocaleType0
from .register_request_role import RegisterRequestRole
from .registered_webhook_view import RegisteredWebhookView
from .reminder_offsets_request import ReminderOffsetsRequest
from .reminder_offsets_view import ReminderOffsetsView
from .reply_request import ReplyRequest
from .reply_view import ReplyView
from .request_detail_view import RequestDetailView
from .request_image_view import RequestImageView
from .request_message_page import RequestMessagePage
from .request_message_view import RequestMessageView
from .request_page import RequestPage
from .request_summary_view import RequestSummaryView
from .requirement_body import RequirementBody
from .reschedule_request import RescheduleRequest
from .reset_password_request import ResetPasswordRequest
from .resolve_request import ResolveRequest
from .resolve_request_booking_status import ResolveRequestBookingStatus
from .revenue_view import RevenueView
from .review_change_request import ReviewChangeRequest
from .review_page import ReviewPage
from .review_request import ReviewRequest
from .review_view import ReviewView
from .rule_request import RuleRequest
from .rule_view import RuleView
from .sandbox_payment_view import SandboxPaymentView
from .send_code_request import SendCodeRequest
from .send_code_request_locale_type_0 import SendCodeRequestLocaleType0
from .send_code_request_purpose import SendCodeRequestPurpose
from .send_request_body import SendRequestBody
from .send_request_body_colour import SendRequestBodyColour
from .sent_message_view import SentMessageView
from .sent_messages_view import SentMessagesView
from .service_page import ServicePage
from .service_request import ServiceRequest
from .session_starts_view import SessionStartsView
from .settings_body import SettingsBody
from .settings_request import SettingsRequest
from .settle_request import SettleRequest
from .sign_body import SignBody
from .signature_view import SignatureView
from .slot_view import SlotView
from .slot_view_request import SlotViewRequest
from .slots_view import SlotsView
from .sms_twilio_status_report_body import SmsTwilioStatusReportBody
from .standing_view import StandingView
from .start_body import StartBody
from .stats_view import StatsView
from .studio_column_view import StudioColumnView
from .studio_day_view import StudioDayView
from .studio_invite_list import StudioInviteList
from .studio_invite_request import StudioInviteRequest
from .studio_invite_view import StudioInviteView
from .studio_kind import StudioKind
from .studio_member_list import StudioMemberList
from .studio_member_view import StudioMemberView
from .studio_method import StudioMethod
from .studio_page import StudioPage
from .studio_payment_create import StudioPaymentCreate
from .studio_payment_view import StudioPaymentView
from .studio_payments_view import StudioPaymentsView
from .studio_refund_create import StudioRefundCreate
from .studio_request import StudioRequest
from .studio_view import StudioView
from .suspension_view import SuspensionView
from .telegram_chat_link_view import TelegramChatLinkView
from .telegram_chat_view import TelegramChatView
from .telegram_link_view import TelegramLinkView
from .telegram_login_request import TelegramLoginRequest
from .telegram_web_app_request import TelegramWebAppRequest
from .thumbnail_view import ThumbnailView
from .ticket_view import TicketView
from .tier_dto import TierDto
from .tier_view import TierView
from .token_request import TokenRequest
from .tokens_view import TokensView
from .touch_up_link import TouchUpLink
from .touch_up_offer_view import TouchUpOfferView
from .touch_up_request import TouchUpRequest
from .touch_up_starts_view import TouchUpStartsView
from .transaction_kind import TransactionKind
from .transaction_page import TransactionPage
from .transaction_view import TransactionView
from .unread_count_view import UnreadCountView
from .update_me_request import UpdateMeRequest
from .update_me_request_locale_type_0 import UpdateMeRequestLocaleType0
from .upload_request import UploadRequest
from .upload_state_view import UploadStateView
from .upload_ticket_view import UploadTicketView
from .upload_ticket_view_headers import UploadTicketViewHeaders
from .user_page import UserPage
from .user_view import UserView
from .verify_code_request import VerifyCodeRequest
from .verify_code_request_locale_type_0 import VerifyCodeRequestLocaleType0
from .verify_code_request_role import VerifyCodeRequestRole
from .waitlist_entry_page import WaitlistEntryPage
from .waitlist_entry_page_items_item import WaitlistEntryPageItemsItem
from .waitlist_settings_view import WaitlistSettingsView
from .webhook_change import WebhookChange
from .webhook_page import WebhookPage
from .webhook_request import WebhookRequest
from .webhook_view import WebhookView
from .window_dto import WindowDto
from .window_view import WindowView
from .withdraw_body import WithdrawBody

__all__ = (
    "AcceptedView",
    "AccountsSessionView",
    "AccountView",
    "AdminAnalyticsPlatformAnalyticsFormatType1",
    "AdminAnalyticsPlatformAnalyticsFormatType2Type1",
    "AdminAnalyticsPlatformAnalyticsFormatType3Type1",
    "AdminArtistsListProfilesStatusType1",
    "AdminArtistsListProfilesStatusType2Type1",
    "AdminArtistsListProfilesStatusType3Type1",
    "AdminBookingsListAllPaymentStatusType0Item",
    "AdminBookingsListAllStatusType0Item",
    "AdminDisputesListDisputesStatusType1",
    "AdminDisputesListDisputesStatusType2Type1",
    "AdminDisputesListDisputesStatusType3Type1",
    "AdminTransactionsListTransactionsStatusType0Item",
    "AdminUsersListUsersRoleType1",
    "AdminUsersListUsersRoleType2Type1",
    "AdminUsersListUsersRoleType3Type1",
    "AdminUserView",
    "AftercareRequest",
    "AftercareView",
    "AnalyticsServiceView",
    "AnsweredView",
    "AnswerView",
    "ApiKeyList",
    "ApiKeyView",
    "ApiKeyViewStatus",
    "ApprovalRequest",
    "ArtistAnalyticsView",
    "ArtistCardView",
    "ArtistImageRequest",
    "ArtistImageView",
    "ArtistPage",
    "ArtistRequest",
    "ArtistsArtistIdAnalyticsArtistAnalyticsFormatType1",
    "ArtistsArtistIdAnalyticsArtistAnalyticsFormatType2Type1",
    "ArtistsArtistIdAnalyticsArtistAnalyticsFormatType3Type1",
    "ArtistsArtistIdReviewsListReviewsSort",
    "ArtistSearchPage",
    "ArtistsSearchArtistsSort",
    "ArtistsSearchArtistsStylesMatch",
    "ArtistView",
    "AuditEntryView",
    "AuditEntryViewAfterType0",
    "AuditEntryViewBeforeType0",
    "AuditPageView",
    "AvailabilityView",
    "BalanceInvoiceRequest",
    "BlockRequest",
    "BookedSessionView",
    "BookingConsentView",
    "BookingEventsView",
    "BookingEventView",
    "BookingLinkList",
    "BookingLinkRequest",
    "BookingLinkView",
    "BookingPage",
    "BookingsListBookingsStatusType0Item",
    "BookingView",
    "BreakdownView",
    "BudgetDto",
    "BudgetView",
    "CalendarFeedView",
    "CancellationQuoteView",
    "CancelProjectBody",
    "CatalogServiceView",
    "CatalogSettingsView",
    "ChangeEmailRequest",
    "ChangePasswordRequest",
    "ChangePhoneRequest",
    "ChangeStatusRequest",
    "ChangeStatusRequestStatus",
    "ClientDto",
    "CodeSentView",
    "CommissionsAnswerBody",
    "ConsentAnswerBody",
    "ConsentRequirementView",
    "ConsentView",
    "CreateApiKeyRequest",
    "CreateApiKeyRequestScopesItem",
    "CreateBookingRequest",
    "CustomerContactView",
    "CustomerLookupDto",
    "DeepLinkView",
    "DeleteAccountRequest",
    "DeliveryPage",
    "DeliveryView",
    "DeliveryViewBody",
    "DepositDto",
    "DepositInvoiceRequest",
    "DepositView",
    "DeskBookingView",
    "DeviceSessionList",
    "DeviceSessionView",
    "DifferenceView",
    "DisputeDetailView",
    "DisputePage",
    "DisputeSummaryView",
    "EntryDto",
    "EntryView",
    "EvidenceRequest",
    "EvidenceView",
    "ExpiringView",
    "ExternalCalendarPage",
    "ExternalCalendarRequest",
    "ExternalCalendarView",
    "FailedNotificationPage",
    "FailedNotificationView",
    "FetchOutcomeView",
    "FlashDesignChange",
    "FlashDesignRequest",
    "FlashDesignView",
    "FlashSheetPage",
    "FlashVariantRequest",
    "FlashVariantView",
    "ForgotPasswordRequest",
    "FormBody",
    "FormBodyLocale",
    "FormContentView",
    "FormSummaryView",
    "FormVersionView",
    "FormView",
    "Granularity",
    "HealthView",
    "HideRequest",
    "IdCheckBody",
    "IdCheckBodyDocumentType",
    "IdCheckView",
    "IdeaChange",
    "IdeaPage",
    "IdeaRequest",
    "IdeaView",
    "ImageView",
    "InboxItemView",
    "InboxPage",
    "InviteLandingView",
    "InvoiceView",
    "JoinBody",
    "LedgerEntryPage",
    "LedgerEntryView",
    "LedgerView",
    "LinkCountsView",
    "LinkSentView",
    "Location",
    "LockRequest",
    "LoginRequest",
    "LoyaltyEntryPage",
    "LoyaltyView",
    "MadeApiKeyView",
    "MadeInviteView",
    "MarkedView",
    "MessageBody",
    "MethodRevenueView",
    "MoneyDto",
    "NextSlotView",
    "OfferBookingView",
    "OfferView",
    "OnboardingView",
    "OpenDisputeRequest",
    "OpenDisputeRequestOnBehalfOfType1",
    "OpenDisputeRequestOnBehalfOfType2Type1",
    "OpenDisputeRequestOnBehalfOfType3Type1",
    "OverrideRequest",
    "OverrideView",
    "OwedPage",
    "OwedView",
    "OwnStudioMemberView",
    "PaymentMethod",
    "PaymentsStripeEventsEventBody",
    "PayoutAccountView",
    "PayoutBody",
    "PeriodView",
    "PlacementDto",
    "PlacementDtoArea",
    "PlacementView",
    "PlatformAnalyticsView",
    "PortfolioCardView",
    "PortfolioImageView",
    "PortfolioItemChange",
    "PortfolioItemRequest",
    "PortfolioItemView",
    "PortfolioPage",
    "PortfolioSearchPage",
    "PreferencesChange",
    "PreferencesView",
    "Problem",
    "ProblemField",
    "ProgramBody",
    "ProgramView",
    "ProjectDetailView",
    "ProjectPage",
    "ProjectSessionView",
    "ProjectStartedView",
    "QuestionBody",
    "QuestionBodyDates",
    "QuestionBodyDisclosureType1",
    "QuestionBodyDisclosureType2Type1",
    "QuestionBodyDisclosureType3Type1",
    "QuestionBodyKind",
    "QuestionView",
    "QuoteBody",
    "QuoteList",
    "QuoteView",
    "ReceivedPaymentView",
    "RecommendationList",
    "RecommendationView",
    "ReconciliationPage",
    "ReconciliationView",
    "RefreshRequest",
    "RefundPage",
    "RefundView",
    "RegisteredWebhookView",
    "RegisterRequest",
    "RegisterRequestLocaleType0",
    "RegisterRequestRole",
    "ReminderOffsetsRequest",
    "ReminderOffsetsView",
    "ReplyRequest",
    "ReplyView",
    "RequestDetailView",
    "RequestImageView",
    "RequestMessagePage",
    "RequestMessageView",
    "RequestPage",
    "RequestSummaryView",
    "RequirementBody",
    "RescheduleRequest",
    "ResetPasswordRequest",
    "ResolveRequest",
    "ResolveRequestBookingStatus",
    "RevenueView",
    "ReviewChangeRequest",
    "ReviewPage",
    "ReviewRequest",
    "ReviewView",
    "RuleRequest",
    "RuleView",
    "SandboxPaymentView",
    "SendCodeRequest",
    "SendCodeRequestLocaleType0",
    "SendCodeRequestPurpose",
    "SendRequestBody",
    "SendRequestBodyColour",
    "SentMessagesView",
    "SentMessageView",
    "ServicePage",
    "ServiceRequest",
    "SessionStartsView",
    "SettingsBody",
    "SettingsRequest",
    "SettleRequest",
    "SignatureView",
    "SignBody",
    "SlotsView",
    "SlotView",
    "SlotViewRequest",
    "SmsTwilioStatusReportBody",
    "StandingView",
    "StartBody",
    "StatsView",
    "StudioColumnView",
    "StudioDayView",
    "StudioInviteList",
    "StudioInviteRequest",
    "StudioInviteView",
    "StudioKind",
    "StudioMemberList",
    "StudioMemberView",
    "StudioMethod",
    "StudioPage",
    "StudioPaymentCreate",
    "StudioPaymentsView",
    "StudioPaymentView",
    "StudioRefundCreate",
    "StudioRequest",
    "StudioView",
    "SuspensionView",
    "TelegramChatLinkView",
    "TelegramChatView",
    "TelegramLinkView",
    "TelegramLoginRequest",
    "TelegramWebAppRequest",
    "ThumbnailView",
    "TicketView",
    "TierDto",
    "TierView",
    "TokenRequest",
    "TokensView",
    "TouchUpLink",
    "TouchUpOfferView",
    "TouchUpRequest",
    "TouchUpStartsView",
    "TransactionKind",
    "TransactionPage",
    "TransactionView",
    "UnreadCountView",
    "UpdateMeRequest",
    "UpdateMeRequestLocaleType0",
    "UploadRequest",
    "UploadStateView",
    "UploadTicketView",
    "UploadTicketViewHeaders",
    "UserPage",
    "UserView",
    "VerifyCodeRequest",
    "VerifyCodeRequestLocaleType0",
    "VerifyCodeRequestRole",
    "WaitlistEntryPage",
    "WaitlistEntryPageItemsItem",
    "WaitlistSettingsView",
    "WebhookChange",
    "WebhookPage",
    "WebhookRequest",
    "WebhookView",
    "WindowDto",
    "WindowView",
    "WithdrawBody",
)
