"""Privacy has no storage of its own: its part is the parts of the contexts whose records of
a person it exports and deletes in one transaction, held to its unit of work."""

from __future__ import annotations

from adapters.postgres.parts import commissions, notifications, payments, waitlist, webhooks
from booking_domain.privacy.ports import PrivacyUnitOfWork


class Part(webhooks.Part, notifications.Part, commissions.Part, waitlist.Part, payments.Part):
    pass


SERVES: type[PrivacyUnitOfWork] = Part
