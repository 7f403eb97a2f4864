from enum import StrEnum


class CreateApiKeyRequestScopesItem(StrEnum):
    AVAILABILITYMANAGE = "availability:manage"
    BOOKINGSMANAGE = "bookings:manage"
    BOOKINGSREAD = "bookings:read"
    WEBHOOKSMANAGE = "webhooks:manage"

    def __str__(self) -> str:
        return str(self.value)
