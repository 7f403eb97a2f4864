"""Errors of the notifications context."""

from __future__ import annotations

from booking_domain.shared.errors import (
    FieldError,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
)


class NotificationNotFoundError(NotFoundError):
    code = "notification_not_found"
    default_message = "There is no such notification."


class InvalidReminderOffsetsError(InvalidInputError):
    code = "invalid_reminder_offsets"
    default_message = "The reminder offsets are invalid."

    def __init__(self, message: str | None = None) -> None:
        text = message or self.default_message
        super().__init__(text, errors=(FieldError("offsetsMinutes", text, self.code),))


class UnsignedDeliveryReportError(PermissionDeniedError):
    code = "unsigned_delivery_report"
    default_message = "The delivery report is not signed by the SMS provider."


class InvalidDeliveryReportError(InvalidInputError):
    code = "invalid_delivery_report"
    default_message = "The delivery report is malformed."
